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
    /// - Returns: Every diagnostic as ``check(_:context:)`` returns them, and the page rules'
    ///   diagnostics of every page with a digest, under `previous`'s key, for the next check.
    public func check(
        _ content: ContentSet,
        context: CheckContext,
        digests: [String: UInt64],
        reusing previous: PageCheckCache
    ) -> (diagnostics: [Diagnostic], cache: PageCheckCache) {
        let rules = context.configuration.rules
        let active = checkers.filter { rules[$0.id] != .off }
        let siteRules = active.filter { $0.scope == .site }
        let pageRules = active.filter { $0.scope == .page }
        var shared = context
        let resolver = LinkResolver(content: content)
        let facts = FlowFacts.all(of: content, resolver: resolver)
        shared.flowFacts = facts
        shared.linkIndex = LinkIndex(content, resolver: resolver, facts: facts)
        let context = shared
        let flows = content.flows
        // The site rules, and the page rules on chunks of pages, all on every core; `found` holds
        // the diagnostics of each site rule and then of each chunk.
        let chunkSize = 64
        let chunkCount = (flows.count + chunkSize - 1) / chunkSize
        let found = Mutex<[[Diagnostic]]>(Array(repeating: [], count: siteRules.count + chunkCount))
        let checked = Mutex<[String: PageCheckCache.Entry]>([:])
        DispatchQueue.concurrentPerform(iterations: siteRules.count + chunkCount) { index in
            guard index >= siteRules.count else {
                let diagnostics = siteRules[index].check(content, context: context)
                found.withLock { $0[index] = diagnostics }
                return
            }
            let chunk = index - siteRules.count
            var entries: [(String, PageCheckCache.Entry)] = []
            var chunkDiagnostics: [Diagnostic] = []
            for page in chunk * chunkSize..<min(flows.count, (chunk + 1) * chunkSize) {
                let source = flows[page].source
                let digest = digests[source]
                let diagnostics =
                    previous.diagnostics(of: source, digest: digest)
                    ?? Self.check(facts[page], of: content, with: pageRules, context: context)
                chunkDiagnostics += diagnostics
                if let digest { entries.append((source, .init(digest: digest, diagnostics: diagnostics))) }
            }
            found.withLock { $0[index] = chunkDiagnostics }
            checked.withLock { all in
                for (source, entry) in entries { all[source] = entry }
            }
        }
        let diagnostics = content.diagnostics + found.withLock { $0 }.joined()
        let cache = PageCheckCache(key: previous.key, entries: checked.withLock { $0 })
        return (Self.applying(rules, to: diagnostics).sorted(), cache)
    }

    /// The page rules' diagnostics of the page of `facts`, checked as a content set of that page.
    private static func check(
        _ facts: FlowFacts,
        of content: ContentSet,
        with rules: [any Checker],
        context: CheckContext
    ) -> [Diagnostic] {
        let page = ContentSet(flows: [facts.flow], assets: content.assets, product: content.product, diagnostics: [])
        var context = context
        context.flowFacts = [facts]
        return rules.flatMap { $0.check(page, context: context) }
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
