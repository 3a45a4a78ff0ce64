public import FlowCore
public import FlowModel
import FlowProse

/// Reports a step with a choice whose instruction selects none of the choice's options.
///
/// The option a step picks is written in bold in the instruction. Reported when a bold name is
/// close to an option but not one (a typo), or when the instruction says Select, Choose or Pick
/// and names no option.
public struct ChoiceSelectionUnknown: Checker {
    public let id = "ChoiceSelectionUnknown"
    public let defaultSeverity = DiagnosticSeverity.warning
    public let abstract = "A step's instruction selects an option its choice does not list"
    public let scope = RuleScope.page

    /// Verbs that say the step picks an option.
    static let selectingVerbs: Set<String> = ["select", "choose", "pick"]

    public init() {}

    public func check(_ content: ContentSet, context: CheckContext) -> [Diagnostic] {
        context.facts(of: content).flatMap { facts in
            let flow = facts.flow
            return facts.steps.compactMap { step -> Diagnostic? in
                guard let choice = step.choice, choice.selected == nil else { return nil }
                let labels = choice.options.map(\.label)
                let note = Diagnostic.Note(
                    range: choice.range,
                    message: "Options are \(labels.map { "'\($0)'" }.joined(separator: ", "))"
                )
                for target in step.targets {
                    if let suggestion = NearMiss.bestMatch(for: target.name, in: labels) {
                        return diagnostic(
                            target.range ?? step.instruction.range,
                            file: flow.source,
                            "'\(target.name)' is not an option of this step; did you mean '\(suggestion)'?",
                            notes: [note]
                        )
                    }
                }
                guard let action = step.action, Self.selectingVerbs.contains(action.lowercased()) else { return nil }
                let summary =
                    step.targets.first.map { "'\($0.name)' is not an option of this step" }
                    ?? "\(step.label) says '\(action)' but names none of its options in bold"
                return diagnostic(
                    step.targets.first?.range ?? step.instruction.range ?? step.range,
                    file: flow.source,
                    summary,
                    explanation:
                        "Name the option the step picks in bold, as written in the list: '**\(labels.first ?? "Option")**'.",
                    notes: [note]
                )
            }
        }
    }
}
