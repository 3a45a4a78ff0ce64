public import FlowCore
public import FlowModel
import FlowProse

/// Reports a page with neither a `#` heading nor a front-matter `title`.
///
/// Without a title the page has no name in the navigation, in listings or in the browser tab.
public struct MissingTitle: Checker {
    public let id = "MissingTitle"
    public let defaultSeverity = DiagnosticSeverity.error
    public let abstract = "A page has neither a '#' heading nor a front-matter 'title'"
    public let scope = RuleScope.page

    public init() {}

    public func check(_ content: ContentSet, context: CheckContext) -> [Diagnostic] {
        content.flows.filter { $0.title.allSatisfy(\.isWhitespace) }.map { flow in
            diagnostic(
                flow.pageRange,
                "Page has no title",
                explanation: "Start the page with a '# Title' heading or set 'title' in its front matter."
            )
        }
    }
}
