public import FlowCore
public import FlowModel
import FlowProse

/// Reports a relative link or `#anchor` that resolves to nothing in the content folder.
///
/// A link to another page is written to its `.md` file (`accept.md`, `../jira/accept.md#step-2`);
/// a fragment must name a section heading or step anchor of that page. External URLs are not checked.
public struct BrokenLink: SiteChecker {
    public let id = "BrokenLink"
    public let defaultSeverity = DiagnosticSeverity.error
    public let abstract = "A relative link or '#anchor' points to nothing"

    public init() {}

    public func check(_ site: ContentSummary, context: CheckContext) -> [Diagnostic] {
        let index = context.linkIndex(of: site)
        return context.siteFacts(of: site).flatMap { facts in
            let flow = facts.page
            return facts.links.compactMap { resolved -> Diagnostic? in
                let link = resolved.reference
                let destination = link.destination
                switch resolved.target {
                case .sameFlow(let fragment):
                    guard !fragment.isEmpty, !(index.anchorsByID[flow.id] ?? []).contains(fragment) else { return nil }
                    return diagnostic(
                        link.range,
                        file: flow.source,
                        "Link to '#\(fragment)' names no heading or step of this page"
                            + index.suggestion(forFragment: fragment, in: flow.id)
                    )
                case .flow(let id, let fragment?):
                    guard !fragment.isEmpty, !(index.anchorsByID[id] ?? []).contains(fragment) else { return nil }
                    let target = index.pagesByID[id]?.source ?? id
                    return diagnostic(
                        link.range,
                        file: flow.source,
                        "Link to '\(destination)' names no heading or step of '\(target)'"
                            + index.suggestion(forFragment: fragment, in: id)
                    )
                case .missing(let path):
                    return diagnostic(
                        link.range,
                        file: flow.source,
                        "Link to '\(destination)' points to nothing" + index.suggestion(for: path, from: flow.source),
                        explanation: "Link to a page by the relative path of its '.md' file."
                    )
                case .external, .flow, .asset, .outside:
                    return nil
                }
            }
        }
    }
}
