import FlowCheck
import FlowCore
import Testing

@Suite struct GraphRuleTests {
    static let steps = "1. Click **A**.\n2. Click **B**.\n\n   Result: Done.\n"

    @Test func reportsPageNotReachableFromIndex() {
        let pages = [
            "index.md": "# Home\n\n- [A](a.md)\n",
            "a.md": "# A\n\n\(Self.steps)\n## What's next\n\n- [B](b.md)\n",
            "b.md": "# B\n\n\(Self.steps)",
            "orphan.md": "# Orphan\n\n\(Self.steps)",
            "draft.md": "---\ndraft: true\n---\n# Draft\n",
        ]
        let found = run(UnreachableFlow(), pages)
        #expect(
            found.map(\.brief) == [
                "orphan.md:1:1: warning: Page 'orphan.md' is not reachable from index.md [UnreachableFlow]"
            ]
        )
        #expect(run(UnreachableFlow(), ["a.md": "# A\n"]).isEmpty, "No index.md, nothing to reach from")
    }

    @Test func reportsFlowWithNeitherResultNorNext() {
        let found = run(DeadEnd(), ["a.md": "# A\n\n1. Click **A**.\n2. Click **B**.\n"])
        #expect(
            found.map(\.brief) == [
                "a.md:4:1: warning: Flow ends at step 2 with neither a result nor a next step [DeadEnd]"
            ]
        )
        #expect(run(DeadEnd(), ["a.md": "# A\n\n\(Self.steps)"]).isEmpty)
        #expect(
            run(
                DeadEnd(),
                ["a.md": "# A\n\n1. Click **A**.\n2. Click **B**.\n\n## Next steps\n\n- [B](b.md)\n", "b.md": "# B\n"]
            ).isEmpty
        )
    }

    @Test func notesCycleInNextLinks() {
        let pages = [
            "a.md": "# A\n\n\(Self.steps)\n## What's next\n\n- [B](b.md)\n",
            "b.md": "# B\n\n\(Self.steps)\n## What's next\n\n- [A](a.md)\n",
        ]
        let found = run(NextCycle(), pages)
        #expect(found.map(\.brief) == ["a.md:10:3: note: Next links form a cycle: a → b → a [NextCycle]"])
        #expect(found.first?.noteBriefs == ["b.md:10:3: 'b' leads to 'a' here"])
        let chain = ["a.md": pages["a.md"] ?? "", "b.md": "# B\n\n\(Self.steps)"]
        #expect(run(NextCycle(), chain).isEmpty)
    }
}
