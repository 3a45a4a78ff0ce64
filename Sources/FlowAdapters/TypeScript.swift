import FlowCore

/// Writing values into TypeScript source.
enum TypeScript {
    /// `text` as a single-quoted TypeScript string literal: `it's` becomes `'it\'s'`.
    ///
    /// Escapes the backslash, the quote, line terminators (including U+2028 and U+2029) and
    /// other control characters.
    static func string(_ text: String) -> String { Escaping.scriptString(text, quote: "'") }

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
