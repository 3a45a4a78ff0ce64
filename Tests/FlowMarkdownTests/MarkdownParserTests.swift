import FlowCore
import FlowMarkdown
import FlowProse
import Testing

@Suite struct MarkdownParserTests {
    @Test func readsWrittenNumbersOfOrderedItems() throws {
        let document = MarkdownParser().parse("1. One\n2. Two\n4. Four\n", file: "a.md")
        guard case .list(let list)? = document.blocks.first else {
            Issue.record("Expected a list, got \(document.blocks)")
            return
        }
        #expect(list.items.map(\.number) == [1, 2, 4])
        #expect(list.items[2].range?.start == SourceLocation(line: 3, column: 1))
    }
}
