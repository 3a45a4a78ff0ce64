import FlowMarkdown
import FlowProse
import Testing

/// The table examples of the GitHub Flavored Markdown Spec 0.29, recognised on top of libcmark
/// and rendered as cmark-gfm's table extension renders them.
@Suite struct GFMTableConformanceTests {
    @Test func rendersEveryGFMTableExampleLikeCmarkGFM() throws {
        let examples = try ConformanceExample.load("gfm-tables-0.29.json")
        #expect(examples.count == 8)
        for example in examples {
            let document = MarkdownParser().parse(example.markdown, file: "spec.md")
            let html = HTMLRenderer(options: .init(allowsRawHTML: true)).render(document.blocks)
            #expect(html == example.html, "Example \(example.example): \(example.markdown.debugDescription)")
        }
    }
}
