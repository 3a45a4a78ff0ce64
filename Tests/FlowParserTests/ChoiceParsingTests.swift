import FlowCore
import FlowModel
import FlowParser
import Testing

/// The edges of a choice: labels, the rest of the label's line, links, nested properties, selection.
@Suite struct ChoiceParsingTests {
    private func parseChoice(_ instruction: String, _ items: String) -> Choice? {
        let (flow, _) = PageParser().parse("1. \(instruction)\n\n\(items)", source: "page.md")
        return flow.steps.first?.choice
    }

    /// One option as a line of text, to compare many at once.
    private func describe(_ option: Choice.Option) -> String {
        "\(option.isSelected ? "* " : "")'\(option.label)' \(option.properties) -> \(option.link ?? "none")"
    }

    @Test func readsTheEdgesOfEachOption() throws {
        let choice = try #require(
            parseChoice(
                "Select **visual MODE** or **SCRIPT**.",
                """
                   - **Basic:** : for a start
                   - **Visual mode** ([set up in Visual mode](visual.md))
                     - Low-code, *visual* interface
                     - Two paragraphs

                       in one item
                   - **[Script](script.md)**: edit [rules](rules.md) (advanced)

                     A second paragraph with `code`.
                   - **Empty**
                """
            )
        )
        #expect(
            choice.options.map(describe) == [
                "'Basic' [\"for a start\"] -> none",
                "* 'Visual mode' [\"Low-code, visual interface\", \"Two paragraphs in one item\"] -> visual.md",
                "* 'Script' [\"edit  (advanced)\", \"A second paragraph with code.\"] -> script.md",
                "'Empty' [] -> none",
            ]
        )
        #expect(choice.range?.start.line == 3)
        #expect(choice.options.map { $0.range?.start.line } == [3, 4, 9, 12])
    }

    @Test func isNoChoiceWhenAnItemLacksABoldLabel() {
        #expect(parseChoice("Pick one.", "   - **Basic**\n   - Visual\n") == nil)
        #expect(parseChoice("Pick one.", "   1. **Basic**\n   2. **Visual**\n") == nil)
        #expect(parseChoice("Pick one.", "   - Basic **bold**\n") == nil)
    }
}
