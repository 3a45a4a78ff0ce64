public import FlowCore
public import FlowModel
import FlowProse

/// Reports a step whose number skips one (`1, 2, 4`) or goes back, and a list that does not start at 1.
///
/// The fix-it renumbers the whole list `1, 2, 3, …`; `flowdoc check --fix` applies it. A list that
/// starts at another number gets no fix-it: it may be meant to continue an earlier list.
public struct StepNumberGap: Checker {
    public let id = "StepNumberGap"
    public let defaultSeverity = DiagnosticSeverity.warning
    public let abstract = "Step numbers skip a number, go back, or do not start at 1"
    public let scope = RuleScope.page

    public init() {}

    public func check(_ content: ContentSet, context: CheckContext) -> [Diagnostic] {
        content.flows.flatMap { flow in
            StepNumbering.problems(in: flow).filter { $0.kind == .gap }.map { problem in
                let number = problem.step.number
                let summary: String
                var notes: [Diagnostic.Note] = []
                if let previous = problem.previous {
                    summary = "Step number \(number) follows \(previous.number); expected \(previous.number + 1)"
                    notes.append(Diagnostic.Note(range: previous.range, message: "Step \(previous.number) is here"))
                } else {
                    summary = "Steps start at \(number); expected 1"
                }
                return diagnostic(
                    StepNumbering.numberRange(of: problem.step) ?? problem.step.range,
                    file: flow.source,
                    summary,
                    notes: notes,
                    fixIts: problem.previous == nil ? [] : StepNumbering.fixIt(for: problem.list).map { [$0] } ?? []
                )
            }
        }
    }
}
