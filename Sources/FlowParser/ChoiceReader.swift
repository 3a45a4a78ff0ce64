import FlowCore
import FlowModel
import FlowProse

/// Reads a bullet list whose every item begins with a bold label as a ``FlowModel/Choice``.
///
/// ```markdown
/// - **Visual** ([set up in Visual mode](visual-mode.md))
///   - Low-code, visual interface
/// ```
enum ChoiceReader {
    /// The choice `list` stands for, or `nil` if it is not one.
    ///
    /// - Parameters:
    ///   - list: A bullet list inside a step.
    ///   - targets: The bold names of the step's instruction; an option named there is selected.
    static func choice(from list: ListBlock, targets: [UITarget]) -> Choice? {
        guard !list.isOrdered, !list.items.isEmpty else { return nil }
        let selectedNames = Set(targets.map { $0.name.trimmingSpaces.lowercased() })
        var options: [Choice.Option] = []
        for item in list.items {
            guard case .paragraph(let paragraph)? = item.blocks.first,
                case .strong(let labelInlines, _)? = paragraph.inlines.first
            else { return nil }
            var label = labelInlines.plainText.trimmingSpaces
            if label.hasSuffix(":") { label = String(label.dropLast()).trimmingSpaces }
            var links: [Inline.Link] = []
            Inline.collectLinks(in: paragraph.inlines, images: false, into: &links)
            var properties: [String] = []
            let restOfLine = plainTextWithoutLinks(Array(paragraph.inlines.dropFirst()))
                .trimmingSpaces.trimmingPrefix(":").trimmingSpaces
            if !restOfLine.isEmpty { properties.append(restOfLine) }
            for block in item.blocks.dropFirst() {
                if case .list(let nested) = block {
                    // Closures, not key paths: a key path is read through the runtime, item by item.
                    properties += nested.items.map { item in
                        item.blocks.flatMap { $0.allInlines }.map { $0.plainText }.joined(separator: " ").trimmingSpaces
                    }
                } else {
                    properties += block.allInlines.map { $0.plainText }
                }
            }
            options.append(
                Choice.Option(
                    label: label,
                    properties: properties,
                    link: links.first?.destination,
                    isSelected: selectedNames.contains(label.lowercased()),
                    range: item.range
                )
            )
        }
        return Choice(options: options.withoutSpareCapacity, range: list.range)
    }

    /// Plain text with links left out, and the parentheses that held only a link removed.
    private static func plainTextWithoutLinks(_ inlines: [Inline]) -> String {
        let text = inlines.filter { if case .link = $0 { false } else { true } }.plainText
        return text.removingAll("()").trimmingSpaces
    }
}

extension String {
    func trimmingPrefix(_ prefix: String) -> String {
        hasPrefix(prefix) ? String(dropFirst(prefix.count)) : self
    }

    func removingAll(_ target: String) -> String {
        // Splitting by a string is slow: nearly always there is nothing to remove, or the text is
        // ASCII, where removing the target's bytes from left to right removes the same characters.
        if let first = target.utf8.first, first < 0x80, !utf8.contains(first) { return self }
        if !target.isEmpty, utf8.allSatisfy({ $0 < 0x80 }), target.utf8.allSatisfy({ $0 < 0x80 }) {
            let bytes = Array(utf8)
            let pattern = Array(target.utf8)
            var kept: [UInt8] = []
            kept.reserveCapacity(bytes.count)
            var index = 0
            while index < bytes.count {
                if bytes.count - index >= pattern.count, bytes[index..<index + pattern.count].elementsEqual(pattern) {
                    index += pattern.count
                } else {
                    kept.append(bytes[index])
                    index += 1
                }
            }
            return String(decoding: kept, as: UTF8.self)
        }
        return split(separator: target, omittingEmptySubsequences: false).joined()
    }
}
