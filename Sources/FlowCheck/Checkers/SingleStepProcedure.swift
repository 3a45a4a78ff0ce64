public import FlowCore
public import FlowModel
import FlowProse

/// Reports a procedure of only one step: a numbered list with one item reads as unfinished.
public struct SingleStepProcedure: Checker {
    public let id = "SingleStepProcedure"
    public let defaultSeverity = DiagnosticSeverity.warning
    public let abstract = "A procedure has only one step"
    public let scope = RuleScope.page

    public init() {}

    public func check(_ content: ContentSet, context: CheckContext) -> [Diagnostic] {
        content.flows.flatMap { flow in
            flow.procedures.filter { $0.steps.count == 1 }.map { procedure in
                diagnostic(
                    procedure.range,
                    file: flow.source,
                    "Procedure '\(procedure.title)' has only one step",
                    explanation: "Write a single action as a paragraph, or split it into steps."
                )
            }
        }
    }
}
