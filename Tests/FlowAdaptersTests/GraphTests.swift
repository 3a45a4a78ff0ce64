import FlowAdapters
import FlowModel
import Foundation
import Testing

@Suite struct GraphTests {
    /// Pages with a choice, duplicate and missing links, and quotes to escape.
    ///
    /// Parsed on each use rather than kept in a `static let`: a parsed page held until the process
    /// exits is reported as a leak by LeakSanitizer (`scripts/asan.sh`), which can't follow the
    /// pointers Swift tags with an indirect enum's case.
    static var branching: ContentSet {
        TestContent.pages([
            ("index.md", "---\ntype: overview\n---\n# Start\n\n- [Initiate](initiate.md)\n"),
            (
                "initiate.md",
                """
                # Initiate "quoted" \\ flow

                1. Select the mode: **Script**.

                   - **Visual** ([set up in Visual mode](visual.md))
                   - **Script**

                ## What's next

                - [Accept](accept.md)
                - [Accept again](accept.md)
                - [Nowhere](missing.md)
                """
            ),
            ("accept.md", "# Accept\n\n1. Click **Accept**.\n"),
            ("visual.md", "# Visual a < b > c\n\n1. Click **Visual**.\n"),
        ])
    }

    @Test func buildsNextChoiceAndOverviewEdgesWithoutDuplicates() {
        let graph = FlowGraph(content: Self.branching)
        #expect(graph.nodes.map(\.id) == ["accept", "index", "initiate", "visual"])
        #expect(
            graph.edges == [
                FlowGraph.Edge(from: "index", to: "initiate", kind: .overview),
                FlowGraph.Edge(from: "initiate", to: "visual", kind: .choice("Visual")),
                FlowGraph.Edge(from: "initiate", to: "accept", kind: .next),
            ]
        )
    }

    @Test func mermaidQuotesLabelsAndDashesChoiceEdges() {
        let mermaid = MermaidExporter().render(FlowGraph(content: Self.branching))
        #expect(
            mermaid == """
                flowchart LR
                  accept["Accept"]
                  index[["Start"]]
                  initiate["Initiate #quot;quoted#quot; \\ flow"]
                  visual["Visual a #lt; b #gt; c"]
                  index --> initiate
                  initiate -.->|"Visual"| visual
                  initiate --> accept

                """
        )
    }

    @Test func dotEscapesQuotesAndBackslashes() {
        let dot = DOTExporter().render(FlowGraph(content: Self.branching))
        #expect(dot.contains(#"  "initiate" [label="Initiate \"quoted\" \\ flow"];"#), "\(dot)")
        #expect(dot.contains(#"  "initiate" -> "visual" [style=dashed, label="Visual"];"#), "\(dot)")
        #expect(dot.contains(#"  "index" [label="Start", shape=folder, style=solid];"#), "\(dot)")
    }

    /// Graphviz itself reads the graph: `dot -Tsvg` (Debian's `graphviz`, `scripts/install-deps.sh --test`).
    @Test(arguments: ["seed", "branching"])
    func graphvizAcceptsTheDOTOutput(name: String) async throws {
        let content = name == "seed" ? try await TestContent.seed() : Self.branching
        let dot = try #require(
            ExternalTool.find("dot"),
            "Graphviz's dot is not on PATH: install it with scripts/install-deps.sh --test (apt-get install graphviz)"
        )
        let result = try ExternalTool.run(dot, ["-Tsvg"], input: DOTExporter().render(FlowGraph(content: content)))
        #expect(result.status == 0, "dot -Tsvg failed: \(result.error)")
        #expect(result.error.isEmpty, "dot -Tsvg warned: \(result.error)")
        #expect(result.output.contains("<svg"))
        #expect(result.output.contains("Accept"))
    }

    @Test func nodeIDsStayUniqueAfterReplacingCharacters() {
        let content = TestContent.pages([
            ("a-b.md", "# One\n\n1. Click **A**.\n"), ("a_b.md", "# Two\n\n1. Click **A**.\n"),
            ("9.md", "# Nine\n\n1. Click **A**.\n"),
        ])
        let mermaid = MermaidExporter().render(FlowGraph(content: content))
        #expect(mermaid.contains("  f_9[\"Nine\"]"), "\(mermaid)")
        #expect(mermaid.contains("  a_b[\"One\"]"), "\(mermaid)")
        #expect(mermaid.contains("  a_b_2[\"Two\"]"), "\(mermaid)")
    }
}
