public import FlowCore
public import FlowModel
import FlowProse
import Foundation

/// Reports a step whose instruction does not start with an accepted action verb.
///
/// A step tells the reader what to do, so its first word is a verb: Click, Enter, Select, ….
/// More verbs can be accepted with `action_verbs` in `flowdoc.yml`.
public struct StepMissingAction: Checker {
    public let id = "StepMissingAction"
    public let defaultSeverity = DiagnosticSeverity.warning
    public let abstract = "A step's instruction does not start with an action verb"
    public let scope = RuleScope.page

    public init() {}

    public func check(_ content: ContentSet, context: CheckContext) -> [Diagnostic] {
        context.facts(of: content).flatMap { facts in
            let flow = facts.flow
            return facts.steps.compactMap { step -> Diagnostic? in
                guard step.action == nil else { return nil }
                let text = step.text.trimmingCharacters(in: .whitespacesAndNewlines)
                guard !text.isEmpty, !step.hasNoInstruction else { return nil }
                let word = text.prefix { !$0.isWhitespace && $0 != "," && $0 != ":" && $0 != "." }
                return diagnostic(
                    step.instruction.range ?? step.range,
                    file: flow.source,
                    "\(step.label) starts with '\(word)', not an action verb",
                    explanation: "Start the instruction with a verb such as Click, Enter or Select, "
                        + "or add the word to 'action_verbs' in flowdoc.yml."
                )
            }
        }
    }
}
