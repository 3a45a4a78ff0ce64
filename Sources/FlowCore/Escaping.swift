/// Escaping text for the places flowdoc writes it: markup (HTML and XML) and script string literals.
///
/// One implementation for every writer (site, reports, preview server, adapters), so a fix to
/// escaping reaches them all.
public enum Escaping {
    /// `text` for HTML or XML text and quoted attribute values.
    ///
    /// `Tom & "Jerry's" <b>` becomes `Tom &amp; &quot;Jerry&#39;s&quot; &lt;b&gt;`. With
    /// `dropsInvalidXMLCharacters`, characters XML 1.0 can't hold (most control characters,
    /// U+FFFE, U+FFFF) are left out.
    public static func markup(_ text: String, dropsInvalidXMLCharacters: Bool = false) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            case "\t", "\n", "\r": escaped.unicodeScalars.append(scalar)
            default:
                let value = scalar.value
                let isInvalidXML = value < 0x20 || value == 0xFFFE || value == 0xFFFF
                if !(dropsInvalidXMLCharacters && isInvalidXML) { escaped.unicodeScalars.append(scalar) }
            }
        }
        return escaped
    }

    /// Appends `text` to `output`, escaped for HTML text and quoted attribute values as
    /// ``markup(_:dropsInvalidXMLCharacters:)`` escapes it (no character is dropped).
    ///
    /// Runs without a character to escape are appended whole, so plain text costs one append.
    public static func appendMarkup(_ text: String, to output: inout String) {
        var bytes = text
        if bytes.withUTF8({ markupEntities.firstIndex(in: $0, from: 0) == $0.count }) {
            return output += text
        }
        let utf8 = text.utf8
        var runStart = utf8.startIndex
        var index = runStart
        while index != utf8.endIndex {
            let replacement: String? =
                switch utf8[index] {
                case UInt8(ascii: "&"): "&amp;"
                case UInt8(ascii: "<"): "&lt;"
                case UInt8(ascii: ">"): "&gt;"
                case UInt8(ascii: "\""): "&quot;"
                case UInt8(ascii: "'"): "&#39;"
                default: nil
                }
            if let replacement {
                output += text[runStart..<index]
                output += replacement
                runStart = utf8.index(after: index)
            }
            index = utf8.index(after: index)
        }
        if runStart == utf8.startIndex {
            output += text
        } else {
            output += text[runStart...]
        }
    }

    /// The bytes ``appendMarkup(_:to:)`` replaces.
    private static let markupEntities = ByteClass(
        UInt8(ascii: "&"),
        UInt8(ascii: "<"),
        UInt8(ascii: ">"),
        UInt8(ascii: "\""),
        UInt8(ascii: "'")
    )

    /// `text` as a JavaScript or TypeScript string literal in `quote` (`"` or `'`).
    ///
    /// Escapes the backslash, the quote, line terminators (including U+2028 and U+2029) and other
    /// control characters. With `isInsideHTML`, `<`, `>` and `&` become `\u003c`, `\u003e` and
    /// `\u0026` too, so the literal can't close a `<script>` element.
    public static func scriptString(_ text: String, quote: Character = "\"", isInsideHTML: Bool = false) -> String {
        var literal = String(quote)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": literal += "\\\\"
            case "\n": literal += "\\n"
            case "\r": literal += "\\r"
            case "\t": literal += "\\t"
            case "\u{2028}": literal += "\\u2028"
            case "\u{2029}": literal += "\\u2029"
            case "<" where isInsideHTML: literal += "\\u003c"
            case ">" where isInsideHTML: literal += "\\u003e"
            case "&" where isInsideHTML: literal += "\\u0026"
            default:
                if Character(scalar) == quote {
                    literal += "\\" + String(quote)
                } else if scalar.value < 0x20 || scalar.value == 0x7F {
                    let hex = String(scalar.value, radix: 16, uppercase: true)
                    literal += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    literal.unicodeScalars.append(scalar)
                }
            }
        }
        return literal + String(quote)
    }
}
