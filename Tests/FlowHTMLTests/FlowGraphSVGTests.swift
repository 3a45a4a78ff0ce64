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
}
