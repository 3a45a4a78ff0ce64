public import FlowCore
public import FlowModel
import FlowProse

/// Reports a "What's next" link or front-matter `next` entry that does not lead to another flow.
///
/// A next target of a flow must be a page with steps: not an overview, an image, an anchor in the
/// same page, or (in front matter) a name that matches no page or flow ID. External links are allowed.
public struct NextTargetNotFlow: SiteChecker {
    public let id = "NextTargetNotFlow"
    public let defaultSeverity = DiagnosticSeverity.warning
    public let abstract = "A next target is not a flow"

    public init() {}

    public func check(_ site: ContentSummary, context: CheckContext) -> [Diagnostic] {
        let index = context.linkIndex(of: site)
        return context.siteFacts(of: site).flatMap { facts in
            let flow = facts.page
            return facts.next.compactMap { link, target -> Diagnostic? in
                let destination = link.destination
                let fromFrontMatter = flow.metadata.next.contains(destination)
                let problem: String
                switch target {
                case .flow(let id, _):
                    guard flow.kind == .flow, let target = index.pagesByID[id], target.kind == .overview else {
                        return nil
                    }
                    problem = "is an overview page, not a flow"
                case .asset: problem = "is a file, not a flow"
                case .sameFlow: problem = "is an anchor in this page, not another flow"
                case .missing where fromFrontMatter: problem = "names no page or flow ID"
                case .missing, .external, .outside: return nil
                }
                return diagnostic(
                    link.range,
                    file: flow.source,
                    "Next target '\(destination)' \(problem)",
                    explanation: "List the flows that follow under 'What's next'; link overviews elsewhere on the page."
                )
            }
        }
    }
}
