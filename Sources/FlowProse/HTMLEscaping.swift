import FlowCore

/// Escaping rules of libcmark 0.30.2's HTML renderer (its bundled houdini functions), byte for byte.
enum HTMLEscaping {
    /// Appends `text` with `&`, `<`, `>` and `"` replaced by entities, like cmark's `escape_html`.
    ///
    /// `'` and `/` stay as they are, as in cmark's non-secure mode: `a<b & "c"` gives
    /// `a&lt;b &amp; &quot;c&quot;`.
    static func appendEscapedText(_ text: String, to output: inout [UInt8]) {
        var text = text
        text.withUTF8 { bytes in
            // Runs of bytes that need no entity are copied whole.
            var runStart = 0
            var index = textEntities.firstIndex(in: bytes, from: 0)
            while index < bytes.count {
                let entity: StaticString
                switch bytes[index] {
                case UInt8(ascii: "&"): entity = "&amp;"
                case UInt8(ascii: "<"): entity = "&lt;"
                case UInt8(ascii: ">"): entity = "&gt;"
                default: entity = "&quot;"
                }
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                entity.withUTF8Buffer { output.append(contentsOf: $0) }
                runStart = index + 1
                index = textEntities.firstIndex(in: bytes, from: runStart)
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...]))
        }
    }

    /// The bytes ``appendEscapedText(_:to:)`` replaces.
    private static let textEntities = ByteClass(
        UInt8(ascii: "&"),
        UInt8(ascii: "<"),
        UInt8(ascii: ">"),
        UInt8(ascii: "\"")
    )

    /// Appends `url` escaped for an `href` or `src` attribute, like houdini's `houdini_escape_href`.
    ///
    /// Bytes of the safe set (letters, digits and `!#$%()*+,-./:;=?@_~`) are copied, `&` becomes
    /// `&amp;`, `'` becomes `&#x27;`, and every other byte is percent-encoded with upper-case hex:
    /// `/a b?x=<é>` gives `/a%20b?x=%3C%C3%A9%3E`. The safe set was read off the `cmark` CLI.
    static func appendEscapedURL(_ url: String, to output: inout [UInt8]) {
        let hexDigits = Array("0123456789ABCDEF".utf8)
        for byte in url.utf8 {
            if isSafeInURL(byte) {
                output.append(byte)
            } else if byte == UInt8(ascii: "&") {
                output.append(contentsOf: "&amp;".utf8)
            } else if byte == UInt8(ascii: "'") {
                output.append(contentsOf: "&#x27;".utf8)
            } else {
                output.append(UInt8(ascii: "%"))
                output.append(hexDigits[Int(byte >> 4)])
                output.append(hexDigits[Int(byte & 0x0F)])
            }
        }
    }

    private static func isSafeInURL(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"):
            true
        case UInt8(ascii: "!"), UInt8(ascii: "#"), UInt8(ascii: "$"), UInt8(ascii: "%"), UInt8(ascii: "("),
            UInt8(ascii: ")"), UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: ","), UInt8(ascii: "-"),
            UInt8(ascii: "."), UInt8(ascii: "/"), UInt8(ascii: ":"), UInt8(ascii: ";"), UInt8(ascii: "="),
            UInt8(ascii: "?"), UInt8(ascii: "@"), UInt8(ascii: "_"), UInt8(ascii: "~"):
            true
        default:
            false
        }
    }

    /// Whether a URL would run code or read local files, like cmark's `_scan_dangerous_url`.
    ///
    /// The URL is dangerous when it starts, ignoring ASCII case, with `javascript:`, `vbscript:`,
    /// `file:` or `data:`, except `data:image/png`, `data:image/gif`, `data:image/jpeg` and
    /// `data:image/webp`.
    static func isDangerousURL(_ url: String) -> Bool {
        let bytes = url.utf8
        func hasPrefix(_ prefix: String) -> Bool {
            var index = bytes.startIndex
            for expected in prefix.utf8 {
                guard index < bytes.endIndex, lowercased(bytes[index]) == expected else { return false }
                index = bytes.index(after: index)
            }
            return true
        }
        if hasPrefix("data:image/png") || hasPrefix("data:image/gif") || hasPrefix("data:image/jpeg")
            || hasPrefix("data:image/webp")
        {
            return false
        }
        return hasPrefix("javascript:") || hasPrefix("vbscript:") || hasPrefix("file:") || hasPrefix("data:")
    }

    private static func lowercased(_ byte: UInt8) -> UInt8 {
        (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte + 32 : byte
    }
}
