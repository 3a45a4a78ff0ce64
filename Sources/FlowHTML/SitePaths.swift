/// URLs of the generated site, as paths relative to the site's root folder.
///
/// A flow with id `salesforce/initiate` lives at `salesforce/initiate.html`; links between
/// pages are relative, so the site works from any folder, a web server or `file://`.
package enum SitePaths {
    /// The page of the flow with `id`: `salesforce/initiate` gives `salesforce/initiate.html`.
    package static func page(forFlowID id: String) -> String { id + ".html" }

    /// The JSON of one flow: `salesforce/initiate` gives `json/salesforce/initiate.json`.
    package static func json(forFlowID id: String) -> String { "json/" + id + ".json" }

    /// The prefix that leads from the folder of `path` back to the root: `a/b.html` gives `../`.
    package static func rootPrefix(from path: String) -> String {
        let depth = path.split(separator: "/", omittingEmptySubsequences: true).count - 1
        return String(repeating: "../", count: max(depth, 0))
    }

    /// The relative URL from the page at `from` to the file at `to`, both relative to the root.
    ///
    /// `relative(from: "salesforce/a.html", to: "jira/b.html")` gives `../jira/b.html`;
    /// `relative(from: "salesforce/a.html", to: "salesforce/b.html")` gives `b.html`;
    /// `relative(from: "a.html", to: "javascript:x.html")` gives `./javascript:x.html`.
    package static func relative(from: String, to: String) -> String {
        var fromCopy = from
        var toCopy = to
        let relative = fromCopy.withUTF8 { fromBytes in
            toCopy.withUTF8 { toBytes in plainRelative(from: fromBytes, to: toBytes) }
        }
        return relative ?? relativeBySegments(from: from, to: to)
    }

    /// ``relative(from:to:)`` for paths of UTF-8 bytes; `nil` when one has an empty segment.
    private static func plainRelative(from: UnsafeBufferPointer<UInt8>, to: UnsafeBufferPointer<UInt8>) -> String? {
        guard isPlain(from), isPlain(to) else { return nil }
        // Both paths are `segment/segment/...` with no empty segment: compare bytes up to the
        // last `/` they share, then climb out of the folders of `from` that are left.
        var shared = 0
        var index = 0
        while index < from.count, index < to.count, from[index] == to[index] {
            index += 1
            if from[index - 1] == slash { shared = index }
        }
        let ups = from[shared...].count { $0 == slash }
        let rest = to[shared...]
        // A first segment with a colon (a page id `javascript:x`) would be read as a URL scheme.
        let needsDot = ups == 0 && rest.prefix { $0 != slash }.contains(UInt8(ascii: ":"))
        let dot = UInt8(ascii: ".")
        return String(unsafeUninitializedCapacity: 3 * ups + (needsDot ? 2 : 0) + rest.count) { buffer in
            var filled = 0
            func put(_ byte: UInt8) {
                buffer[filled] = byte
                filled += 1
            }
            for _ in 0..<ups {
                put(dot)
                put(dot)
                put(slash)
            }
            if needsDot {
                put(dot)
                put(slash)
            }
            rest.forEach(put)
            return filled
        }
    }

    private static let slash = UInt8(ascii: "/")

    /// Whether `path` is non-empty and has no empty segment (no leading, trailing or double `/`).
    private static func isPlain(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = bytes.first, let last = bytes.last, first != slash, last != slash else { return false }
        var previous: UInt8 = 0
        for byte in bytes {
            if byte == slash, previous == slash { return false }
            previous = byte
        }
        return true
    }

    /// ``relative(from:to:)`` for any path, segment by segment.
    static func relativeBySegments(from: String, to: String) -> String {
        let fromFolders = from.split(separator: "/").dropLast()
        let toParts = to.split(separator: "/")
        var common = 0
        while common < fromFolders.count, common < toParts.count - 1,
            fromFolders[fromFolders.startIndex + common] == toParts[common]
        {
            common += 1
        }
        let ups = Array(repeating: "..", count: fromFolders.count - common)
        let url = (ups + toParts[common...].map(String.init)).joined(separator: "/")
        // A first segment with a colon (a page id `javascript:x`) would be read as a URL scheme.
        let first = url.prefix { $0 != "/" }
        return first.contains(":") ? "./" + url : url
    }
}
