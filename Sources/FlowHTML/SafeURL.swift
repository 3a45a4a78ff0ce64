/// Keeps URLs that would run script out of `href` and `src` attributes.
///
/// The prose renderer already drops such URLs in links written in prose (and percent-encodes
/// the rest); this covers the URLs the site itself writes from front matter and page ids:
/// `next:` links, listings, the pager, breadcrumbs, the flow map and the search index.
enum SafeURL {
    /// Whether a browser would treat `url` as `javascript:`, `vbscript:`, `file:` or a
    /// non-image `data:` URL.
    ///
    /// Compared the way a browser parses the scheme: leading and trailing spaces and control
    /// characters are ignored, tabs and line breaks anywhere are removed, and case is ignored,
    /// so ` Java\tScript:alert(1)` is dangerous. `data:image/png` (also gif, jpeg and webp) is not.
    static func isDangerous(_ url: String) -> Bool {
        var scheme: [UInt8] = []
        var started = false
        for byte in url.utf8 {
            if byte == 0x09 || byte == 0x0A || byte == 0x0D { continue }
            if !started, byte <= 0x20 { continue }
            started = true
            if byte == UInt8(ascii: ":") { break }
            scheme.append((UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte + 32 : byte)
            if scheme.count > 16 { return false }
        }
        switch String(decoding: scheme, as: UTF8.self) {
        case "javascript", "vbscript", "file": return true
        case "data":
            let lowered = url.lowercased().filter { $0 != "\t" && $0 != "\n" && $0 != "\r" && $0 != " " }
            return !["data:image/png", "data:image/gif", "data:image/jpeg", "data:image/webp"].contains {
                lowered.hasPrefix($0)
            }
        default: return false
        }
    }

    /// `url`, or `""` when it is dangerous.
    static func filtered(_ url: String) -> String {
        isDangerous(url) ? "" : url
    }
}
