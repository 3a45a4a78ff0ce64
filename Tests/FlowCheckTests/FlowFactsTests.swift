import FlowModel
import FlowProse
import Testing

@testable import FlowCheck

/// The facts the rules share collect what the model's own walks collect, in the same order.
@Suite struct FlowFactsTests {
    static let page = """
        # Links everywhere

        Intro with [a link](a.md), *[an emphasised link](b.md)* and <span>html</span>.

        1. Click [**Outer** [inner](c.md)](d.md) and ![logo <b>x</b> [no](e.md)](logo.png).
        2. Open [![icon](icon.png)](f.md).

           | Field | Description |
           | --- | --- |
           | Name | See [g](g.md) and ![h](h.png) <i>i</i> |

        > [!NOTE]
        > A [callout link](h.md) and <br>.
        """

    @Test func linksImagesAndHTMLAreTheModelsInOrder() {
        let content = makeContent(["page.md": Self.page])
        let flow = content.flows[0]
        let facts = FlowFacts(flow, resolver: LinkResolver(content: content))
        #expect(facts.links.map(\.link) == flow.links)
        #expect(facts.images.map(\.link) == flow.images)
        // `d.md` holds a link, so CommonMark reads it as text; `e.md` is inside an image.
        #expect(facts.links.map(\.link.destination) == ["a.md", "b.md", "c.md", "f.md", "g.md", "h.md"])
        #expect(facts.images.map(\.link.destination) == ["logo.png", "icon.png", "h.png"])
        var html: [String] = []
        flow.forEachInlineRun { Self.referenceHTML(in: $0, into: &html) }
        #expect(facts.htmlSpans.map(\.html) == html)
        #expect(html.contains("<b>") && html.contains("<br>"))
    }

    @Test func pageSummaryHoldsWhatTheModelSaysOfLinksAnchorsAndChoices() {
        let page =
            Self.page + """

                ## Then

                3. Choose a mode:

                   - **Fast**: see [fast](fast.md)
                   - **Slow**

                   1. Pick [**Slow**](slow.md) in the sub-step.

                ## What's next

                - [Next](next.md)
                """
        let content = makeContent(["page.md": page])
        let flow = content.flows[0]
        let summary = PageSummary(flow)
        #expect(summary.links.map(\.destination) == flow.links.map(\.destination))
        #expect(summary.links.map(\.range) == flow.links.map(\.range))
        #expect(summary.images.map(\.destination) == flow.images.map(\.destination))
        #expect(summary.images.map(\.range) == flow.images.map(\.range))
        #expect(summary.anchors == flow.anchorDefinitions.map(\.anchor))
        #expect(summary.anchors.count > 4, "Headings, steps and the sub-step")
        #expect(summary.choiceLinks == flow.steps.flatMap { $0.choice?.options.compactMap(\.link) ?? [] })
        #expect(!summary.choiceLinks.isEmpty)
        #expect(summary.next == flow.next && !summary.next.isEmpty)
        #expect(summary.stepCount == flow.stepCount)
        #expect(summary.pageRange == flow.pageRange)
        #expect(
            [summary.id, summary.source, summary.title, summary.summary] == [
                flow.id, flow.source, flow.title, flow.summary,
            ]
        )
    }

    /// Every raw HTML span, nested ones included (inside links and images too).
    private static func referenceHTML(in inlines: [Inline], into spans: inout [String]) {
        for inline in inlines {
            switch inline {
            case .html(let html, _): spans.append(html)
            case .emphasis(let children, _), .strong(let children, _): referenceHTML(in: children, into: &spans)
            case .link(let link), .image(let link): referenceHTML(in: link.children, into: &spans)
            case .text, .code, .softBreak, .lineBreak: break
            }
        }
    }
}
