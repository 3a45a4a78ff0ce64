public import FlowCore
public import FlowModel
import FlowProse

/// Reports a flow whose last step has no `Result:` and that names no next flow.
///
/// The reader should know what they achieved, or where to go next.
public struct DeadEnd: Checker {
    public let id = "DeadEnd"
    public let defaultSeverity = DiagnosticSeverity.warning
    public let abstract = "A flow has neither a result on its last step nor a next flow"
    public let scope = RuleScope.page

    public init() {}

    public func check(_ content: ContentSet, context: CheckContext) -> [Diagnostic] {
        content.publishedFlows.compactMap { flow -> Diagnostic? in
            guard flow.kind == .flow, flow.next.isEmpty, let last = flow.procedures.last?.steps.last,
                last.result == nil
            else { return nil }
            return diagnostic(
                last.range,
                file: flow.source,
                "Flow ends at step \(last.number) with neither a result nor a next step",
                explanation:
                    "End the last step with 'Result: …', or add a \"What's next\" section that links the flows that follow."
            )
        }
    }
}
