import FlowProse

extension TableRecognizer {
    /// One source line of a paragraph, read from the page's bytes.
    ///
    /// Indices are offsets into ``SourceText/bytes``, so a byte's 1-based column is
    /// `index - lineStart + 1`.
    struct Line {
        /// The 1-based line number.
        var number: Int
        /// The offset of the line's first byte.
        var lineStart: Int
        /// The line after its container prefix (block quote markers, list indentation).
        var afterPrefix: ArraySlice<UInt8>
        /// The line without container prefix and surrounding whitespace.
        var content: ArraySlice<UInt8>
        /// The visual column of the content's first byte, tabs stopping at multiples of 4.
        var contentColumn: Int
        /// How many `>` block-quote markers the container prefix holds.
        var quoteMarkers: Int
    }

    /// A cell's content between its pipes, without surrounding whitespace, as offsets into the bytes.
    ///
    /// An empty cell has `start == end`, at the place its content would start.
    struct CellSpan {
        var start: Int
        var end: Int
    }

    /// Reads `number` of the page, removing exactly `prefixLength` bytes from the paragraph's first
    /// line and at most `prefixLength` bytes of spaces, tabs and `>` from any other.
    func line(_ number: Int, prefixLength: Int, isFirst: Bool) -> Line? {
        guard number >= 1, number <= source.lineStarts.count else { return nil }
        let bytes = source.line(number)
        let lineStart = source.lineStarts[number - 1]
        var index = bytes.startIndex
        if isFirst {
            index = min(bytes.endIndex, index + max(0, prefixLength))
        } else {
            while index < bytes.endIndex, index - bytes.startIndex < prefixLength,
                bytes[index] == .space || bytes[index] == .tab || bytes[index] == .greaterThan
            {
                index += 1
            }
        }
        let afterPrefix = bytes[index...]
        let quoteMarkers = bytes[..<index].count(where: { $0 == .greaterThan })
        while index < bytes.endIndex, bytes[index] == .space || bytes[index] == .tab { index += 1 }
        var contentColumn = 1
        for byte in bytes[..<index] {
            contentColumn = byte == .tab ? contentColumn + 4 - (contentColumn - 1) % 4 : contentColumn + 1
        }
        var end = bytes.endIndex
        while end > index, Self.isSpace(bytes[end - 1]) { end -= 1 }
        return Line(
            number: number,
            lineStart: lineStart,
            afterPrefix: afterPrefix,
            content: bytes[index..<end],
            contentColumn: contentColumn,
            quoteMarkers: quoteMarkers
        )
    }

    /// The alignments of a delimiter row such as `| :-- | :-: | --: |`, or `nil` if `line` isn't one.
    ///
    /// Each cell holds one or more hyphens with an optional colon on either side; outer pipes are
    /// optional. The caller rejects a line indented by four or more columns, as cmark-gfm does.
    func delimiterRow(_ line: Line) -> [Table.Alignment]? {
        let bytes = line.content
        var index = bytes.startIndex
        if index < bytes.endIndex, bytes[index] == .pipe { index += 1 }
        var alignments: [Table.Alignment] = []
        while true {
            while index < bytes.endIndex, Self.isSpaceCharacter(bytes[index]) { index += 1 }
            let left = index < bytes.endIndex && bytes[index] == .colon
            if left { index += 1 }
            let dashesStart = index
            while index < bytes.endIndex, bytes[index] == .hyphen { index += 1 }
            guard index > dashesStart else { return nil }
            let right = index < bytes.endIndex && bytes[index] == .colon
            if right { index += 1 }
            while index < bytes.endIndex, Self.isSpaceCharacter(bytes[index]) { index += 1 }
            alignments.append(left ? (right ? .center : .left) : (right ? .right : .none))
            if index == bytes.endIndex { return alignments }
            guard bytes[index] == .pipe else { return nil }
            index += 1
            while index < bytes.endIndex, Self.isSpaceCharacter(bytes[index]) { index += 1 }
            if index == bytes.endIndex { return alignments }
        }
    }

    /// Splits a row on pipes that aren't escaped as `\|`, like cmark-gfm's `row_from_string`.
    ///
    /// A leading and a trailing pipe are optional: `| a | b |`, `a | b` and `| a | b` all have
    /// two cells. A line holding only a pipe has none.
    func cellSpans(_ line: Line) -> [CellSpan] {
        let bytes = line.content
        var index = bytes.startIndex
        if index < bytes.endIndex, bytes[index] == .pipe { index += 1 }
        var spans: [CellSpan] = []
        while index < bytes.endIndex {
            let cellStart = index
            while index < bytes.endIndex, bytes[index] != .pipe {
                index += bytes[index] == .backslash && index + 1 < bytes.endIndex && bytes[index + 1] == .pipe ? 2 : 1
            }
            var start = cellStart
            var end = index
            while start < end, Self.isSpace(bytes[start]) { start += 1 }
            while end > start, Self.isSpace(bytes[end - 1]) { end -= 1 }
            spans.append(CellSpan(start: start, end: end))
            if index < bytes.endIndex { index += 1 }
        }
        return spans
    }

    /// The text of a cell with each `\|` turned into `|`, as GFM asks, even inside code spans.
    func cellText(_ span: CellSpan) -> String {
        var text: [UInt8] = []
        text.reserveCapacity(span.end - span.start)
        var index = span.start
        while index < span.end {
            if source.bytes[index] == .backslash, index + 1 < span.end, source.bytes[index + 1] == .pipe {
                index += 1
            }
            text.append(source.bytes[index])
            index += 1
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// Whether cmark's `cmark_isspace` holds: space, tab, line feed, vertical tab, form feed, return.
    static func isSpace(_ byte: UInt8) -> Bool {
        byte == .space || (9...13).contains(byte)
    }

    /// Whether the table scanners' `spacechar` holds: space, tab, vertical tab, form feed.
    private static func isSpaceCharacter(_ byte: UInt8) -> Bool {
        byte == .space || byte == .tab || byte == 11 || byte == 12
    }
}

extension UInt8 {
    fileprivate static let space = UInt8(ascii: " ")
    fileprivate static let tab = UInt8(ascii: "\t")
    fileprivate static let pipe = UInt8(ascii: "|")
    fileprivate static let backslash = UInt8(ascii: "\\")
    fileprivate static let colon = UInt8(ascii: ":")
    fileprivate static let hyphen = UInt8(ascii: "-")
    fileprivate static let greaterThan = UInt8(ascii: ">")
}
