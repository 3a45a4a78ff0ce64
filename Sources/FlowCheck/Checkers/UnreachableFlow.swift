public import FlowCore
public import FlowModel
import FlowProse

/// Reports a published page that no chain of links or next links from `index.md` reaches.
///
/// Drafts are left out on both ends. Without an `index.md` at the top of the content folder,
/// the rule reports nothing.
public struct UnreachableFlow: SiteChecker {
    public let id = "UnreachableFlow"
    public let defaultSeverity = DiagnosticSeverity.warning
    public let abstract = "A page is not reachable from index.md"

    public init() {}

    public func check(_ site: ContentSummary, context: CheckContext) -> [Diagnostic] {
        let published = site.publishedPages
        guard let root = published.first(where: { $0.source == "index.md" }) else { return [] }
        let index = context.linkIndex(of: site)
        let publishedIDs = Set(published.map(\.id))
        var graph = DirectedGraph<String>()
        for facts in context.siteFacts(of: site) where !facts.page.metadata.draft {
            let flow = facts.page
            graph.add(flow.id)
            for target in index.linkedFlowIDs(from: facts) where publishedIDs.contains(target) {
                graph.addEdge(from: flow.id, to: target)
            }
        }
        let reachable = graph.reachable(from: root.id)
        return published.filter { !reachable.contains($0.id) }.map { flow in
            diagnostic(
                flow.pageRange,
                "Page '\(flow.source)' is not reachable from index.md",
                explanation: "Link to the page from index.md, or from a page that index.md links to."
            )
        }
    }
}
