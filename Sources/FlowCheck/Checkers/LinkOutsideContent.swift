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

    public init() {}

    public func check(_ content: ContentSet, context: CheckContext) -> [Diagnostic] {
        let resolver = LinkResolver(content: content)
        return content.flows.flatMap { flow in
            let links = flow.links.map { ($0, "Link") } + flow.images.map { ($0, "Image") }
            return links.compactMap { link, kind -> Diagnostic? in
                guard case .outside = resolver.resolve(link.destination, from: flow.source) else { return nil }
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
