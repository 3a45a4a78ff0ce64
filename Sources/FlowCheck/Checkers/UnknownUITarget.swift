public import FlowCore
public import FlowModel
import FlowProse

/// Reports a bold UI target in an instruction that the product model (`content/_product.yml`) does not know.
///
/// Names are compared exactly; the nearest known name is suggested. Off when there is no product model.
public struct UnknownUITarget: Checker {
    public let id = "UnknownUITarget"
    public let defaultSeverity = DiagnosticSeverity.warning
    public let abstract = "A step's UI target is not in the product model"
    public let scope = RuleScope.page

    public init() {}

    public func check(_ content: ContentSet, context: CheckContext) -> [Diagnostic] {
        guard let product = content.product else { return [] }
        let known = product.knownNames
        let sortedKnown = known.sorted()
        return context.facts(of: content).flatMap { facts in
            let flow = facts.flow
            return facts.steps.flatMap { step in
                step.targets.filter { !known.contains($0.name) }.map { target in
                    diagnostic(
                        target.range ?? step.instruction.range,
                        file: flow.source,
                        "UI target '\(target.name)' is not in the product model"
                            + NearMiss.suffix(for: target.name, in: sortedKnown),
                        explanation: "Write the name as the product shows it, or add it to '\(product.source)'."
                    )
                }
            }
        }
    }
}
