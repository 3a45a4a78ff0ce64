public import FlowCore
public import FlowModel
import FlowProse

/// Reports a page that does not set a facet that `required_facets` in `flowdoc.yml` lists.
///
/// Facets (`product`, `platform`, `mode`, `audience`) group flows on the site; none is required
/// unless the configuration says so.
public struct MissingFacet: Checker {
    public let id = "MissingFacet"
    public let defaultSeverity = DiagnosticSeverity.warning
    public let abstract = "A page does not set a facet that 'required_facets' lists"
    public let scope = RuleScope.page

    public init() {}

    public func check(_ content: ContentSet, context: CheckContext) -> [Diagnostic] {
        let required = context.configuration.requiredFacets
        guard !required.isEmpty else { return [] }
        return content.flows.flatMap { flow in
            let set = Set(flow.metadata.facets.filter { !$0.value.allSatisfy(\.isWhitespace) }.map(\.name))
            return required.filter { !set.contains($0) }.map { facet in
                diagnostic(
                    SourceRange(file: flow.source, line: 1, column: 1),
                    "Page does not set the required facet '\(facet)'",
                    explanation: "Add '\(facet): …' to the page's front matter."
                )
            }
        }
    }
}
