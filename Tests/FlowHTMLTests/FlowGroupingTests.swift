import FlowModel
import FlowParser
import Testing

@testable import FlowHTML

/// The home page's groups: by product, then platform; in a group by mode, title, then id.
@Suite struct FlowGroupingTests {
    static func page(_ source: String, _ frontMatter: String, title: String, kind: String = "flow") -> PageSummary {
        let markdown = "---\n\(frontMatter)\ntype: \(kind)\n---\n\n# \(title)\n\n1. Click **Go**.\n"
        return PageSummary(PageParser().parse(markdown, source: source).flow)
    }

    @Test func sortsGroupsByProductThenPlatformAndFlowsByModeTitleAndID() {
        let pages = [
            Self.page("a.md", "product: Exalate\nplatform: Jira\nmode: Script", title: "B"),
            Self.page("b.md", "product: Ex\nplatform: Zendesk", title: "A"),
            Self.page("c.md", "product: Exalate\nplatform: Jira\nmode: Basic", title: "Z"),
            Self.page("d.md", "product: Exalate", title: "C"),
            Self.page("e.md", "", title: "D"),
            Self.page("f.md", "product: Exalate\nplatform: Jira\nmode: Script", title: "B"),
            Self.page("g.md", "product: Ex\nplatform: Zendesk", title: "Overview", kind: "overview"),
        ]
        let groups = FlowGrouping.groups(of: pages)
        #expect(groups.map(\.title) == ["Other", "Ex · Zendesk", "Exalate", "Exalate · Jira"])
        #expect(groups.map { $0.flows.map(\.source) } == [["e.md"], ["b.md"], ["d.md"], ["c.md", "a.md", "f.md"]])
    }
}
