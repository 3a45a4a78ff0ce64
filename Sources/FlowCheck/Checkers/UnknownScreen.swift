public import FlowCore
public import FlowModel
import FlowProse

/// Reports a screen whose title the product model (`content/_product.yml`) does not list.
///
/// Off when there is no product model; screens without a title are not checked.
public struct UnknownScreen: Checker {
    public let id = "UnknownScreen"
    public let defaultSeverity = DiagnosticSeverity.warning
    public let abstract = "A screen's title is not in the product model"
    public let scope = RuleScope.page

    public init() {}

    public func check(_ content: ContentSet, context: CheckContext) -> [Diagnostic] {
        guard let product = content.product else { return [] }
        let titles = product.screens.map(\.title)
        return content.flows.flatMap { flow in
            flow.allScreens.filter { !$0.title.isEmpty && !titles.contains($0.title) }.map { screen in
                diagnostic(
                    screen.range,
                    file: flow.source,
                    "Screen '\(screen.title)' is not in the product model"
                        + NearMiss.suffix(for: screen.title, in: titles),
                    explanation:
                        "Use the screen's title as the product shows it, or add the screen to '\(product.source)'."
                )
            }
        }
    }
}

extension Flow {
    /// Every screen of every step, sub-steps included.
    var allScreens: [Screen] {
        allSteps.flatMap { step in
            step.elements.compactMap { if case .screen(let screen) = $0 { screen } else { nil } }
        }
    }
}
