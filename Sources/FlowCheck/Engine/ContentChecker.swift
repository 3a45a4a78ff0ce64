import Dispatch
public import FlowCore
public import FlowModel
import Synchronization

/// Runs every rule over a content set and returns the parse and check diagnostics together.
///
/// Severities configured under `rules:` are applied here, to rule and parse diagnostics alike;
/// a rule set to `off` is not run at all.
public struct ContentChecker: Sendable {
    public var checkers: [any Checker]

    /// Creates a checker that runs `checkers`, by default every rule of ``Rules/all``.
    public init(checkers: [any Checker] = Rules.all) {
        self.checkers = checkers
    }

    /// Checks `content`.
    ///
    /// - Parameters:
    ///   - content: The loaded content folder; its parse diagnostics are part of the result.
    ///   - context: The configuration and today's date.
    /// - Returns: Every diagnostic, with configured severities, sorted by file and position.
    public func check(_ content: ContentSet, context: CheckContext) -> [Diagnostic] {
        check(content, context: context, digests: [:], reusing: PageCheckCache(key: 0)).diagnostics
    }

    /// Checks `content`, taking the page rules' diagnostics of every page whose source is
    /// unchanged from `previous` instead of checking that page again.
    ///
    /// The site rules run over the whole content set; each page rule runs on one page at a
    /// time (a content set of that page), which gives the diagnostics a check of the whole
    /// site gives (``RuleScope/page``).
    ///
    /// - Parameters:
    ///   - content: The loaded content folder; its parse diagnostics are part of the result.
    ///   - context: The configuration and today's date.
    ///   - digests: The digest of each page's source bytes, by path; a page without one is
    ///     checked and not kept.
    ///   - previous: The page rules' diagnostics of an earlier check; its key must stand for
    ///     this configuration, product model and date.
    ///   - known: Pages left out of `content` because they did not change: their summaries, in
    ///     path order, as `content`'s pages are. `previous` must hold the page rules' diagnostics of each with its digest; the site
    ///     rules read them with the pages of `content`.
    /// - Returns: Every diagnostic as ``check(_:context:)`` returns them, the page rules'
    ///   diagnostics of every page with a digest for the next check, and the pages' summaries.
    public func check(
        _ content: ContentSet,
        context: CheckContext,
        digests: [String: UInt64],
        reusing previous: PageCheckCache,
        known: [PageSummary] = []
    ) -> Outcome {
        let rules = context.configuration.rules
        let active = checkers.filter { rules[$0.id] != .off }
        let siteRules = active.filter { $0.scope == .site }
        assert(known.isEmpty || siteRules.allSatisfy { $0 is any SiteChecker }, "A site rule needs every page")
        // Labelled as the resolver takes them: unlabelled, the array was converted element by element.
        let pagesAndIDs =
            content.flows.map { (source: $0.source, id: $0.id) } + known.map { (source: $0.source, id: $0.id) }
        let resolver = LinkResolver(pages: pagesAndIDs, assets: content.assets)
        // The page rules page by page, and the summaries of the pages for the site rules.
        let pages = Self.checkPages(
            content,
            with: active.filter { $0.scope == .page },
            context: context,
            resolver: resolver,
            digests: digests,
            reusing: previous,
            known: known
        )
        let site = ContentSummary(pages: pages.summaries, assets: content.assets)
        // Only a check that keeps its results for the next (one with digests) needs the fingerprint.
        let fingerprint = digests.isEmpty ? nil : Self.siteFingerprint(site, rules: siteRules, entries: pages.entries)
        let siteDiagnostics =
            fingerprint != nil && previous.site?.fingerprint == fingerprint
            ? previous.site?.diagnostics ?? []
            : Self.check(site, content, with: siteRules, context: context, resolver: resolver, made: pages.siteFacts)
        let diagnostics = content.diagnostics + pages.diagnostics + siteDiagnostics
        return Outcome(
            diagnostics: Self.applying(rules, to: diagnostics).sorted(),
            cache: PageCheckCache(
                key: previous.key,
                entries: pages.entries,
                site: fingerprint.map { .init(fingerprint: $0, diagnostics: siteDiagnostics) }
            ),
            site: site,
            resolver: resolver
        )
    }

    /// Runs the site rules, each on every core it can use.
    private static func check(
        _ site: ContentSummary,
        _ content: ContentSet,
        with siteRules: [any Checker],
        context: CheckContext,
        resolver: LinkResolver,
        made: [SiteFacts?]
    ) -> [Diagnostic] {
        var shared = context
        shared.siteFacts = SiteFacts.all(of: site, resolver: resolver, made: made)
        shared.linkIndex = LinkIndex(site, resolver: resolver)
        let context = shared
        let found = Mutex<[[Diagnostic]]>(Array(repeating: [], count: siteRules.count))
        DispatchQueue.concurrentPerform(iterations: siteRules.count) { index in
            let rule = siteRules[index]
            let diagnostics =
                (rule as? any SiteChecker)?.check(site, context: context) ?? rule.check(content, context: context)
            found.withLock { $0[index] = diagnostics }
        }
        return Array(found.withLock { $0 }.joined())
    }

    /// The fingerprint of what the site rules read: the rules, each page's path and
    /// ``FlowModel/PageSummary/siteFactsDigest`` (kept in `entries`, else computed), and the assets.
    static func siteFingerprint(
        _ site: ContentSummary,
        rules: [any Checker],
        entries: [String: PageCheckCache.Entry]
    ) -> UInt64 {
        var hasher = StableHasher()
        for rule in rules { hasher.combine(rule.id) }
        hasher.combine(UInt64(site.pages.count))
        for page in site.pages {
            hasher.combine(page.source)
            hasher.combine(entries[page.source]?.siteFacts ?? page.siteFactsDigest)
        }
        hasher.combine(UInt64(site.assets.count))
        for asset in site.assets { hasher.combine(asset) }
        return hasher.value
    }

    /// What a check found, and what it keeps for the next check and the build.
    public struct Outcome: Sendable {
        /// Every diagnostic, with configured severities, sorted by file and position.
        public var diagnostics: [Diagnostic]
        /// The page rules' diagnostics of every page with a digest, under the previous cache's key.
        public var cache: PageCheckCache
        /// The summary of every page, which the build's pages read of each other.
        public var site: ContentSummary
        /// The link resolver of ``site``'s pages and assets, which the rules resolved links with.
        public var resolver: LinkResolver
    }

    /// `diagnostics` with each configured severity applied and rules set to `off` removed.
    public static func applying(
        _ rules: [String: CheckConfiguration.RuleSetting],
        to diagnostics: [Diagnostic]
    ) -> [Diagnostic] {
        guard !rules.isEmpty else { return diagnostics }
        return diagnostics.compactMap { diagnostic in
            guard let setting = rules[diagnostic.id] else { return diagnostic }
            guard let severity = setting.severity else { return nil }
            var changed = diagnostic
            changed.severity = severity
            return changed
        }
    }
}
