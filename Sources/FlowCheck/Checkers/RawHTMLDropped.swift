public import FlowCore
public import FlowModel
import FlowProse
import Foundation

/// Reports raw HTML in a page, which the safe renderer leaves out of the site.
///
/// HTML comments are not reported: dropping them is what the writer expects. Off when
/// `unsafe_html: true` is set in `flowdoc.yml`, because the HTML is then rendered as written.
public struct RawHTMLDropped: Checker {
    public let id = "RawHTMLDropped"
    public let defaultSeverity = DiagnosticSeverity.warning
    public let abstract = "Raw HTML in a page is dropped from the site"
    public let scope = RuleScope.page

    public init() {}

    public func check(_ content: ContentSet, context: CheckContext) -> [Diagnostic] {
        guard !context.configuration.unsafeHTML else { return [] }
        return context.facts(of: content).flatMap { facts in
            let flow = facts.flow
            let spans = facts.htmlSpans + facts.htmlBlocks.map { ($0.html, $0.range) }
            return spans.filter { !Self.isComment($0.html) }.map { html, range in
                diagnostic(
                    range,
                    file: flow.source,
                    "Raw HTML '\(html.abbreviated())' is dropped from the page",
                    explanation: "Write it in Markdown, or set 'unsafe_html: true' in flowdoc.yml to keep raw HTML."
                )
            }.sorted()
        }
    }

    private static func isComment(_ html: String) -> Bool {
        let trimmed = html.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.hasPrefix("<!--") && trimmed.hasSuffix("-->")
    }
}
