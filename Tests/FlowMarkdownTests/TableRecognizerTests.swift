import FlowCore
import FlowMarkdown
import FlowProse
import Testing

/// GFM pipe tables recognised on top of libcmark's paragraphs, with positions in the page.
@Suite struct TableRecognizerTests {
    private func table(in blocks: [Block]) throws -> Table {
        let tables = blocks.compactMap { block -> Table? in
            if case .table(let table) = block { table } else { nil }
        }
        return try #require(tables.first, "No table in \(blocks)")
    }

    @Test func recordsCellPositionsInUTF8BytesInsideAListItem() throws {
        let markdown = "1. Fill in:\n\n   | Größe | Field |\n   | :-- | --: |\n   | Name | Ünïcode |\n"
        let document = MarkdownParser().parse(markdown, file: "a.md")
        guard case .list(let list)? = document.blocks.first else {
            Issue.record("Expected a list, got \(document.blocks)")
            return
        }
        let item = try #require(list.items.first)
        let table = try table(in: item.blocks)

        #expect(table.alignments == [.left, .right])
        #expect(table.header.cells.map(\.inlines.plainText) == ["Größe", "Field"])
        #expect(
            table.header.cells.map(\.range) == [
                SourceRange(file: "a.md", line: 3, column: 6, endColumn: 12),
                SourceRange(file: "a.md", line: 3, column: 16, endColumn: 20),
            ]
        )
        #expect(table.header.cells[1].inlines.first?.range?.start == SourceLocation(line: 3, column: 16))
        #expect(table.rows.count == 1)
        #expect(
            table.rows[0].cells.map(\.range) == [
                SourceRange(file: "a.md", line: 5, column: 6, endColumn: 9),
                SourceRange(file: "a.md", line: 5, column: 13, endColumn: 21),
            ]
        )
        #expect(table.header.range == SourceRange(file: "a.md", line: 3, column: 4, endColumn: 22))
        #expect(table.rows[0].range == SourceRange(file: "a.md", line: 5, column: 4, endColumn: 23))
        #expect(table.range == SourceRange(file: "a.md", line: 3, column: 4, endLine: 5, endColumn: 23))
    }

    @Test func recordsCellPositionsInsideABlockQuote() throws {
        let document = MarkdownParser().parse("> a | b\n> --|--\n> c | *d*\n", file: "q.md")
        guard case .blockQuote(let quote)? = document.blocks.first else {
            Issue.record("Expected a block quote, got \(document.blocks)")
            return
        }
        let table = try table(in: quote.blocks)
        #expect(
            table.rows[0].cells.map(\.range?.start) == [
                SourceLocation(line: 3, column: 3), SourceLocation(line: 3, column: 7),
            ]
        )
        #expect(
            table.rows[0].cells[1].inlines == [
                .emphasis(
                    [.text("d", SourceRange(file: "q.md", line: 3, column: 8))],
                    SourceRange(file: "q.md", line: 3, column: 7, endColumn: 9)
                )
            ]
        )
    }

    @Test func keepsLinesBeforeTheHeaderAsAParagraph() throws {
        let document = MarkdownParser().parse("Fields *below*:\n| a | b |\n|---|---|\n| 1 | 2 |\n", file: "p.md")
        #expect(document.blocks.count == 2)
        guard case .paragraph(let paragraph)? = document.blocks.first else {
            Issue.record("Expected a paragraph first, got \(document.blocks)")
            return
        }
        #expect(paragraph.inlines.plainText == "Fields below:")
        #expect(paragraph.range == SourceRange(file: "p.md", line: 1, column: 1, endColumn: 15))
        #expect(try table(in: document.blocks).header.range?.start == SourceLocation(line: 2, column: 1))
    }

    @Test(arguments: ["| a | b |\n| --- |\n| c |\n", "| a | b |\n| -x- | --- |\n", "a | b\n    --|--\n"])
    func leavesABrokenDelimiterRowAsAParagraph(markdown: String) {
        let document = MarkdownParser().parse(markdown, file: "b.md")
        #expect(document.blocks.count == 1)
        guard case .paragraph? = document.blocks.first else {
            Issue.record("Expected a paragraph, got \(document.blocks)")
            return
        }
    }

    @Test func fillsMissingCellsAndDropsExcessOnes() throws {
        let table = try table(
            in: MarkdownParser().parse("| a | b |\n|---|---|\n| 1 |\n| 1 | 2 | 3 |\n", file: "f.md").blocks
        )
        #expect(table.rows.map { $0.cells.count } == [2, 2])
        #expect(table.rows[0].cells[1] == Table.Cell(inlines: [], range: nil))
        #expect(table.rows[1].cells.map(\.inlines.plainText) == ["1", "2"])
    }

    @Test func unescapesPipesInCellsAndCodeSpans() throws {
        let table = try table(in: MarkdownParser().parse("| a \\| b | `c \\| d` |\n|---|---|\n", file: "e.md").blocks)
        #expect(table.header.cells.map(\.inlines.plainText) == ["a | b", "c | d"])
    }

    @Test func recognisesATableOfAThousandColumnsQuickly() throws {
        let columns = 1_000
        let header = (0..<columns).map { "c\($0)" }.joined(separator: " | ")
        let delimiter = Array(repeating: "---", count: columns).joined(separator: "|")
        let row = (0..<columns).map { "*\($0)*" }.joined(separator: " | ")
        let markdown = "| \(header) |\n|\(delimiter)|\n| \(row) |\n| \(row) |\n"
        let clock = ContinuousClock()
        var blocks: [Block] = []
        let elapsed = clock.measure { blocks = MarkdownParser().parse(markdown, file: "big.md").blocks }
        let table = try table(in: blocks)
        #expect(table.header.cells.count == columns)
        #expect(table.rows.allSatisfy { $0.cells.count == columns })
        #expect(table.header.cells.last?.inlines.plainText == "c999")
        let lastColumn = markdown.utf8.prefix { $0 != UInt8(ascii: "\n") }.count - "c999 |".utf8.count + 1
        #expect(table.header.cells.last?.range?.start == SourceLocation(line: 1, column: lastColumn))
        #expect(elapsed < .seconds(10), "Took \(elapsed)")
    }
}
