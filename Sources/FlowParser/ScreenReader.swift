import FlowCore
import FlowModel
import FlowProse
import Foundation

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
    static func read(_ block: CodeBlock, diagnostics: inout [Diagnostic]) -> Screen {
        let title = String(block.info.dropFirst("screen".count)).trimmingSpaces
        var elements: [ScreenElement] = []
        let firstLine = (block.range?.start.line ?? 0) + 1
        let baseColumn = block.range?.start.column ?? 1
        let file = block.range?.sourceFile ?? .none
        // Split by bytes: libcmark ends every line of a code block with a line feed alone.
        let lines = block.code.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        for (offset, rawLine) in lines.lazy.map(Substring.init).enumerated() {
            let indent = rawLine.prefix { $0 == " " || $0 == "\t" }.utf8.count
            let line = rawLine.trimmingSpaces
            guard !line.isEmpty else { continue }
            let range = SourceRange(
                file: file,
                line: firstLine + offset,
                column: baseColumn + indent,
                endLine: firstLine + offset,
                endColumn: baseColumn + indent + max(0, line.utf8.count - 1)
            )
            if let parsed = elementsOf(line, range: range) {
                elements += parsed
            } else {
                diagnostics.append(
                    Diagnostic(
                        .warning,
                        id: "ScreenLineUnrecognized",
                        range: range,
                        summary: "Screen line '\(line)' fits no screen element",
                        explanation:
                            "Write 'Label', 'Label*: example', '[ ] Label', '( ) Label', '[Button]', '## Group' or '> text'."
                    )
                )
            }
        }
        return Screen(title: title, elements: elements.withoutSpareCapacity, range: block.range)
    }

    private static func elementsOf(_ line: String, range: SourceRange) -> [ScreenElement]? {
        if line.hasPrefix("#") {
            let label = String(line.drop { $0 == "#" }).trimmingSpaces
            return label.isEmpty ? nil : [ScreenElement(kind: .heading, label: label, range: range)]
        }
        if line.hasPrefix(">") {
            return [ScreenElement(kind: .text, label: String(line.dropFirst()).trimmingSpaces, range: range)]
        }
        if let toggle = toggle(line, open: "[", close: "]", kind: .checkbox, range: range) { return [toggle] }
        if let toggle = toggle(line, open: "(", close: ")", kind: .radio, range: range) { return [toggle] }
        if line.hasPrefix("[") { return buttons(line, range: range) }
        if line.hasPrefix("(") { return nil }
        return [input(line, range: range)]
    }

    /// `[ ] Label`, `[x] Label`, `( ) Label`, `(x) Label`.
    private static func toggle(
        _ line: String,
        open: Character,
        close: Character,
        kind: ScreenElement.Kind,
        range: SourceRange
    ) -> ScreenElement? {
        let characters = Array(line.prefix(3))
        guard characters.count == 3, characters[0] == open, characters[2] == close,
            [" ", "x", "X"].contains(characters[1])
        else { return nil }
        let label = String(line.dropFirst(3)).trimmingSpaces
        guard !label.isEmpty else { return nil }
        return ScreenElement(kind: kind, label: label, checked: characters[1] != " ", range: range)
    }

    /// `[Next]` or `[< Previous] [Initiate]`; `nil` if the line is not only bracketed labels.
    private static func buttons(_ line: String, range: SourceRange) -> [ScreenElement]? {
        var buttons: [ScreenElement] = []
        var rest = Substring(line)
        while !rest.isEmpty {
            guard rest.first == "[", let close = rest.firstIndex(of: "]") else { return nil }
            let label = rest[rest.index(after: rest.startIndex)..<close].trimmingSpaces
            guard !label.isEmpty else { return nil }
            buttons.append(ScreenElement(kind: .button, label: label, range: range))
            rest = rest[rest.index(after: close)...].drop { $0 == " " || $0 == "\t" }
        }
        return buttons
    }

    /// `Label`, `Label*`, `Label: value`, `Label*: value`.
    private static func input(_ line: String, range: SourceRange) -> ScreenElement {
        var label = Substring(line)
        var value: String?
        if let separator = Self.labelSeparator(in: line) {
            label = line[..<separator.lowerBound]
            value = String(line[separator.upperBound...]).trimmingSpaces
        } else if label.hasSuffix(":") {
            label = label.dropLast()
        }
        var required = false
        if label.hasSuffix("*") {
            required = true
            label = label.dropLast()
        }
        return ScreenElement(kind: .input, label: label.trimmingSpaces, required: required, value: value, range: range)
    }

    /// The range of the first `: ` in `line`, found by bytes when the line is ASCII (where bytes are
    /// characters); otherwise by Foundation's `range(of:)`, as before.
    private static func labelSeparator(in line: String) -> Range<String.Index>? {
        let bytes = line.utf8
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return line.range(of: ": ") }
        var index = bytes.startIndex
        while index != bytes.endIndex {
            let next = bytes.index(after: index)
            if bytes[index] == UInt8(ascii: ":"), next != bytes.endIndex, bytes[next] == UInt8(ascii: " ") {
                return index..<bytes.index(after: next)
            }
            index = next
        }
        return nil
    }
}
