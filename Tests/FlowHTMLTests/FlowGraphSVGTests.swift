import FlowModel
import FlowParser
import Testing

@testable import FlowHTML

/// The flow map's edges and columns, computed by position in the reading order.
@Suite struct FlowGraphSVGTests {
    /// Four flows: `b/start` leads to `a/middle` (next, written twice), `a/middle` to `c/end` (a
    /// choice), `c/end` back to `b/start` (next, a cycle); `a/alone` has no edge.
    ///
    /// Titles order the reading order differently from the ids.
    static func context() -> SiteContext {
        let pages = [
            (
                "b/start.md", "Alpha start",
                "1. Click **Go**.\n2. Click **Done**.\n\n## What's next\n\n- [M](../a/middle.md)\n- [M again](../a/middle.md)\n"
            ),
            (
                "a/middle.md", "Beta middle",
                "1. Select the mode: **End**.\n\n   - **End** ([use End](../c/end.md))\n   - **Other**\n2. Click **Done**.\n"
            ),
            (
                "c/end.md", "Gamma end",
                "1. Click **Go**.\n2. Click **Done**.\n\n## What's next\n\n- [Start](../b/start.md)\n"
            ),
            ("a/alone.md", "Delta alone", "1. Click **Go**.\n2. Click **Done**.\n"),
        ]
        let flows = pages.map { source, title, body in
            PageParser().parse("---\nproduct: P\n---\n\n# \(title)\n\n\(body)", source: source).flow
        }
        return SiteContext(
            content: ContentSet(flows: flows, assets: [], product: nil, diagnostics: []),
            options: SiteOptions()
        )
    }

    @Test func edgesAreUniqueAndSortedByTheIdsOfTheirEnds() {
        let context = Self.context()
        let edges = FlowGraphSVG.edges(in: context).map {
            (context.readingOrder[$0.from].id, context.readingOrder[$0.to].id, $0.isChoice)
        }
        #expect(edges.map(\.0) == ["a/middle", "b/start", "c/end"])
        #expect(edges.map(\.1) == ["c/end", "a/middle", "b/start"])
        #expect(edges.map(\.2) == [true, false, false])
    }

    @Test func columnsFollowTheShortestDistanceFromAnEntryFlow() {
        let context = Self.context()
        let flows = context.readingOrder
        let columns = FlowGraphSVG.columns(of: flows, edges: FlowGraphSVG.edges(in: context))
        // `a/alone` and `c/end` have no incoming next edge (a choice does not count): they are the
        // entries, by title; the walk from `c/end` reaches `b/start`, then `a/middle`.
        #expect(columns.map { $0.map { flows[$0].id } } == [["a/alone", "c/end"], ["b/start"], ["a/middle"]])
        let svg = FlowGraphSVG.svg(for: context, edges: FlowGraphSVG.edges(in: context))
        #expect(svg.contains("Flow map: 4 flows, 3 links"))
    }

    /// Edges to a later column curve forward; an edge back to an earlier one loops below both.
    @Test func drawsCurvesLoopsAndNodesAtTheirPositions() {
        let context = Self.context()
        let svg = FlowGraphSVG.svg(for: context, edges: FlowGraphSVG.edges(in: context))
        // c/end (column 0, row 1) to b/start (column 1), then a/middle (column 2) back to c/end.
        #expect(
            svg.contains(
                "<path d=\"M246 125C291 125 291 45 336 45\" class=\"graph-edge\" marker-end=\"url(#arrow)\"/>\n"
            )
        )
        #expect(
            svg.contains(
                "<path d=\"M886 45C946 183 -44 183 16 125\" class=\"graph-edge graph-edge-choice\" marker-end=\"url(#arrow)\"/>\n"
            )
        )
        #expect(
            svg.contains(
                "<a href=\"b/start.html\" class=\"graph-node\"><title>Alpha start</title>"
                    + "<rect x=\"336\" y=\"16\" width=\"230\" height=\"58\" rx=\"8\"/><text x=\"348\" y=\"50\">Alpha start</text></a>\n"
            )
        )
        #expect(svg.hasSuffix("</a>\n</svg>"))
    }

    @Test func escapesTitlesAndWrapsThemOnTwoLines() {
        let title = "Q&A: <draft> \"notes\" on the connection's many settings and more"
        var flow = PageParser().parse("# Q\n\n1. Click **Go**.\n", source: "q.md").flow
        flow.title = title
        let context = SiteContext(
            content: ContentSet(flows: [flow], assets: [], product: nil, diagnostics: []),
            options: SiteOptions()
        )
        let svg = FlowGraphSVG.svg(for: context, edges: [])
        #expect(
            svg.contains(
                "<title>Q&amp;A: &lt;draft&gt; &quot;notes&quot; on the connection&#39;s many settings and more</title>"
            )
        )
        #expect(svg.contains("<text x=\"28\" y=\"42\">Q&amp;A: &lt;draft&gt; &quot;notes&quot; on the</text>"))
        #expect(svg.contains("<text x=\"28\" y=\"59\">connection&#39;s many settings an…</text></a>"))
    }
}
