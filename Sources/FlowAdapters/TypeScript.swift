/// Writing values into TypeScript source.
enum TypeScript {
    /// `text` as a single-quoted TypeScript string literal: `it's` becomes `'it\'s'`.
    ///
    /// Escapes the backslash, the quote, line terminators (including U+2028 and U+2029) and
    /// other control characters.
    static func string(_ text: String) -> String {
        var literal = "'"
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": literal += "\\\\"
            case "'": literal += "\\'"
            case "\n": literal += "\\n"
            case "\r": literal += "\\r"
            case "\t": literal += "\\t"
            case "\u{2028}": literal += "\\u2028"
            case "\u{2029}": literal += "\\u2029"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    let hex = String(scalar.value, radix: 16, uppercase: true)
                    literal += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    literal.unicodeScalars.append(scalar)
                }
            }
        }
        return literal + "'"
    }

    /// `text` on one line, safe inside a `//` comment.
    static func comment(_ text: String) -> String {
        var line = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n", "\r", "\u{2028}", "\u{2029}", "\u{85}": line += " "
            default: line.unicodeScalars.append(scalar)
            }
        }
        return line
    }
}
