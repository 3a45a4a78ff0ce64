import FlowCore
import FlowProse

/// Recognises GFM pipe tables (GFM spec 0.29) in the paragraphs libcmark reports.
///
/// libcmark has no tables, so
///
/// ```markdown
/// Fields:
/// | Field | Description |
/// | :-- | --- |
/// | Name | The connection's name |
/// ```
///
/// arrives as one paragraph. The recognizer reads that paragraph's source lines, finds the first
/// delimiter row whose cell count matches the line above it (the header), and returns the lines
/// before the header as a paragraph, then a ``FlowProse/Table`` whose body rows run to the end of
/// the paragraph (or to a line holding only `|`, as in cmark-gfm). Each cell is parsed with
/// ``MarkdownParser/parseInlines(_:file:line:column:)``, so positions point into the page:
/// 1-based lines and UTF-8 byte columns of each cell's first non-space byte.
///
/// Whatever doesn't fit leaves the paragraph as it was.
struct TableRecognizer {
    let source: SourceText
    let file: SourceFile

    /// Whether `paragraph` may hold a table.
    ///
    /// It may when it spans lines and a line after its first could be a delimiter row: a hyphen,
    /// and nothing but pipes, colons, hyphens, white space and block-quote markers. Most
    /// paragraphs are ruled out by this without reading their lines into rows.
    func mayHoldTable(_ paragraph: Paragraph) -> Bool {
        guard let range = paragraph.range, range.end.line > range.start.line else { return false }
        return (range.start.line + 1...range.end.line).contains { number in
            let line = source.line(number)
            return line.contains(UInt8(ascii: "-")) && line.allSatisfy(Self.mayBeInDelimiterRow)
        }
    }

    private static func mayBeInDelimiterRow(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "|"), UInt8(ascii: ":"), UInt8(ascii: "-"), UInt8(ascii: ">"), UInt8(ascii: " "),
            UInt8(ascii: "\t"), 11, 12:
            true
        default: false
        }
    }

    /// The blocks `paragraph` stands for: a table (and any paragraph text around it), or the paragraph itself.
    func blocks(for paragraph: Paragraph) -> [Block] {
        guard let range = paragraph.range, range.end.line > range.start.line else { return [.paragraph(paragraph)] }
        var lines: [Line] = []
        lines.reserveCapacity(range.end.line - range.start.line + 1)
        for number in range.start.line...range.end.line {
            guard
                let line = line(number, prefixLength: range.start.column - 1, isFirst: number == range.start.line)
            else {
                return [.paragraph(paragraph)]
            }
            lines.append(line)
        }

        var blocks: [Block] = []
        var start = 0
        while start < lines.count, let (header, alignments) = findTable(in: lines, from: start) {
            if header > start {
                guard let before = reparse(lines[start..<header]) else { return [.paragraph(paragraph)] }
                blocks += before
            }
            var end = header + 2
            while end < lines.count, !isLazy(lines[end], in: lines), !cellSpans(lines[end]).isEmpty { end += 1 }
            blocks.append(.table(table(lines[header..<end], alignments: alignments)))
            start = end
        }
        guard start > 0 else { return [.paragraph(paragraph)] }
        if start < lines.count {
            guard let after = reparse(lines[start...]) else { return [.paragraph(paragraph)] }
            blocks += after
        }
        return blocks
    }

    /// The header index and alignments of the first table in `lines` from `start` on.
    private func findTable(in lines: [Line], from start: Int) -> (header: Int, alignments: [Table.Alignment])? {
        var index = start + 1
        while index < lines.count {
            let line = lines[index]
            if line.contentColumn - lines[0].contentColumn < 4, !isLazy(line, in: lines),
                let alignments = delimiterRow(line), cellSpans(lines[index - 1]).count == alignments.count
            {
                return (index - 1, alignments)
            }
            index += 1
        }
        return nil
    }

    /// Whether `line` lacks block-quote markers the paragraph's first line has: a lazy continuation
    /// line, which cmark-gfm never takes into a table.
    private func isLazy(_ line: Line, in lines: [Line]) -> Bool {
        line.quoteMarkers < lines[0].quoteMarkers
    }

    /// Builds a table from its header line, delimiter line and body lines.
    private func table(_ lines: ArraySlice<Line>, alignments: [Table.Alignment]) -> Table {
        let columns = alignments.count
        let header = row(lines[lines.startIndex], columns: columns)
        let rows = lines.dropFirst(2).map { row($0, columns: columns) }
        let last = lines[lines.index(before: lines.endIndex)]
        let range = header.range.map {
            SourceRange(
                file: file,
                start: $0.start,
                end: SourceLocation(line: last.number, column: endColumn(of: last))
            )
        }
        return Table(alignments: alignments, header: header, rows: rows, range: range)
    }

    /// A row of exactly `columns` cells: excess cells are dropped, missing ones are empty and have no range.
    private func row(_ line: Line, columns: Int) -> Table.Row {
        let parser = MarkdownParser()
        var cells = cellSpans(line).prefix(columns).map { span in
            let column = span.start - line.lineStart + 1
            let endColumn = max(column, span.end - line.lineStart)
            return Table.Cell(
                inlines: parser.parseInlines(cellText(span), file: file, line: line.number, column: column),
                range: SourceRange(file: file, line: line.number, column: column, endColumn: endColumn)
            )
        }
        while cells.count < columns { cells.append(Table.Cell(inlines: [], range: nil)) }
        let startColumn = line.content.startIndex - line.lineStart + 1
        let range = SourceRange(file: file, line: line.number, column: startColumn, endColumn: endColumn(of: line))
        return Table.Row(cells: cells, range: range)
    }

    /// The column of the last non-space byte of `line`.
    private func endColumn(of line: Line) -> Int {
        max(1, line.content.endIndex - line.lineStart)
    }

    /// Parses lines that stay prose with libcmark again, with positions in the page.
    ///
    /// The first line loses its prefix and indentation (its positions are shifted back); later
    /// lines get their container prefix replaced by spaces, which keeps their columns.
    /// - Returns: No block (the lines were link reference definitions), one paragraph, or `nil` when
    ///   libcmark reads the lines as something else.
    private func reparse(_ lines: ArraySlice<Line>) -> [Block]? {
        guard let first = lines.first, let last = lines.last else { return [] }
        var text = Array(source.bytes[first.content.startIndex..<first.afterPrefix.endIndex])
        for line in lines.dropFirst() {
            text.append(UInt8(ascii: "\n"))
            text += repeatElement(UInt8(ascii: " "), count: line.afterPrefix.startIndex - line.lineStart)
            text += line.afterPrefix
        }
        let shift = first.content.startIndex - first.lineStart
        let document = MarkdownParser().parse(String(decoding: text, as: UTF8.self), file: file)
        switch document.blocks.count {
        case 0:
            return []
        case 1:
            guard case .paragraph(var paragraph) = document.blocks[0] else { return nil }
            paragraph.inlines = paragraph.inlines.map { $0.shifted(line: first.number - 1, column: shift) }
            paragraph.range = paragraph.range.map {
                SourceRange(
                    file: file,
                    line: $0.start.line + first.number - 1,
                    column: $0.start.column + ($0.start.line == 1 ? shift : 0),
                    endLine: last.number,
                    endColumn: endColumn(of: last)
                )
            }
            return [.paragraph(paragraph)]
        default:
            return nil
        }
    }
}
