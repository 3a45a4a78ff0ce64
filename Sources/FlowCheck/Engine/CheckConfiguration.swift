public import FlowCore

/// The settings of `flowdoc check`, as read from `flowdoc.yml`; every one has a default.
///
/// ```yaml
/// rules:
///   SingleStepProcedure: off
///   UnknownUITarget: error
/// action_verbs: [Tick]
/// required_facets: [product, platform]
/// max_steps: 15
/// unsafe_html: false
/// ```
public struct CheckConfiguration: Sendable, Hashable {
    /// The severity a rule is configured to, or `off`.
    public enum RuleSetting: String, Sendable, Hashable, CaseIterable {
        case error, warning, note, off

        /// The severity, `nil` for `off`.
        public var severity: DiagnosticSeverity? {
            switch self {
            case .error: .error
            case .warning: .warning
            case .note: .note
            case .off: nil
            }
        }
    }

    /// Per-rule severity overrides, by rule ID; applies to parse diagnostics too.
    public var rules: [String: RuleSetting]
    /// Extra words accepted as the action verb of a step (used when pages are parsed).
    public var actionVerbs: [String]
    /// Front-matter facets every page must set (`product`, `platform`, `mode`, `audience`).
    public var requiredFacets: [String]
    /// The most steps a procedure may have before ``ProcedureTooLong`` reports it.
    public var maxSteps: Int
    /// Whether raw HTML is rendered as written; when `true`, ``RawHTMLDropped`` is off.
    public var unsafeHTML: Bool

    /// Creates a configuration; the defaults match an absent `flowdoc.yml`.
    public init(
        rules: [String: RuleSetting] = [:],
        actionVerbs: [String] = [],
        requiredFacets: [String] = [],
        maxSteps: Int = 15,
        unsafeHTML: Bool = false
    ) {
        self.rules = rules
        self.actionVerbs = actionVerbs
        self.requiredFacets = requiredFacets
        self.maxSteps = maxSteps
        self.unsafeHTML = unsafeHTML
    }

    /// The configuration used when there is no `flowdoc.yml`.
    public static let `default` = CheckConfiguration()

    /// The facet names ``requiredFacets`` may list.
    public static let facetNames = ["product", "platform", "mode", "audience"]
}
