import FlowCore
import FlowModel
import FlowProse

/// Recognises callouts: `> [!TIP]`, `> **Note:** …` and a paragraph `Warning: …`.
enum CalloutReader {
    /// The callout `block` is written as, or `nil` if it is not one.
    static func callout(from block: Block) -> Callout? {
        switch block {
        case .blockQuote(let quote):
            guard case .paragraph(let first)? = quote.blocks.first else { return nil }
            if let (kind, rest) = alert(first) {
                return Callout(
                    kind: kind,
                    blocks: rest.map { [.paragraph($0)] }.orEmpty + quote.blocks.dropFirst(),
                    range: quote.range
                )
            }
            if let (kind, rest) = label(first, allowsStrong: true) {
                return Callout(kind: kind, blocks: [.paragraph(rest)] + quote.blocks.dropFirst(), range: quote.range)
            }
            return nil
        case .paragraph(let paragraph):
            guard let (kind, rest) = label(paragraph, allowsStrong: true) else { return nil }
            return Callout(kind: kind, blocks: [.paragraph(rest)], range: paragraph.range)
        default:
            return nil
        }
    }

    /// `[!NOTE]` alone on the first line; returns the kind and the rest of the paragraph.
    private static func alert(_ paragraph: Paragraph) -> (Callout.Kind, Paragraph?)? {
        let firstLine = paragraph.inlines.prefix { $0 != .softBreak && $0 != .lineBreak }
        let text = Array(firstLine).plainText.trimmingSpaces
        guard text.hasPrefix("[!"), text.hasSuffix("]") else { return nil }
        let kind = Callout.Kind(rawValue: String(text.dropFirst(2).dropLast()))
        guard Callout.Kind.known.contains(kind) else { return nil }
        let rest = Array(paragraph.inlines.dropFirst(firstLine.count + 1))
        return (kind, rest.isEmpty ? nil : Paragraph(inlines: rest, range: paragraph.range))
    }

    /// `Note: text` or `**Note:** text`; returns the kind and the paragraph without the label.
    private static func label(_ paragraph: Paragraph, allowsStrong: Bool) -> (Callout.Kind, Paragraph)? {
        var inlines = paragraph.inlines
        guard let first = inlines.first else { return nil }
        switch first {
        case .strong(let children, _) where allowsStrong:
            var labelText = children.plainText.trimmingSpaces
            inlines.removeFirst()
            if labelText.hasSuffix(":") {
                labelText.removeLast()
            } else if case .text(let text, let range)? = inlines.first, text.hasPrefix(":") {
                inlines[0] = .text(String(text.dropFirst()), range)
            } else {
                return nil
            }
            let kind = Callout.Kind(rawValue: labelText)
            guard Callout.Kind.known.contains(kind) else { return nil }
            return (kind, Paragraph(inlines: inlines.droppingLeadingSpace, range: paragraph.range))
        case .text(let text, let range):
            // A label is a known kind (at most 9 letters) before the colon: a text without a colon
            // in its first 64 bytes (16 scalars at least) cannot start with one, and searching the
            // whole paragraph by characters was a tenth of parsing.
            guard hasColon(inFirst: 64, of: text) else { return nil }
            guard let colon = text.firstIndex(of: ":") else { return nil }
            let kind = Callout.Kind(rawValue: String(text[..<colon]))
            guard Callout.Kind.known.contains(kind) else { return nil }
            inlines[0] = .text(String(text[text.index(after: colon)...]), range)
            return (kind, Paragraph(inlines: inlines.droppingLeadingSpace, range: paragraph.range))
        default:
            return nil
        }
    }

    /// Whether one of the first `count` bytes of `text` is a colon; searched in the string's
    /// own storage when it has it (the generic search over its UTF-8 view was 0.8% of `check`).
    private static func hasColon(inFirst count: Int, of text: String) -> Bool {
        let colon = UInt8(ascii: ":")
        return text.utf8.withContiguousStorageIfAvailable { $0.prefix(count).contains(colon) }
            ?? text.utf8.prefix(count).contains(colon)
    }
}

extension Optional where Wrapped == [Block] {
    fileprivate var orEmpty: [Block] { self ?? [] }
}

extension Array where Element == Inline {
    /// The inlines with leading spaces of the first text removed, and an empty first text dropped.
    var droppingLeadingSpace: [Inline] {
        guard case .text(let text, let range)? = first else { return self }
        let trimmed = String(text.drop { $0 == " " || $0 == "\t" })
        return trimmed.isEmpty ? Array(dropFirst()) : [.text(trimmed, range)] + dropFirst()
    }
}

extension StringProtocol {
    /// The string without leading and trailing spaces, tabs and line breaks.
    var trimmingSpaces: String {
        // A text that neither starts nor ends with one of these bytes has no such character at either end.
        let bytes = Substring(self).utf8
        if let first = bytes.first, let last = bytes.last, !Self.isSpaceByte(first), !Self.isSpaceByte(last) {
            return String(self)
        }
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        var text = Substring(self)
        while let first = text.first, isSpace(first) { text = text.dropFirst() }
        while let last = text.last, isSpace(last) { text = text.dropLast() }
        return String(text)
    }

    private static func isSpaceByte(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n")
            || byte == UInt8(ascii: "\r")
    }
}
