import FlowCore
import FlowProse
import Testing

@testable import FlowMarkdown

/// Table cells without Markdown become text without libcmark; the result must be what libcmark gives.
@Suite struct PlainCellTests {
    static let cells: [String] = [
        "Owner email", "Connection name*", "`attachment-32`", "Name of the connection", "", " ", "a", "A1",
        "two  spaces", "trailing ", " leading", "x|y", "a: b", "https://example.com/a?b=c#d", "50% (approx.)",
        "it's \"quoted\"", "{braces} ^ ~ $ @ # = + / ; , . ? - ( )", "é ünïcode 日本語 😀", "\u{A0}nbsp\u{A0}",
        "a *b*", "_x_", "a\\b", "&amp;", "<b>", "![i](x.png)", "[l](x.md)", "a  ", "!", "1. item", "- item", "# h",
        "> quote", "***", "---", "===", "x\u{2028}y", "tab\there", "a\u{0}b", "\\|", "a & b", "a < b", "a > b",
        "`remote-80`", "`a b`", "` a`", "`a `", "` `", "``", "`é`", "`x` y", "`a`b`", "``a``", "`a\\`", "`*x*`",
        "\u{301}starts with a combining mark", "`\u{301}x`", "x\u{301}",
        "Connection name*", "A*", "a1*", "x *", "**", "a**", "*a*", "a.*", "é*", "Name (opt)*", "a*b*", "_a*",
    ]

    @Test(arguments: cells)
    func readsAPlainCellAsLibcmarkDoes(cell: String) {
        let parser = MarkdownParser()
        let fast = parser.parseInlines(cell, file: "p.md", line: 7, column: 5)
        let cmark = parser.parseInlinesWithCmark(cell, file: SourceFile("p.md"), line: 7, column: 5)
        #expect(fast == cmark, "\(cell.debugDescription): \(fast) vs \(cmark)")
    }

    @Test(arguments: (32..<127).map { String(UnicodeScalar(UInt8($0))) })
    func readsEveryPrintableASCIICharacterAsLibcmarkDoes(character: String) {
        let parser = MarkdownParser()
        for cell in ["x\(character)y", "\(character)y", "x\(character)", "\(character)\(character)"] {
            let fast = parser.parseInlines(cell, file: "p.md", line: 2, column: 3)
            let cmark = parser.parseInlinesWithCmark(cell, file: SourceFile("p.md"), line: 2, column: 3)
            #expect(fast == cmark, "\(cell.debugDescription): \(fast) vs \(cmark)")
        }
    }

    @Test func takesThePlainWayForPlainCells() {
        #expect(MarkdownParser.isPlainText("Owner email"))
        #expect(MarkdownParser.isPlainText("Panel retry team mapping record"))
        #expect(!MarkdownParser.isPlainText("`attachment-32`"))
        #expect(MarkdownParser.plainCodeSpan("`attachment-32`") == "attachment-32")
        #expect(MarkdownParser.isPlainTextWithRequiredMark("Connection name*"))
        #expect(!MarkdownParser.isPlainTextWithRequiredMark("a **b*"))
        #expect(!MarkdownParser.isPlainText("a *b*"))
    }
}
