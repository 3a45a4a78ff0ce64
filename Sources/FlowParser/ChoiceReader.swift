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
        var options: [Choice.Option] = []
        options.reserveCapacity(list.items.count)
        for item in list.items {
            guard case .paragraph(let paragraph)? = item.blocks.first,
                case .strong(let labelInlines, _)? = paragraph.inlines.first
            else { return nil }
            var label = labelInlines.plainText.trimmingSpaces
            if label.hasSuffix(":") { label = String(label.dropLast()).trimmingSpaces }
            var properties: [String] = []
            let restOfLine = plainTextWithoutLinks(paragraph.inlines.dropFirst())
                .trimmingSpaces.trimmingPrefix(":").trimmingSpaces
            if !restOfLine.isEmpty { properties.append(restOfLine) }
            for block in item.blocks.dropFirst() {
                if case .list(let nested) = block {
                    properties += nested.items.map(joinedText)
                } else {
                    block.forEachInlineRun { properties.append($0.plainText) }
                }
            }
            options.append(
                Choice.Option(
                    label: label,
                    properties: properties,
                    link: firstLink(in: paragraph.inlines)?.destination,
                    isSelected: false,
                    range: item.range
                )
            )
        }
        // Only a list that is a choice gets the names compared.
        let selectedNames = Set(targets.map { $0.name.trimmingSpaces.lowercased() })
        for index in options.indices {
            options[index].isSelected = selectedNames.contains(options[index].label.lowercased())
        }
        return Choice(options: options, range: list.range)
    }

    /// The text of an item's inline runs, joined by spaces.
    private static func joinedText(_ item: ListItem) -> String {
        var text = ""
        var isFirst = true
        for block in item.blocks {
            block.forEachInlineRun { run in
                if !isFirst { text += " " }
                isFirst = false
                text += run.plainText
            }
        }
        return text.trimmingSpaces
    }

    /// The first link of `inlines`: the first that ``FlowModel/Inline/collectLinks(in:images:into:)`` collects.
    private static func firstLink(in inlines: [Inline]) -> Inline.Link? {
        for inline in inlines {
            switch inline {
            case .link(let link): return link
            case .emphasis(let children, _), .strong(let children, _):
                if let link = firstLink(in: children) { return link }
            case .text, .code, .html, .softBreak, .lineBreak, .image: continue
            }
        }
        return nil
    }

    /// Plain text with links left out, and the parentheses that held only a link removed.
    private static func plainTextWithoutLinks(_ inlines: ArraySlice<Inline>) -> String {
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
