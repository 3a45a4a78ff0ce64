import FlowMarkdown
import FlowProse
import Testing

/// The 652 examples of the CommonMark Spec 0.30, parsed with ``MarkdownParser`` and rendered with
/// raw HTML allowed, must come out byte for byte as libcmark 0.30.2's own renderer writes them.
@Suite struct CommonMarkConformanceTests {
    @Test func rendersEveryCommonMarkExampleLikeLibcmark() throws {
        let examples = try ConformanceExample.load("commonmark-0.30.json")
        #expect(examples.count == 652)
        let renderer = HTMLRenderer(options: .init(allowsRawHTML: true))
        var failures: [String] = []
        for example in examples {
            let document = MarkdownParser().parse(example.markdown, file: "spec.md")
            let html = renderer.render(document.blocks)
            if html != example.html {
                failures.append(
                    "Example \(example.example) (\(example.section))\n"
                        + "markdown: \(example.markdown.debugDescription)\n"
                        + "expected: \(example.html.debugDescription)\n"
                        + "actual:   \(html.debugDescription)"
                )
            }
        }
        #expect(
            failures.isEmpty,
            "\(failures.count) examples differ:\n\(failures.prefix(20).joined(separator: "\n\n"))"
        )
    }
}
