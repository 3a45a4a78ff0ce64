import FlowCore
import FlowModel
import FlowProse

/// Reads a ```` ```screen Title ```` block into a ``FlowModel/Screen``, one element per line.
///
/// | line | element |
/// | --- | --- |
/// | `Label`, `Label*`, `Label*: https://example.com` | input |
/// | `[ ] Label`, `[x] Label` | checkbox |
/// | `( ) Label`, `(x) Label` | radio |
/// | `[Next]`, `[< Previous] [Initiate]` | buttons |
/// | `## Group` | heading |
/// | `> text` | static text |
enum ScreenReader {
    /// Whether a code block's info string marks a screen.
    static func isScreen(_ block: CodeBlock) -> Bool {
        block.info == "screen" || block.info.hasPrefix("screen ")
    }

    /// Reads `block`, adding a diagnostic for every line that fits no element.
    ///
    /// Lines are read by bytes: every mark (`#`, `>`, brackets, parentheses, `*`, `: `) is ASCII.
    static func read(_ block: CodeBlock, diagnostics: inout [Diagnostic]) -> Screen {
        let title = String(block.info.dropFirst("screen".count)).trimmingSpaces
        var elements: [ScreenElement] = []
        let firstLine = (block.range?.start.line ?? 0) + 1
        let baseColumn = block.range?.start.column ?? 1
        let file = block.range?.sourceFile ?? .none
        // libcmark ends every line of a code block with a line feed alone.
        let code = Array(block.code.utf8)
        for (offset, rawLine) in code.split(separator: .lineFeed, omittingEmptySubsequences: false).enumerated() {
            let indent = rawLine.prefix { $0 == .space || $0 == .tab }.count
            let line = trimmed(rawLine)
            guard !line.isEmpty else { continue }
            let range = SourceRange(
                file: file,
                line: firstLine + offset,
                column: baseColumn + indent,
                endLine: firstLine + offset,
                endColumn: baseColumn + indent + line.count - 1
            )
            if let parsed = elementsOf(line, range: range) {
                elements += parsed
            } else {
                diagnostics.append(
                    Diagnostic(
                        .warning,
                        id: "ScreenLineUnrecognized",
                        range: range,
                        summary: "Screen line '\(text(line))' fits no screen element",
                        explanation:
                            "Write 'Label', 'Label*: example', '[ ] Label', '( ) Label', '[Button]', '## Group' or '> text'."
                    )
                )
            }
        }
        return Screen(title: title, elements: elements.withoutSpareCapacity, range: block.range)
    }

    private typealias Bytes = ArraySlice<UInt8>

    private static func elementsOf(_ line: Bytes, range: SourceRange) -> [ScreenElement]? {
        switch line.first {
        case .hash:
            let label = trimmed(line.drop { $0 == .hash })
            return label.isEmpty ? nil : [ScreenElement(kind: .heading, label: text(label), range: range)]
        case .greaterThan:
            return [ScreenElement(kind: .text, label: text(trimmed(line.dropFirst())), range: range)]
        case .openBracket:
            return toggle(line, close: .closeBracket, kind: .checkbox, range: range).map { [$0] }
                ?? buttons(line, range: range)
        case .openParenthesis:
            return toggle(line, close: .closeParenthesis, kind: .radio, range: range).map { [$0] }
        default:
            return [input(line, range: range)]
        }
    }

    /// `[ ] Label`, `[x] Label`, `( ) Label`, `(x) Label`, whose opening mark the caller has seen.
    private static func toggle(_ line: Bytes, close: UInt8, kind: ScreenElement.Kind, range: SourceRange)
        -> ScreenElement?
    {
        let marks = line.prefix(3)
        guard marks.count == 3, marks.last == close else { return nil }
        let mark = marks[marks.startIndex + 1]
        guard mark == .space || mark == .lowercaseX || mark == .uppercaseX else { return nil }
        let label = trimmed(line.dropFirst(3))
        guard !label.isEmpty else { return nil }
        return ScreenElement(kind: kind, label: text(label), checked: mark != .space, range: range)
    }

    /// `[Next]` or `[< Previous] [Initiate]`; `nil` if the line is not only bracketed labels.
    private static func buttons(_ line: Bytes, range: SourceRange) -> [ScreenElement]? {
        var buttons: [ScreenElement] = []
        var rest = line
        while !rest.isEmpty {
            guard rest.first == .openBracket, let close = rest.firstIndex(of: .closeBracket) else { return nil }
            let label = trimmed(rest[(rest.startIndex + 1)..<close])
            guard !label.isEmpty else { return nil }
            buttons.append(ScreenElement(kind: .button, label: text(label), range: range))
            rest = rest[(close + 1)...].drop { $0 == .space || $0 == .tab }
        }
        return buttons
    }

    /// `Label`, `Label*`, `Label: value`, `Label*: value`.
    private static func input(_ line: Bytes, range: SourceRange) -> ScreenElement {
        var label = line
        var value: String?
        if let separator = labelSeparator(in: line) {
            label = line[..<separator]
            value = text(trimmed(line[(separator + 2)...]))
        } else if label.last == .colon {
            label = label.dropLast()
        }
        var required = false
        if label.last == .asterisk {
            required = true
            label = label.dropLast()
        }
        return ScreenElement(kind: .input, label: text(trimmed(label)), required: required, value: value, range: range)
    }

    /// The offset of the first `: ` in `line`.
    private static func labelSeparator(in line: Bytes) -> Int? {
        var index = line.startIndex
        while index + 1 < line.endIndex {
            if line[index] == .colon, line[index + 1] == .space { return index }
            index += 1
        }
        return nil
    }

    /// `bytes` without spaces, tabs, line feeds and carriage returns at either end.
    private static func trimmed(_ bytes: Bytes) -> Bytes {
        func isSpace(_ byte: UInt8) -> Bool {
            byte == .space || byte == .tab || byte == .lineFeed || byte == .carriageReturn
        }
        var start = bytes.startIndex
        var end = bytes.endIndex
        while start < end, isSpace(bytes[start]) { start += 1 }
        while end > start, isSpace(bytes[end - 1]) { end -= 1 }
        return bytes[start..<end]
    }

    private static func text(_ bytes: Bytes) -> String {
        String(decoding: bytes, as: UTF8.self)
    }
}

extension UInt8 {
    fileprivate static let space = UInt8(ascii: " ")
    fileprivate static let tab = UInt8(ascii: "\t")
    fileprivate static let lineFeed = UInt8(ascii: "\n")
    fileprivate static let carriageReturn = UInt8(ascii: "\r")
    fileprivate static let hash = UInt8(ascii: "#")
    fileprivate static let greaterThan = UInt8(ascii: ">")
    fileprivate static let openBracket = UInt8(ascii: "[")
    fileprivate static let closeBracket = UInt8(ascii: "]")
    fileprivate static let openParenthesis = UInt8(ascii: "(")
    fileprivate static let closeParenthesis = UInt8(ascii: ")")
    fileprivate static let lowercaseX = UInt8(ascii: "x")
    fileprivate static let uppercaseX = UInt8(ascii: "X")
    fileprivate static let colon = UInt8(ascii: ":")
    fileprivate static let asterisk = UInt8(ascii: "*")
}
