internal import CCmark
public import FlowCore
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
        parse(text, file: SourceFile(file))
    }

    /// ``parse(_:file:)`` with the file already interned.
    public func parse(_ text: String, file: SourceFile) -> Document {
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
        parseInlines(text, file: SourceFile(file), line: line, column: column)
    }

    /// ``parseInlines(_:file:line:column:)`` with the file already interned.
    public func parseInlines(_ text: String, file: SourceFile, line: Int, column: Int) -> [Inline] {
        if text.isEmpty { return [] }
        if Self.isPlainText(text) {
            let end = column + text.utf8.count - 1
            return [.text(text, SourceRange(file: file, line: line, column: column, endLine: line, endColumn: end))]
        }
        if Self.isPlainTextWithRequiredMark(text) {
            // `Name*`, a required field: libcmark finds no emphasis and joins the `*` to the text.
            let end = column + text.utf8.count - 1
            return [.text(text, SourceRange(file: file, line: line, column: column, endLine: line, endColumn: end))]
        }
        if let code = Self.plainCodeSpan(text) {
            // The range of a code span leaves out the backticks.
            let end = column + code.utf8.count
            return [.code(code, SourceRange(file: file, line: line, column: column + 1, endLine: line, endColumn: end))]
        }
        return parseInlinesWithCmark(text, file: file, line: line, column: column)
    }

    /// Whether libcmark would read `text` as one text node holding `text` itself.
    ///
    /// That is: no character that starts markup, an entity, an escape or a line break, and no
    /// space at either end (a paragraph loses trailing spaces). Table cells are mostly such text,
    /// and a cmark parser per cell was a sixth of parsing a page.
    static func isPlainText(_ text: String) -> Bool {
        // The first byte is ASCII: a combining mark there would join the space of the `a ` prefix.
        guard let first = text.utf8.first, let last = text.utf8.last, first != .space, first < 0x80, last != .space
        else {
            return false
        }
        return text.utf8.allSatisfy { $0 >= 0x80 || plainBytes[Int($0)] }
    }

    /// Whether `text` is plain text ending in a letter or digit, then one `*` (a required field's
    /// name), which libcmark reads as one text node: the `*` opens no emphasis.
    static func isPlainTextWithRequiredMark(_ text: String) -> Bool {
        let bytes = text.utf8
        guard bytes.count > 1, bytes.last == .asterisk else { return false }
        let head = String(decoding: Array(bytes.dropLast()), as: UTF8.self)
        guard let before = head.utf8.last else { return false }
        return isAlphanumeric(before) && isPlainText(head)
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        ((byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z"))
            || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
    }

    /// The content of `text` when it is one code span around plain text, such as `` `remote-80` ``.
    static func plainCodeSpan(_ text: String) -> String? {
        let bytes = text.utf8
        guard bytes.count > 2, bytes.first == .backtick, bytes.last == .backtick else { return nil }
        let content = String(decoding: Array(bytes.dropFirst().dropLast()), as: UTF8.self)
        return isPlainText(content) ? content : nil
    }

    /// The ASCII bytes that are plain text to libcmark wherever they stand in a paragraph after `a `:
    /// letters, digits, space and punctuation other than `\`, `` ` ``, `&`, `_`, `*`, `[`, `]`, `<`, `>` and `!`.
    private static let plainBytes: [Bool] = (0..<128).map { byte in
        let byte = UInt8(byte)
        if (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z") { return true }
        if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") { return true }
        return " .,;:?-()/'\"+=%#@$~^{}|".utf8.contains(byte)
    }

    /// ``parseInlines(_:file:line:column:)`` with libcmark, whatever the text.
    func parseInlinesWithCmark(_ text: String, file: SourceFile, line: Int, column: Int) -> [Inline] {
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
                            file: $0.sourceFile,
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

extension UInt8 {
    fileprivate static let space = UInt8(ascii: " ")
    fileprivate static let backtick = UInt8(ascii: "`")
    fileprivate static let asterisk = UInt8(ascii: "*")
}
