import Testing

@testable import FlowMarkdown

/// The line index positions are read through: every line's bytes, whatever the line endings.
@Suite struct SourceTextTests {
    private func lines(_ text: String) -> [String] {
        let source = SourceText(bytes: Array(text.utf8))
        return (1...source.lineStarts.count).map { String(decoding: source.line($0), as: UTF8.self) }
    }

    @Test func indexesEveryLine() {
        #expect(lines("") == [""])
        #expect(lines("one") == ["one"])
        #expect(lines("one\n") == ["one", ""])
        #expect(lines("\n\n") == ["", "", ""])
        #expect(lines("one\r\ntwo\n\nfour é\r") == ["one", "two", "", "four é"])
    }

    @Test func indexesLongPages() {
        // Longer than any run `memchr` reads at once, with lines of every length up to 300 bytes.
        let text = (0..<300).map { String(repeating: "x", count: $0) }.joined(separator: "\n")
        let source = SourceText(bytes: Array(text.utf8))
        #expect(source.lineStarts.count == 300)
        #expect((1...300).allSatisfy { source.line($0).count == $0 - 1 })
        #expect(source.line(301).isEmpty)
    }
}
