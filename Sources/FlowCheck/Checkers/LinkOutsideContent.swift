public import FlowCore
public import FlowModel
import FlowProse

/// Reports a link or image that leaves the content folder (`../../README.md`, `/etc/hosts`).
///
/// Such a target is not part of the generated site, so the link breaks once the site is published.
public struct LinkOutsideContent: Checker {
    public let id = "LinkOutsideContent"
    public let defaultSeverity = DiagnosticSeverity.error
    public let abstract = "A link or image points outside the content folder"
    public let scope = RuleScope.page

    public init() {}

    public func check(_ content: ContentSet, context: CheckContext) -> [Diagnostic] {
        context.facts(of: content).flatMap { facts in
            let flow = facts.flow
            let links = facts.links.map { ($0, "Link") } + facts.images.map { ($0, "Image") }
            return links.compactMap { resolved, kind -> Diagnostic? in
                guard case .outside = resolved.target else { return nil }
                let link = resolved.link
                return diagnostic(
                    link.range,
                    file: flow.source,
                    "\(kind) '\(link.destination)' points outside the content folder",
                    explanation: "Move the target into the content folder and link to it by a relative path."
                )
            }
        }.sorted()
    }
}
