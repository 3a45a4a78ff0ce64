import FlowCore
import FlowModel
import FlowProse

/// Reads one item of an ordered list into a ``FlowModel/Step``.
///
/// The first paragraph is the instruction: its first word is the action, each bold span a UI
/// target, each code span a literal. The other blocks become field tables, screens, choices,
/// sub-steps, a result, callouts or prose.
struct StepReader {
    let options: ParseOptions

    /// Reads `item`.
    ///
    /// - Parameters:
    ///   - item: The list item.
    ///   - index: The 1-based position in its procedure.
    ///   - anchor: The step's anchor.
    ///   - diagnostics: Where problems found on the way are added.
    func read(_ item: ListItem, index: Int, anchor: String, diagnostics: inout [Diagnostic]) -> Step {
        var blocks = item.blocks[...]
        var instruction = Paragraph(inlines: [], range: item.range)
        if case .paragraph(let first)? = blocks.first, CalloutReader.callout(from: .paragraph(first)) == nil {
            instruction = first
            blocks = blocks.dropFirst()
        }
        let targets = Self.targets(in: instruction.inlines)
        var elements: [StepElement] = []
        elements.reserveCapacity(blocks.count)
        for block in blocks {
            elements.append(element(for: block, targets: targets, anchor: anchor, diagnostics: &diagnostics))
        }
        return Step(
            number: item.number ?? index,
            index: index,
            anchor: anchor,
            action: action(of: instruction.inlines),
            instruction: instruction,
            targets: targets,
            literals: Self.literals(in: instruction.inlines),
            elements: elements,
            range: item.range
        )
    }

    /// What a block after the instruction stands for.
    func element(for block: Block, targets: [UITarget], anchor: String, diagnostics: inout [Diagnostic]) -> StepElement
    {
        if let callout = CalloutReader.callout(from: block) { return .callout(callout) }
        switch block {
        case .table(let table) where FieldTableReader.isFieldTable(table):
            return .fieldTable(FieldTableReader.read(table))
        case .codeBlock(let code) where ScreenReader.isScreen(code):
            return .screen(ScreenReader.read(code, diagnostics: &diagnostics))
        case .list(let list) where list.isOrdered:
            let steps = list.items.enumerated().map { offset, item in
                read(item, index: offset + 1, anchor: "\(anchor)-\(offset + 1)", diagnostics: &diagnostics)
            }
            return .substeps(steps)
        case .list(let list):
            if let choice = ChoiceReader.choice(from: list, targets: targets) { return .choice(choice) }
        case .paragraph(let paragraph):
            if let result = Self.result(paragraph) { return .result(result) }
        default:
            break
        }
        return .prose(block)
    }

    /// The first word of `inlines` when it is an accepted action verb.
    func action(of inlines: [Inline]) -> String? {
        guard case .text(let text, _)? = inlines.first else { return nil }
        let word = Self.asciiLeadingWord(text) ?? text.prefix { $0.isLetter || $0 == "-" }
        guard !word.isEmpty, options.actionVerbs.contains(word.lowercased()) else { return nil }
        return String(word)
    }

    /// The leading ASCII letters and hyphens of `text`, found by bytes; `nil` when a non-ASCII
    /// byte is at or right after where they end, which a by-character search must decide (a
    /// combining mark belongs to the character before it, and a non-ASCII letter is a letter too).
    private static func asciiLeadingWord(_ text: String) -> Substring? {
        let bytes = text.utf8
        var end = bytes.startIndex
        while end != bytes.endIndex {
            let byte = bytes[end]
            let isLetter = (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
            guard isLetter || byte == UInt8(ascii: "-") else { break }
            bytes.formIndex(after: &end)
        }
        if end != bytes.endIndex {
            guard bytes[end] < 0x80 else { return nil }
            let next = bytes.index(after: end)
            guard next == bytes.endIndex || bytes[next] < 0x80 else { return nil }
        }
        return text[..<end]
    }

    /// Each bold span of `inlines`, as a UI target.
    static func targets(in inlines: [Inline]) -> [UITarget] {
        var targets: [UITarget] = []
        for inline in inlines {
            switch inline {
            case .strong(let children, let range):
                let name = children.plainText.trimmingSpaces
                if !name.isEmpty { targets.append(UITarget(name: name, range: range)) }
            case .emphasis(let children, _): targets += Self.targets(in: children)
            case .link(let link): targets += Self.targets(in: link.children)
            default: break
            }
        }
        return targets
    }

    /// Each code span of `inlines`, as a literal value.
    static func literals(in inlines: [Inline]) -> [Literal] {
        inlines.flatMap { inline -> [Literal] in
            switch inline {
            case .code(let value, let range): [Literal(value: value, range: range)]
            case .emphasis(let children, _), .strong(let children, _): literals(in: children)
            case .link(let link): literals(in: link.children)
            default: []
            }
        }
    }

    /// The paragraph without its `Result:` label, if it starts with one.
    static func result(_ paragraph: Paragraph) -> Paragraph? {
        var inlines = paragraph.inlines
        switch inlines.first {
        case .text(let text, let range) where Self.startsWithResultLabel(text):
            inlines[0] = .text(String(text.dropFirst("result:".count)), range)
        case .strong(let children, _), .emphasis(let children, _):
            let label = children.plainText.trimmingSpaces.lowercased()
            if label == "result:" {
                inlines.removeFirst()
            } else if label == "result", case .text(let text, let range)? = inlines.dropFirst().first,
                text.hasPrefix(":")
            {
                inlines.removeFirst()
                inlines[0] = .text(String(text.dropFirst()), range)
            } else {
                return nil
            }
        default:
            return nil
        }
        return Paragraph(inlines: inlines.droppingLeadingSpace, range: paragraph.range)
    }

    /// Whether `text` starts with `result:` in any case, compared by bytes: lowercasing every
    /// paragraph of every step to look at its first seven letters copied the paragraph.
    static func startsWithResultLabel(_ text: String) -> Bool {
        let label = "result:".utf8
        let bytes = text.utf8
        guard bytes.count >= label.count else { return false }
        // `result:` is ASCII, and OR-ing 0x20 maps only `A`-`Z` (and no other byte) onto its letters.
        let matches = zip(bytes, label).allSatisfy { byte, expected in
            expected == UInt8(ascii: ":") ? byte == expected : byte | 0x20 == expected
        }
        // A non-ASCII byte after the colon may be a combining mark, which would make `:` and it
        // one character: the comparison by characters decides then.
        guard matches, bytes.dropFirst(label.count).first.map({ $0 >= 0x80 }) == true else { return matches }
        return text.lowercased().hasPrefix("result:")
    }
}
