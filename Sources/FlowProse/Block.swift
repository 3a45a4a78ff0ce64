public import FlowCore

/// A block of Markdown prose, converted from libcmark's tree into plain Swift values.
///
/// The set of blocks is closed: adding a case breaks every `switch` over it, which is how the
/// HTML renderer and the parser learn about a new construct at compile time. Paragraphs, headings,
/// lists and breaks are stored in their array; the rarer, larger cases are boxed (`indirect`).
public enum Block: Sendable, Hashable, Codable {
    /// A paragraph: `Hello *world*` becomes `<p>Hello <em>world</em></p>`.
    case paragraph(Paragraph)
    /// An ATX or setext heading of level 1 to 6.
    case heading(Heading)
    /// A block quote and the blocks inside it.
    indirect case blockQuote(BlockQuote)
    /// A bullet or ordered list.
    case list(ListBlock)
    /// A fenced or indented code block.
    indirect case codeBlock(CodeBlock)
    /// A block of raw HTML, kept verbatim; the safe renderer leaves it out.
    indirect case htmlBlock(HTMLBlock)
    /// A thematic break (`---`).
    case thematicBreak(SourceRange?)
    /// A GFM pipe table.
    indirect case table(Table)

    /// The source range of the block.
    public var range: SourceRange? {
        switch self {
        case .paragraph(let block): block.range
        case .heading(let block): block.range
        case .blockQuote(let block): block.range
        case .list(let block): block.range
        case .codeBlock(let block): block.range
        case .htmlBlock(let block): block.range
        case .thematicBreak(let range): range
        case .table(let block): block.range
        }
    }
}

/// A paragraph of inline content.
public struct Paragraph: Sendable, Hashable, Codable {
    public var inlines: [Inline]
    public var range: SourceRange?

    public init(inlines: [Inline], range: SourceRange?) {
        self.inlines = inlines
        self.range = range
    }
}

/// A heading: `## Next steps` has level 2.
public struct Heading: Sendable, Hashable, Codable {
    public var level: Int
    public var inlines: [Inline]
    public var range: SourceRange?

    public init(level: Int, inlines: [Inline], range: SourceRange?) {
        self.level = level
        self.inlines = inlines
        self.range = range
    }
}

/// A block quote.
public struct BlockQuote: Sendable, Hashable, Codable {
    public var blocks: [Block]
    public var range: SourceRange?

    public init(blocks: [Block], range: SourceRange?) {
        self.blocks = blocks
        self.range = range
    }
}

/// A bullet or ordered list.
public struct ListBlock: Sendable, Hashable, Codable {
    /// Whether the list is ordered (`1.` or `1)`).
    public var isOrdered: Bool
    /// The number of the first item of an ordered list, as written.
    public var start: Int
    /// Whether items are separated by blank lines (a loose list wraps paragraphs in `<p>`).
    public var isTight: Bool
    public var items: [ListItem]
    public var range: SourceRange?

    public init(isOrdered: Bool, start: Int, isTight: Bool, items: [ListItem], range: SourceRange?) {
        self.isOrdered = isOrdered
        self.start = start
        self.isTight = isTight
        self.items = items
        self.range = range
    }
}

/// One item of a list.
public struct ListItem: Sendable, Hashable, Codable {
    /// For an ordered list, the number the author wrote for this item (`4.` gives 4).
    public var number: Int?
    public var blocks: [Block]
    public var range: SourceRange?

    public init(number: Int?, blocks: [Block], range: SourceRange?) {
        self.number = number
        self.blocks = blocks
        self.range = range
    }
}

/// A code block.
///
/// `info` is the whole info string of a fenced block (`screen Initiate connection`).
public struct CodeBlock: Sendable, Hashable, Codable {
    public var info: String
    /// The content, each line ending in a newline.
    public var code: String
    public var isFenced: Bool
    public var range: SourceRange?

    public init(info: String, code: String, isFenced: Bool, range: SourceRange?) {
        self.info = info
        self.code = code
        self.isFenced = isFenced
        self.range = range
    }
}

/// Raw HTML written in a page.
public struct HTMLBlock: Sendable, Hashable, Codable {
    public var html: String
    public var range: SourceRange?

    public init(html: String, range: SourceRange?) {
        self.html = html
        self.range = range
    }
}
