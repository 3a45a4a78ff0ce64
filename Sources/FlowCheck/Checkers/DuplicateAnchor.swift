public import FlowCore
public import FlowModel
import FlowProse

/// Reports two places in one page with the same anchor, so that a `#fragment` link reaches only the first.
///
/// Two headings with the same text get `setup` and `setup-1`; a link to `#setup` can't mean the second.
public struct DuplicateAnchor: Checker {
    public let id = "DuplicateAnchor"
    public let defaultSeverity = DiagnosticSeverity.warning
    public let abstract = "Two headings or steps of a page have the same anchor"
    public let scope = RuleScope.page

    public init() {}

    public func check(_ content: ContentSet, context: CheckContext) -> [Diagnostic] {
        context.facts(of: content).flatMap(check)
    }

    private func check(_ facts: FlowFacts) -> [Diagnostic] {
        let flow = facts.flow
        var defined: [String: SourceRange?] = Dictionary(minimumCapacity: facts.anchorDefinitions.count)
        var found: [Diagnostic] = []
        var headings: [String: SectionHeading] = [:]
        for case .heading(let heading) in flow.body where headings[heading.anchor] == nil {
            headings[heading.anchor] = heading
        }
        for (anchor, range) in facts.anchorDefinitions {
            if let earlier = defined[anchor] {
                found.append(duplicate(anchor, range: range, earlier: earlier, file: flow.source))
                continue
            }
            if let heading = headings[anchor], heading.range == range {
                let natural = Slug.make(heading.text.trimmingWhitespaces)
                if natural != anchor, let earlier = defined[natural] {
                    found.append(duplicate(natural, range: range, earlier: earlier, file: flow.source, renamed: anchor))
                }
            }
            defined[anchor] = range
        }
        return found
    }

    private func duplicate(
        _ anchor: String,
        range: SourceRange?,
        earlier: SourceRange?,
        file: String,
        renamed: String? = nil
    ) -> Diagnostic {
        let summary =
            renamed.map { "Heading has the same anchor '#\(anchor)' as an earlier one; it gets '#\($0)'" }
            ?? "Anchor '#\(anchor)' is defined twice"
        return diagnostic(
            range,
            file: file,
            summary,
            explanation: "Reword the heading so that each anchor is unique.",
            notes: [Diagnostic.Note(range: earlier, message: "'#\(anchor)' is first defined here")]
        )
    }
}
