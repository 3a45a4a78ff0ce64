public import FlowCore
public import FlowModel
import FlowProse

/// Notes flows whose next links lead back to themselves (`a → b → a`).
///
/// A cycle is often intended (two flows that point at each other), so it is a note.
public struct NextCycle: SiteChecker {
    public let id = "NextCycle"
    public let defaultSeverity = DiagnosticSeverity.note
    public let abstract = "Next links form a cycle"

    public init() {}

    public func check(_ site: ContentSummary, context: CheckContext) -> [Diagnostic] {
        let index = context.linkIndex(of: site)
        var graph = DirectedGraph<String>()
        var links: [String: [String: NextLink]] = [:]
        for facts in context.siteFacts(of: site) where !facts.page.metadata.draft {
            let flow = facts.page
            graph.add(flow.id)
            for (target, link) in index.nextFlowIDs(from: facts) where index.pagesByID[target]?.metadata.draft == false
            {
                graph.addEdge(from: flow.id, to: target)
                if links[flow.id]?[target] == nil { links[flow.id, default: [:]][target] = link }
            }
        }
        return graph.cycles().map { cycle in
            let edges = cycle.indices.map { (cycle[$0], cycle[($0 + 1) % cycle.count]) }
            let path = (cycle + [cycle[0]]).joined(separator: " → ")
            let first = links[edges[0].0]?[edges[0].1]
            return diagnostic(
                first?.range,
                file: index.pagesByID[cycle[0]]?.source,
                "Next links form a cycle: \(path)",
                notes: edges.dropFirst().map { source, target in
                    Diagnostic.Note(
                        range: links[source]?[target]?.range,
                        message: "'\(source)' leads to '\(target)' here"
                    )
                }
            )
        }
    }
}
