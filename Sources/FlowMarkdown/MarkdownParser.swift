internal import CCmark
import FlowCore
public import FlowProse

/// Parses CommonMark text with libcmark into ``FlowProse/Block`` values.
///
/// This is the only module that imports libcmark. The C tree lives only inside
/// ``parse(_:file:)``: it is converted to Swift values and freed before the call returns,
/// so everything handed out is `Sendable` and outlives the parser.
///
/// Positions are 1-based lines and 1-based columns counted in UTF-8 bytes. GFM pipe tables,
/// which libcmark does not know, are recognised on top of it from the source lines of the
/// paragraphs libcmark reports (see ``TableRecognizer``).
public struct MarkdownParser: Sendable {
    /// How deep block quotes, lists and inline spans may nest before deeper levels are flattened
    /// into their ancestor; keeps hostile input from exhausting the stack later on.
    public var maximumNesting: Int

    /// Creates a parser.
    ///
    /// - Parameter maximumNesting: The nesting depth beyond which containers are flattened.
    public init(maximumNesting: Int = 64) {
        self.maximumNesting = maximumNesting
    }

    /// The result of parsing one text.
    public struct Document: Sendable, Hashable {
        /// The top-level blocks, in source order.
        public var blocks: [Block]
        /// Whether nesting deeper than ``MarkdownParser/maximumNesting`` was flattened.
        public var wasFlattened: Bool
    }

    /// Parses `text` and returns its blocks.
    ///
    /// - Parameters:
    ///   - text: CommonMark text. It is passed to libcmark with its full byte count, so NUL bytes
    ///     do not cut it short (libcmark replaces them with U+FFFD).
    ///   - file: The path recorded in every ``FlowCore/SourceRange``.
    /// - Returns: The blocks, with GFM tables recognised.
    public func parse(_ text: String, file: String) -> Document {
        let bytes = Array(text.utf8)
        guard let parser = cmark_parser_new(CMARK_OPT_SOURCEPOS) else {
            return Document(blocks: [], wasFlattened: false)
        }
        defer { cmark_parser_free(parser) }
        bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                cmark_parser_feed(parser, chars.baseAddress, chars.count)
            }
        }
        guard let root = cmark_parser_finish(parser) else {
            return Document(blocks: [], wasFlattened: false)
        }
        defer { cmark_node_free(root) }
        var converter = TreeConverter(source: SourceText(bytes: bytes), file: file, maximumNesting: maximumNesting)
        let blocks = converter.convert(root)
        return Document(blocks: blocks, wasFlattened: converter.wasFlattened)
    }

    /// Parses one line of inline Markdown, such as a table cell.
    ///
    /// - Parameters:
    ///   - text: The inline text, without line breaks.
    ///   - file: The path recorded in ranges.
    ///   - line: The line the text starts on.
    ///   - column: The UTF-8 byte column the text starts at.
    /// - Returns: The inlines, with positions shifted to where the text stands in its file.
    public func parseInlines(_ text: String, file: String, line: Int, column: Int) -> [Inline] {
        // A leading letter keeps the text a paragraph whatever it starts with (`#`, `-`, `>`, `<`).
        let prefix = "a "
        let document = parse(prefix + text, file: file)
        guard case .paragraph(let paragraph)? = document.blocks.first, document.blocks.count == 1 else {
            return text.isEmpty ? [] : [.text(text, SourceRange(file: file, line: line, column: column))]
        }
        let shift = column - 1 - prefix.utf8.count
        var inlines = paragraph.inlines.map { $0.shifted(line: line - 1, column: shift) }
        if case .text(let first, let range)? = inlines.first {
            let rest = String(first.dropFirst(prefix.count))
            if rest.isEmpty {
                inlines.removeFirst()
            } else {
                inlines[0] = .text(
                    rest,
                    range.map {
                        SourceRange(
                            file: $0.file,
                            line: line,
                            column: column,
                            endLine: $0.end.line,
                            endColumn: $0.end.column
                        )
                    }
                )
            }
        }
        return inlines
    }
}
