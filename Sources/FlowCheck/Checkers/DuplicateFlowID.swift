public import FlowCore
public import FlowModel
import FlowProse

/// Reports two pages with the same flow ID (front-matter `id`, or the path without `.md`).
///
/// Links, URLs and the JSON export address flows by ID, so one of the two would be unreachable.
public struct DuplicateFlowID: SiteChecker {
    public let id = "DuplicateFlowID"
    public let defaultSeverity = DiagnosticSeverity.error
    public let abstract = "Two pages have the same flow ID"

    public init() {}

    public func check(_ site: ContentSummary, context: CheckContext) -> [Diagnostic] {
        var first: [String: PageSummary] = [:]
        var found: [Diagnostic] = []
        for flow in site.pages {
            guard let earlier = first[flow.id] else {
                first[flow.id] = flow
                continue
            }
            found.append(
                diagnostic(
                    flow.metadata.keyRanges["id"] ?? flow.pageRange,
                    "Flow ID '\(flow.id)' is already used by '\(earlier.source)'",
                    explanation: "Give the page a unique 'id' in its front matter.",
                    notes: [
                        Diagnostic.Note(
                            range: earlier.metadata.keyRanges["id"] ?? earlier.pageRange,
                            message: "Flow '\(flow.id)' is first defined here"
                        )
                    ]
                )
            )
        }
        return found
    }
}
