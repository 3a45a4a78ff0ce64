public import FlowCore
public import FlowModel
import FlowProse

/// Reports a page whose front matter says `type: flow` but that has no numbered steps.
public struct MissingSteps: Checker {
    public let id = "MissingSteps"
    public let defaultSeverity = DiagnosticSeverity.error
    public let abstract = "A page marked 'type: flow' has no numbered steps"
    public let scope = RuleScope.page

    public init() {}

    public func check(_ content: ContentSet, context: CheckContext) -> [Diagnostic] {
        content.flows.filter { $0.metadata.type?.lowercased() == "flow" && $0.steps.isEmpty }.map { flow in
            diagnostic(
                flow.metadata.keyRanges["type"] ?? flow.pageRange,
                "Page is marked 'type: flow' but has no steps",
                explanation: "Write the procedure as a numbered list, or set 'type: overview'."
            )
        }
    }
}
