public import FlowCore
public import FlowModel
import FlowProse

/// Reports a step with the same number as the step before it (`1, 2, 2`).
///
/// The fix-it renumbers the whole list `1, 2, 3, …`; `flowdoc check --fix` applies it.
public struct StepNumberRepeat: Checker {
    public let id = "StepNumberRepeat"
    public let defaultSeverity = DiagnosticSeverity.warning
    public let abstract = "A step repeats the number of the step before it"
    public let scope = RuleScope.page

    public init() {}

    public func check(_ content: ContentSet, context: CheckContext) -> [Diagnostic] {
        content.flows.flatMap { flow in
            StepNumbering.problems(in: flow).filter { $0.kind == .repeated }.map { problem in
                diagnostic(
                    StepNumbering.numberRange(of: problem.step) ?? problem.step.range,
                    file: flow.source,
                    "Step number \(problem.step.number) is used twice; expected \(problem.step.number + 1)",
                    notes: [
                        Diagnostic.Note(
                            range: problem.previous?.range,
                            message: "Step \(problem.step.number) is first used here"
                        )
                    ],
                    fixIts: StepNumbering.fixIt(for: problem.list).map { [$0] } ?? []
                )
            }
        }
    }
}
