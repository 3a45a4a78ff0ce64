public import FlowCore
public import FlowModel
import FlowProse

/// Reports an image without alt text (`![](dialog.svg)`): screen readers then have nothing to say.
public struct ImageMissingAlt: Checker {
    public let id = "ImageMissingAlt"
    public let defaultSeverity = DiagnosticSeverity.warning
    public let abstract = "An image has no alt text"
    public let scope = RuleScope.page

    public init() {}

    public func check(_ content: ContentSet, context: CheckContext) -> [Diagnostic] {
        context.facts(of: content).flatMap { facts in
            facts.images.map(\.link).filter { $0.children.plainText.allSatisfy(\.isWhitespace) }.map { image in
                diagnostic(
                    image.range,
                    file: facts.flow.source,
                    "Image '\(image.destination)' has no alt text",
                    explanation: "Describe what the image shows between the brackets: '![The Connections tab](…)'."
                )
            }
        }
    }
}
