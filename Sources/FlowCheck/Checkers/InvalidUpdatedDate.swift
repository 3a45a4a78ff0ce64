public import FlowCore
public import FlowModel
import FlowProse

/// Reports a front-matter `updated` that is not a `YYYY-MM-DD` date, or that lies in the future.
public struct InvalidUpdatedDate: Checker {
    public let id = "InvalidUpdatedDate"
    public let defaultSeverity = DiagnosticSeverity.warning
    public let abstract = "'updated' is not a YYYY-MM-DD date or lies in the future"
    public let scope = RuleScope.page

    public init() {}

    public func check(_ content: ContentSet, context: CheckContext) -> [Diagnostic] {
        content.flows.compactMap { flow -> Diagnostic? in
            guard let updated = flow.metadata.updated else { return nil }
            let range = flow.metadata.keyRanges["updated"] ?? flow.pageRange
            guard let date = CalendarDate(updated) else {
                return diagnostic(
                    range,
                    "'updated' value '\(updated)' is not a date",
                    explanation: "Write the date of the last change as YYYY-MM-DD, for example '\(context.today)'."
                )
            }
            guard date > context.today else { return nil }
            return diagnostic(
                range,
                "'updated' date \(updated) is in the future",
                explanation: "Write the date of the last change; today is \(context.today)."
            )
        }
    }
}
