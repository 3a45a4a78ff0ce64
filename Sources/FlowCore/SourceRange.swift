/// A position in a source file.
///
/// Lines and columns are 1-based. A column counts **UTF-8 bytes** from the start of the
/// line, the way libcmark reports positions, so `é` advances the column by two.
///
/// Both are stored in 32 bits (a model holds hundreds of ranges a page, and this halves their
/// size); values beyond `Int32.max` are kept as `Int32.max`.
public struct SourceLocation: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    private var storedLine: Int32
    private var storedColumn: Int32

    /// The 1-based line number.
    public var line: Int {
        get { Int(storedLine) }
        set { storedLine = Self.clamped(newValue) }
    }

    /// The 1-based column, in UTF-8 bytes.
    public var column: Int {
        get { Int(storedColumn) }
        set { storedColumn = Self.clamped(newValue) }
    }

    /// Creates a location from a 1-based line and a 1-based UTF-8 byte column.
    public init(line: Int, column: Int) {
        storedLine = Self.clamped(line)
        storedColumn = Self.clamped(column)
    }

    private static func clamped(_ value: Int) -> Int32 {
        Int32(clamping: value)
    }

    private enum CodingKeys: String, CodingKey {
        case line, column
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            line: try container.decode(Int.self, forKey: .line),
            column: try container.decode(Int.self, forKey: .column)
        )
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(line, forKey: .line)
        try container.encode(column, forKey: .column)
    }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }

    public var description: String { "\(line):\(column)" }
}

/// A span of a source file, from ``start`` to ``end`` inclusive, with the file it belongs to.
///
/// `file` is the path relative to the content folder (for example `salesforce/initiate.md`),
/// so that output stays the same wherever the content folder is checked out. It is stored as a
/// ``SourceFile`` (20 bytes a range in all, copied without reference counting).
public struct SourceRange: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The file, interned.
    public var sourceFile: SourceFile
    /// The first character of the span.
    public var start: SourceLocation
    /// The last character of the span (inclusive, as libcmark reports it).
    public var end: SourceLocation

    /// The file, relative to the content folder; empty when the text did not come from a file.
    public var file: String {
        get { sourceFile.path }
        set { sourceFile = SourceFile(newValue) }
    }

    /// Creates a range in `file` from `start` to `end`.
    public init(file: SourceFile, start: SourceLocation, end: SourceLocation) {
        self.sourceFile = file
        self.start = start
        self.end = end
    }

    /// Creates a range in `file` from `start` to `end`.
    public init(file: String, start: SourceLocation, end: SourceLocation) {
        self.init(file: SourceFile(file), start: start, end: end)
    }

    /// Creates a range in `file` from the given 1-based lines and UTF-8 byte columns.
    public init(file: SourceFile, line: Int, column: Int, endLine: Int? = nil, endColumn: Int? = nil) {
        self.init(
            file: file,
            start: SourceLocation(line: line, column: column),
            end: SourceLocation(line: endLine ?? line, column: endColumn ?? column)
        )
    }

    /// Creates a range in `file` from the given 1-based lines and UTF-8 byte columns.
    public init(file: String, line: Int, column: Int, endLine: Int? = nil, endColumn: Int? = nil) {
        self.init(file: SourceFile(file), line: line, column: column, endLine: endLine, endColumn: endColumn)
    }

    /// Orders by file path, then start, then end.
    public static func < (lhs: SourceRange, rhs: SourceRange) -> Bool {
        if lhs.sourceFile != rhs.sourceFile { return lhs.file < rhs.file }
        return (lhs.start, lhs.end) < (rhs.start, rhs.end)
    }

    /// `file:line:column`, the form editors and terminals recognise.
    public var description: String { "\(file):\(start.line):\(start.column)" }
}

extension SourceRange: Codable {
    private enum CodingKeys: String, CodingKey {
        case file, line, column, endLine, endColumn
    }

    /// Encodes as a flat object: `{"file", "line", "column", "endLine", "endColumn"}`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(file, forKey: .file)
        try container.encode(start.line, forKey: .line)
        try container.encode(start.column, forKey: .column)
        try container.encode(end.line, forKey: .endLine)
        try container.encode(end.column, forKey: .endColumn)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            file: try container.decode(String.self, forKey: .file),
            line: try container.decode(Int.self, forKey: .line),
            column: try container.decode(Int.self, forKey: .column),
            endLine: try container.decode(Int.self, forKey: .endLine),
            endColumn: try container.decode(Int.self, forKey: .endColumn)
        )
    }
}
