import FlowModel
import Testing

/// The resolver's tables, made on one core for a small site and on two for a large one, answer alike.
@Suite struct LinkResolverTableTests {
    @Test(arguments: [10, 3000])
    func resolvesPagesIDsAndAssetsAtAnySize(pageCount: Int) {
        var pages = (0..<pageCount).map { (source: "area/page-\($0).md", id: "flow-\($0)") }
        // A path listed twice takes its last id, as a table filled in order would.
        pages.append((source: "area/page-0.md", id: "renamed"))
        let resolver = LinkResolver(pages: pages, assets: ["images/a.svg"])
        let last = pageCount - 1
        #expect(
            resolver.resolve("page-\(last).md#step-2", from: "area/index.md")
                == .flow(id: "flow-\(last)", fragment: "step-2")
        )
        #expect(resolver.resolve("page-0.md", from: "area/index.md") == .flow(id: "renamed", fragment: nil))
        #expect(
            resolver.resolve("flow-\(last)", from: "area/index.md", allowsFlowID: true)
                == .flow(id: "flow-\(last)", fragment: nil)
        )
        #expect(
            resolver.resolve("renamed", from: "area/index.md", allowsFlowID: true)
                == .flow(id: "renamed", fragment: nil)
        )
        #expect(resolver.resolve("flow-\(last)", from: "area/index.md") == .missing(path: "area/flow-\(last)"))
        #expect(resolver.resolve("../images/a.svg", from: "area/index.md") == .asset(path: "images/a.svg"))
        #expect(
            resolver.resolve("page-\(pageCount).md", from: "area/index.md")
                == .missing(path: "area/page-\(pageCount).md")
        )
    }
}
