import FlowCore
import FlowModel
import Yams

/// Reads the YAML front matter between a first line `---` and the next `---`.
///
/// The front matter lines are blanked out (not removed) from the Markdown handed on, so that
/// every position libcmark reports is still the position in the file.
struct FrontMatterReader {
    let file: String
    /// Whether plain front matter is read by ``FrontMatterFastPath`` rather than Yams (tests
    /// turn it off to compare the two).
    var usesFastPath = true

    /// What the reader found.
    struct Result {
        var metadata = Metadata()
        /// The page text with front matter lines emptied.
        var markdown: String
        var diagnostics: [Diagnostic] = []
    }

    /// Splits `text` into metadata and Markdown.
    func read(_ text: String) -> Result {
        guard text.hasPrefix("---") else { return Result(markdown: text) }
        // Splits lines only up to the closing delimiter (splitting the whole page was a tenth of parsing).
        var lines: [Substring] = []
        var restStart: String.Index?
        var closing: Int?
        let utf8 = text.utf8
        var lineStart = utf8.startIndex
        while true {
            let lineEnd = utf8[lineStart...].firstIndex(of: UInt8(ascii: "\n")) ?? utf8.endIndex
            let line = Substring(utf8[lineStart..<lineEnd])
            lines.append(line)
            if lines.count == 1 {
                guard Self.isDelimiter(line) else { return Result(markdown: text) }
            } else if Self.isDelimiter(line) || Self.isEnd(line) {
                closing = lines.count - 1
                restStart = lineEnd == utf8.endIndex ? nil : utf8.index(after: lineEnd)
                break
            }
            if lineEnd == utf8.endIndex { break }
            lineStart = utf8.index(after: lineEnd)
        }
        guard let closing else {
            let diagnostic = Diagnostic(
                .error,
                id: "FrontMatterUnterminated",
                range: SourceRange(file: file, line: 1, column: 1, endLine: 1, endColumn: 3),
                summary: "Front matter starts here but has no closing '---' line",
                explanation:
                    "Add a line '---' after the last front matter key; the page is read as if it had no front matter."
            )
            return Result(markdown: text, diagnostics: [diagnostic])
        }
        // The front matter lines emptied: one line feed per line up to the closing one, then the rest.
        var markdown = String(repeating: "\n", count: closing)
        if let restStart { markdown += "\n" + text[restStart...] }
        var result = Result(markdown: markdown)
        if usesFastPath,
            let entries = FrontMatterFastPath.entries(lines[1..<closing], file: SourceFile(file), firstLine: 2)
        {
            var reader = MetadataReader(file: file, range: { _ in nil }, keyCount: entries.count)
            for entry in entries {
                reader.read(key: entry.key, keyRange: entry.keyRange, value: entry.value, valueRange: entry.valueRange)
            }
            result.metadata = reader.metadata
            result.diagnostics = reader.diagnostics
            return result
        }
        parse(lines[1..<closing].joined(separator: "\n"), firstLine: 2, into: &result)
        return result
    }

    /// The lines of `text` split at each line feed, a CRLF line keeping its `\r`.
    ///
    /// Splits Unicode scalars, not characters: `"\r\n"` is one `Character`, so a character split
    /// on `"\n"` would leave a CRLF page in one piece.
    private static func lines(_ text: String) -> [Substring] {
        text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map(Substring.init)
    }

    private static func isDelimiter(_ line: Substring) -> Bool {
        line.hasPrefix("---") && line.dropFirst(3).allSatisfy { $0 == " " || $0 == "\t" || $0 == "\r" }
    }

    /// Whether `line` is YAML's document end marker `...`, which also closes front matter.
    private static func isEnd(_ line: Substring) -> Bool {
        line == "..." || line == "...\r"
    }

    private func parse(_ yaml: String, firstLine: Int, into result: inout Result) {
        let yamlLines = Self.lines(yaml)
        func range(_ mark: Mark?) -> SourceRange? {
            guard let mark else { return nil }
            let lineText = mark.line - 1 < yamlLines.count ? yamlLines[mark.line - 1] : ""
            let bytes = String(lineText.unicodeScalars.prefix(max(0, mark.column - 1))).utf8.count
            return SourceRange(file: file, line: firstLine + mark.line - 1, column: bytes + 1)
        }
        let node: Node?
        do {
            // The encoding named: `Parser.Encoding.default` reads the process environment on every call (3% of `check`).
            node = try Yams.compose(yaml: yaml, .default, .default, .utf8)
        } catch let error as YamlError {
            result.diagnostics.append(invalidYAML(error, range: range))
            return
        } catch {
            result.diagnostics.append(
                Diagnostic(
                    .error,
                    id: "FrontMatterInvalid",
                    range: SourceRange(file: file, line: firstLine, column: 1),
                    summary: "Front matter is not valid YAML: \(error)"
                )
            )
            return
        }
        guard let node else { return }
        guard case .mapping(let mapping) = node else {
            result.diagnostics.append(
                Diagnostic(
                    .error,
                    id: "FrontMatterNotMapping",
                    range: range(node.mark) ?? SourceRange(file: file, line: firstLine, column: 1),
                    summary: "Front matter must be a mapping of keys to values",
                    explanation: "Write one 'key: value' per line, for example 'title: Accept an invitation'."
                )
            )
            return
        }
        var reader = MetadataReader(file: file, range: range)
        for (key, value) in mapping {
            reader.read(key: key, keyRange: range(key.mark), value: value, valueRange: range(value.mark))
        }
        result.metadata = reader.metadata
        result.diagnostics += reader.diagnostics
    }

    private func invalidYAML(_ error: YamlError, range: (Mark?) -> SourceRange?) -> Diagnostic {
        let (problem, mark): (String, Mark?) =
            switch error {
            case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
                .composer(_, let problem, let mark, _):
                (problem, mark)
            case .duplicatedKeysInMapping(let duplicates, let context):
                ("duplicate key '\(duplicates.joined(separator: "', '"))'", context.mark)
            default: ("\(error)", nil)
            }
        return Diagnostic(
            .error,
            id: "FrontMatterInvalid",
            range: range(mark) ?? SourceRange(file: file, line: 2, column: 1),
            summary: "Front matter is not valid YAML: \(problem)",
            explanation:
                "Fix the YAML between the '---' lines (indent with spaces, not tabs; quote values containing ': ')."
        )
    }
}
