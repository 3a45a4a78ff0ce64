/// Renders prose blocks and inlines to HTML, byte for byte as libcmark 0.30.2's `cmark_render_html` does.
///
/// Tables, which libcmark doesn't know, render as cmark-gfm's table extension renders them.
///
/// ```markdown
/// # Connect
///
/// Click **Next** to open [settings](settings.md#proxy).
///
/// - One
/// - Two
/// ```
///
/// renders, with a ``Options/linkResolver`` that turns `.md` into `.html`, as
///
/// ```html
/// <h1>Connect</h1>
/// <p>Click <strong>Next</strong> to open <a href="settings.html#proxy">settings</a>.</p>
/// <ul>
/// <li>One</li>
/// <li>Two</li>
/// </ul>
/// ```
///
/// By default the renderer is safe, like cmark without `--unsafe`: raw HTML is replaced by
/// `<!-- raw HTML omitted -->` and `javascript:`, `vbscript:`, `file:` and non-image `data:`
/// URLs become empty.
public struct HTMLRenderer: Sendable {
    /// What the renderer lets through and how it treats link destinations.
    public struct Options: Sendable {
        /// Whether raw HTML and dangerous URLs are written as they are (cmark's `--unsafe`).
        ///
        /// When `false` (the default), `<div>x</div>` as a block gives `<!-- raw HTML omitted -->\n`,
        /// inline `<b>` gives `<!-- raw HTML omitted -->`, and `[a](javascript:alert(1))` gives `<a href="">a</a>`.
        public var allowsRawHTML: Bool
        /// Maps each link and image destination before it is checked and escaped.
        ///
        /// For example `setup.md#proxy` to `setup.html#proxy`. The identity by default.
        public var linkResolver: @Sendable (String) -> String

        /// Creates options.
        ///
        /// - Parameters:
        ///   - allowsRawHTML: Whether raw HTML and dangerous URLs are kept.
        ///   - linkResolver: Maps each link and image destination before escaping.
        public init(
            allowsRawHTML: Bool = false,
            linkResolver: @escaping @Sendable (String) -> String = { $0 }
        ) {
            self.allowsRawHTML = allowsRawHTML
            self.linkResolver = linkResolver
        }
    }

    /// The options in force.
    public var options: Options

    /// Creates a renderer.
    ///
    /// - Parameter options: What to let through and how to resolve links; safe by default.
    public init(options: Options = Options()) {
        self.options = options
    }

    // MARK: - Public API

    /// Renders blocks as a document: each block ends with a newline.
    ///
    /// `Hello *world*` gives `<p>Hello <em>world</em></p>\n`.
    ///
    /// - Parameter blocks: The blocks, in order.
    /// - Returns: The HTML text.
    public func render(_ blocks: [Block]) -> String {
        var output: [UInt8] = []
        appendBlocks(blocks, isTight: false, to: &output)
        return String(decoding: output, as: UTF8.self)
    }

    /// Renders inline content, without a wrapping element.
    ///
    /// `Click **Next**` gives `Click <strong>Next</strong>`.
    ///
    /// - Parameter inlines: The inlines, in order.
    /// - Returns: The HTML text.
    public func render(_ inlines: [Inline]) -> String {
        var output: [UInt8] = []
        appendInlines(inlines, to: &output)
        return String(decoding: output, as: UTF8.self)
    }

    // MARK: Blocks

    /// Appends blocks; `isTight` is true for the children of a tight list's item, whose paragraphs lose `<p>`.
    func appendBlocks(_ blocks: [Block], isTight: Bool, to output: inout [UInt8]) {
        for block in blocks {
            appendBlock(block, isTight: isTight, to: &output)
        }
    }

    private func appendBlock(_ block: Block, isTight: Bool, to output: inout [UInt8]) {
        switch block {
        case .paragraph(let paragraph):
            if isTight {
                appendInlines(paragraph.inlines, to: &output)
            } else {
                Self.newLine(&output)
                output.append(contentsOf: "<p>".utf8)
                appendInlines(paragraph.inlines, to: &output)
                output.append(contentsOf: "</p>\n".utf8)
            }
        case .heading(let heading):
            let level = min(max(heading.level, 1), 6)
            Self.newLine(&output)
            output.append(contentsOf: "<h\(level)>".utf8)
            appendInlines(heading.inlines, to: &output)
            output.append(contentsOf: "</h\(level)>\n".utf8)
        case .blockQuote(let quote):
            Self.newLine(&output)
            output.append(contentsOf: "<blockquote>\n".utf8)
            appendBlocks(quote.blocks, isTight: false, to: &output)
            Self.newLine(&output)
            output.append(contentsOf: "</blockquote>\n".utf8)
        case .list(let list):
            appendList(list, to: &output)
        case .codeBlock(let code):
            appendCodeBlock(code, to: &output)
        case .htmlBlock(let html):
            Self.newLine(&output)
            output.append(contentsOf: (options.allowsRawHTML ? html.html : "<!-- raw HTML omitted -->").utf8)
            Self.newLine(&output)
        case .thematicBreak:
            Self.newLine(&output)
            output.append(contentsOf: "<hr />\n".utf8)
        case .table(let table):
            appendTable(table, to: &output)
        }
    }

    private func appendList(_ list: ListBlock, to output: inout [UInt8]) {
        Self.newLine(&output)
        if !list.isOrdered {
            output.append(contentsOf: "<ul>\n".utf8)
        } else if list.start == 1 {
            output.append(contentsOf: "<ol>\n".utf8)
        } else {
            output.append(contentsOf: "<ol start=\"\(list.start)\">\n".utf8)
        }
        for item in list.items {
            Self.newLine(&output)
            output.append(contentsOf: "<li>".utf8)
            appendBlocks(item.blocks, isTight: list.isTight, to: &output)
            output.append(contentsOf: "</li>\n".utf8)
        }
        output.append(contentsOf: (list.isOrdered ? "</ol>\n" : "</ul>\n").utf8)
    }

    /// Appends a code block; the class names the info string's first word: `language-swift`.
    private func appendCodeBlock(_ code: CodeBlock, to output: inout [UInt8]) {
        Self.newLine(&output)
        if code.info.isEmpty {
            output.append(contentsOf: "<pre><code>".utf8)
        } else {
            let language = code.info.utf8.prefix { !Self.isSpace($0) }
            output.append(contentsOf: "<pre><code class=\"language-".utf8)
            HTMLEscaping.appendEscapedText(String(decoding: language, as: UTF8.self), to: &output)
            output.append(contentsOf: "\">".utf8)
        }
        HTMLEscaping.appendEscapedText(code.code, to: &output)
        output.append(contentsOf: "</code></pre>\n".utf8)
    }

    /// Appends a table the way cmark-gfm's table extension does.
    private func appendTable(_ table: Table, to output: inout [UInt8]) {
        Self.newLine(&output)
        output.append(contentsOf: "<table>\n<thead>\n".utf8)
        appendRow(table.header, cellTag: "th", alignments: table.alignments, to: &output)
        output.append(contentsOf: "</thead>\n".utf8)
        if !table.rows.isEmpty {
            output.append(contentsOf: "<tbody>\n".utf8)
            for row in table.rows {
                appendRow(row, cellTag: "td", alignments: table.alignments, to: &output)
            }
            output.append(contentsOf: "</tbody>\n".utf8)
        }
        output.append(contentsOf: "</table>\n".utf8)
    }

    private func appendRow(_ row: Table.Row, cellTag: String, alignments: [Table.Alignment], to output: inout [UInt8]) {
        output.append(contentsOf: "<tr>\n".utf8)
        for (index, cell) in row.cells.enumerated() {
            output.append(contentsOf: "<\(cellTag)".utf8)
            let alignment = index < alignments.count ? alignments[index] : .none
            if alignment != .none {
                output.append(contentsOf: " align=\"\(alignment.rawValue)\"".utf8)
            }
            output.append(UInt8(ascii: ">"))
            appendInlines(cell.inlines, to: &output)
            output.append(contentsOf: "</\(cellTag)>\n".utf8)
        }
        output.append(contentsOf: "</tr>\n".utf8)
    }

    // MARK: Primitive

    /// Starts a new line unless the output is empty or already ends one, like cmark's `cr()`.
    static func newLine(_ output: inout [UInt8]) {
        if let last = output.last, last != UInt8(ascii: "\n") {
            output.append(UInt8(ascii: "\n"))
        }
    }

    /// Whether `byte` is whitespace as cmark's `cmark_isspace` sees it.
    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || (9...13).contains(byte)
    }
}
