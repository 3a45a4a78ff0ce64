public import FlowCore
public import FlowModel

/// One rule of `flowdoc check`: looks at the whole content set and reports what breaks the rule.
///
/// A checker is a value type with a stable, user-facing ``id`` (UpperCamelCase, never renamed
/// casually: configuration files and CI filters refer to it) and a ``defaultSeverity``. It
/// returns diagnostics at its default severity; ``ContentChecker`` applies the configured
/// severity afterwards, so a checker never reads the `rules:` setting itself.
public protocol Checker: Sendable {
    /// The stable rule identifier, such as `StepNumberGap`.
    var id: String { get }
    /// The severity the rule reports at unless the configuration says otherwise.
    var defaultSeverity: DiagnosticSeverity { get }
    /// One sentence saying what the rule reports, for `docs/rules.md` and SARIF rule metadata.
    var abstract: String { get }
    /// What the rule's diagnostics about a page depend on; ``RuleScope/site`` unless the rule says otherwise.
    var scope: RuleScope { get }

    /// Returns the problems this rule finds in `content`.
    ///
    /// - Parameters:
    ///   - content: Every page, asset and the product model of a content folder.
    ///   - context: The configuration and the current date.
    /// - Returns: Diagnostics with ``id`` as their identifier, in any order.
    func check(_ content: ContentSet, context: CheckContext) -> [Diagnostic]
}

/// A rule about the links between pages, flow IDs or the graph: it reads every page through its
/// summary (``FlowModel/PageSummary``), so that it can run without the pages' models.
public protocol SiteChecker: Checker {
    /// Returns the problems this rule finds in the site of `site`.
    ///
    /// - Parameters:
    ///   - site: The summary of every page and the assets of a content folder.
    ///   - context: The configuration and the current date.
    /// - Returns: Diagnostics with ``id`` as their identifier, in any order.
    func check(_ site: ContentSummary, context: CheckContext) -> [Diagnostic]
}

extension SiteChecker {
    /// Checks the summaries of `content`'s pages.
    public func check(_ content: ContentSet, context: CheckContext) -> [Diagnostic] {
        check(ContentSummary(content), context: context)
    }
}

/// What a rule's diagnostics about a page depend on, which says whether they can be kept for an
/// unchanged page.
public enum RuleScope: Sendable, Hashable {
    /// The page alone (with the configuration, the product model and today's date): checking a
    /// content set of that one page gives the same diagnostics as checking the whole site, and
    /// each of them is about that page.
    case page
    /// Other pages or the content folder's files too (links between pages, flow IDs, the graph).
    case site
}

extension Checker {
    /// Rules depend on the whole site unless they declare otherwise.
    public var scope: RuleScope { .site }

    /// A diagnostic of this rule at its default severity.
    func diagnostic(
        _ range: SourceRange?,
        file: String? = nil,
        _ summary: String,
        explanation: String? = nil,
        notes: [Diagnostic.Note] = [],
        fixIts: [Diagnostic.FixIt] = []
    ) -> Diagnostic {
        Diagnostic(
            defaultSeverity,
            id: id,
            range: range,
            file: file,
            summary: summary,
            explanation: explanation,
            notes: notes,
            fixIts: fixIts
        )
    }

    /// The rule's identity, for reporters.
    public var descriptor: RuleDescriptor {
        RuleDescriptor(id: id, defaultSeverity: defaultSeverity, abstract: abstract)
    }
}

/// What reporters need to know about a rule: its identifier, default severity and abstract.
public struct RuleDescriptor: Sendable, Hashable, Codable {
    public var id: String
    public var defaultSeverity: DiagnosticSeverity
    public var abstract: String

    /// Creates a descriptor.
    public init(id: String, defaultSeverity: DiagnosticSeverity, abstract: String) {
        self.id = id
        self.defaultSeverity = defaultSeverity
        self.abstract = abstract
    }
}
