public import FlowCore
public import FlowModel
import FlowProse

/// Reports a procedure with more steps than `max_steps` (default 15): split it into flows.
public struct ProcedureTooLong: Checker {
    public let id = "ProcedureTooLong"
    public let defaultSeverity = DiagnosticSeverity.warning
    public let abstract = "A procedure has more steps than 'max_steps' (default 15)"
    public let scope = RuleScope.page

    public init() {}

    public func check(_ content: ContentSet, context: CheckContext) -> [Diagnostic] {
        let limit = context.configuration.maxSteps
        return content.flows.flatMap { flow in
            flow.procedures.filter { $0.steps.count > limit }.map { procedure in
                diagnostic(
                    procedure.range,
                    file: flow.source,
                    "Procedure '\(procedure.title)' has \(procedure.steps.count) steps; the limit is \(limit)",
                    explanation:
                        "Split the procedure into shorter flows linked by 'What's next', or raise 'max_steps'.",
                    notes: [
                        Diagnostic.Note(
                            range: procedure.steps[limit].range,
                            message: "Step \(limit + 1) is over the limit"
                        )
                    ]
                )
            }
        }
    }
}
