public import FlowCore
public import FlowModel
import FlowProse

/// Reports a step without an instruction: an empty list item, or one that starts with an image or a callout.
public struct EmptyStep: Checker {
    public let id = "EmptyStep"
    public let defaultSeverity = DiagnosticSeverity.warning
    public let abstract = "A step has no instruction"
    public let scope = RuleScope.page

    public init() {}

    public func check(_ content: ContentSet, context: CheckContext) -> [Diagnostic] {
        context.facts(of: content).flatMap { facts in
            let flow = facts.flow
            return facts.steps.filter(\.hasNoInstruction).map { step in
                diagnostic(
                    step.range,
                    file: flow.source,
                    step.elements.isEmpty && step.instruction.inlines.isEmpty
                        ? "\(step.label) is empty" : "\(step.label) has no instruction",
                    explanation: "Start the step with a sentence that says what to do, or remove the step."
                )
            }
        }
    }
}

extension Step {
    /// Whether the instruction has no text once images are left out.
    var hasNoInstruction: Bool {
        // Nearly every instruction starts with a printable ASCII character, which is not whitespace.
        if let first = instruction.inlines.first, case .text(let text, _) = first, let byte = text.utf8.first,
            byte > 0x20, byte < 0x7F
        {
            return false
        }
        return instruction.inlines.filter { if case .image = $0 { false } else { true } }.plainText.allSatisfy(
            \.isWhitespace
        )
    }
}
