public import FlowCore
public import FlowModel
import FlowProse

/// Reports a field or button of a screen that differs from the product model's screen of that title.
///
/// A field or button the model's screen does not have is reported with the nearest known name;
/// so is a required mark that differs. A screen may show fewer fields than the model (one page
/// of a wizard). Screens the model does not know are left to ``UnknownScreen``.
public struct ScreenFieldMismatch: Checker {
    public let id = "ScreenFieldMismatch"
    public let defaultSeverity = DiagnosticSeverity.warning
    public let abstract = "A screen's fields differ from the product model's (names, required marks)"
    public let scope = RuleScope.page

    public init() {}

    public func check(_ content: ContentSet, context: CheckContext) -> [Diagnostic] {
        guard let product = content.product else { return [] }
        let models = Dictionary(product.screens.map { ($0.title, $0) }, uniquingKeysWith: { first, _ in first })
        return content.flows.flatMap { flow in
            flow.allScreens.flatMap { screen -> [Diagnostic] in
                guard let model = models[screen.title] else { return [] }
                return compare(screen, model, file: flow.source, modelFile: product.source)
            }
        }
    }

    private func compare(_ screen: Screen, _ model: ProductModel.Screen, file: String, modelFile: String)
        -> [Diagnostic]
    {
        let fields = Dictionary(model.fields.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        let explanation = "Write the screen as the product shows it, or update '\(modelFile)'."
        var found: [Diagnostic] = []
        for element in screen.elements {
            switch element.kind {
            case .input, .checkbox, .radio:
                guard let field = fields[element.label] else {
                    found.append(
                        diagnostic(
                            element.range,
                            file: file,
                            "Field '\(element.label)' is not on screen '\(screen.title)' in the product model"
                                + NearMiss.suffix(for: element.label, in: model.fields.map(\.name)),
                            explanation: explanation
                        )
                    )
                    continue
                }
                if field.required != element.required {
                    let (screenSide, modelSide) = element.required ? ("required", "optional") : ("optional", "required")
                    found.append(
                        diagnostic(
                            element.range,
                            file: file,
                            "Field '\(element.label)' is \(screenSide) here but \(modelSide) in the product model",
                            explanation: explanation
                        )
                    )
                }
            case .button where !model.buttons.contains(element.label):
                found.append(
                    diagnostic(
                        element.range,
                        file: file,
                        "Button '\(element.label)' is not on screen '\(screen.title)' in the product model"
                            + NearMiss.suffix(for: element.label, in: model.buttons),
                        explanation: explanation
                    )
                )
            case .button, .heading, .text:
                continue
            }
        }
        return found
    }
}
