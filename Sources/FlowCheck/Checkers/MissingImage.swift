public import FlowCore
public import FlowModel
import FlowProse

/// Reports an image whose file does not exist in the content folder.
public struct MissingImage: SiteChecker {
    public let id = "MissingImage"
    public let defaultSeverity = DiagnosticSeverity.error
    public let abstract = "An image's file does not exist"

    public init() {}

    public func check(_ site: ContentSummary, context: CheckContext) -> [Diagnostic] {
        return context.siteFacts(of: site).flatMap { facts in
            let flow = facts.page
            return facts.images.compactMap { resolved -> Diagnostic? in
                let image = resolved.reference
                switch resolved.target {
                case .missing(let path):
                    return diagnostic(
                        image.range,
                        file: flow.source,
                        "Image '\(image.destination)' does not exist"
                            + NearMiss.suffix(for: path, in: site.assets)
                    )
                case .flow, .sameFlow:
                    return diagnostic(
                        image.range,
                        file: flow.source,
                        "Image '\(image.destination)' points to a page, not an image file"
                    )
                case .external, .asset, .outside:
                    return nil
                }
            }
        }
    }
}
