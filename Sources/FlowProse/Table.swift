public import FlowCore

/// A GFM pipe table.
///
/// ```markdown
/// | Field | Description |
/// | --- | :-: |
/// | Name* | The connection's name |
/// ```
public struct Table: Sendable, Hashable, Codable {
    /// The alignment of a column, from its delimiter cell (`:--`, `:-:`, `--:`).
    public enum Alignment: String, Sendable, Hashable, Codable {
        case none, left, center, right
    }

    /// One cell: its inline content and where it is.
    public struct Cell: Sendable, Hashable, Codable {
        public var inlines: [Inline]
        public var range: SourceRange?

        public init(inlines: [Inline], range: SourceRange?) {
            self.inlines = inlines
            self.range = range
        }
    }

    /// One row.
    ///
    /// Body rows always have as many cells as the header.
    public struct Row: Sendable, Hashable, Codable {
        public var cells: [Cell]
        public var range: SourceRange?

        public init(cells: [Cell], range: SourceRange?) {
            self.cells = cells
            self.range = range
        }
    }

    public var alignments: [Alignment]
    public var header: Row
    public var rows: [Row]
    public var range: SourceRange?

    public init(alignments: [Alignment], header: Row, rows: [Row], range: SourceRange?) {
        self.alignments = alignments
        self.header = header
        self.rows = rows
        self.range = range
    }
}
