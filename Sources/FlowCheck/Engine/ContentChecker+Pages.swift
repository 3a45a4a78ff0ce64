import Dispatch
import FlowCore
import FlowModel
import Synchronization

extension ContentChecker {
    /// What the page rules found, with the summary of every page.
    struct PagePass {
        /// The summary of each page, in page order.
        var summaries: [PageSummary]
        /// The page rules' diagnostics of every page.
        var diagnostics: [Diagnostic]
        /// The page rules' diagnostics and site facts digest of each page with a digest, for the next check.
        var entries: [String: PageCheckCache.Entry]
        /// The ``SiteFacts`` of each page the page rules checked, by position in ``summaries``:
        /// its links resolved once for the page rules and the site rules.
        var siteFacts: [SiteFacts?] = []
    }

    /// Runs `rules` on each page of `content`, or takes the page's diagnostics from `previous`.
    ///
    /// Each page is checked as a content set of that page, unless `previous` holds its
    /// diagnostics for the same digest; on every core, a chunk of pages each. Every page is
    /// summarised on the way, from the facts the rules read.
    static func checkPages(
        _ content: ContentSet,
        with rules: [any Checker],
        context: CheckContext,
        resolver: LinkResolver,
        digests: [String: UInt64],
        reusing previous: PageCheckCache,
        known: [PageSummary]
    ) -> PagePass {
        let flows = content.flows
        let chunkSize = 64
        let chunkCount = (flows.count + chunkSize - 1) / chunkSize
        var chunks = [PagePass](repeating: PagePass(summaries: [], diagnostics: [], entries: [:]), count: chunkCount)
        chunks.withUnsafeMutableBufferPointer { buffer in
            // Each iteration writes only its own element of the buffer.
            nonisolated(unsafe) let chunks = buffer
            DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
                var pass = PagePass(summaries: [], diagnostics: [], entries: [:])
                for flow in flows[chunk * chunkSize..<min(flows.count, (chunk + 1) * chunkSize)] {
                    let digest = digests[flow.source]
                    let entry: PageCheckCache.Entry
                    let summary: PageSummary
                    var siteFacts: SiteFacts?
                    if let kept = previous.entry(of: flow.source, digest: digest) {
                        entry = kept
                        summary = PageSummary(flow)
                    } else {
                        let facts = FlowFacts(flow, resolver: resolver)
                        let diagnostics = check(facts, of: content, with: rules, context: context)
                        summary = PageSummary(flow, links: facts.links.map(\.link), images: facts.images.map(\.link))
                        siteFacts = SiteFacts(summary, from: facts, resolver: resolver)
                        // The site facts digest only of a page whose entry is kept.
                        let siteFacts = digest == nil ? 0 : summary.siteFactsDigest
                        entry = .init(digest: digest ?? 0, diagnostics: diagnostics, siteFacts: siteFacts)
                    }
                    pass.summaries.append(summary)
                    pass.siteFacts.append(siteFacts)
                    pass.diagnostics += entry.diagnostics
                    if digest != nil { pass.entries[flow.source] = entry }
                }
                chunks[chunk] = pass
            }
        }
        var all = PagePass(summaries: [], diagnostics: [], entries: [:])
        all.summaries.reserveCapacity(flows.count + known.count)
        if known.isEmpty { all.entries.reserveCapacity(flows.count) }
        for chunk in chunks {
            all.summaries += chunk.summaries
            all.siteFacts += chunk.siteFacts
            all.diagnostics += chunk.diagnostics
            all.entries.merge(chunk.entries) { _, new in new }
        }
        guard !known.isEmpty else { return all }
        let parsed = all.entries
        all.entries = knownAndParsed(parsed, known: known, previous: previous, digests: digests)
        // The known pages' diagnostics: only the entries that have any are looked at.
        for (path, entry) in all.entries where !entry.diagnostics.isEmpty && parsed[path] == nil {
            all.diagnostics += entry.diagnostics
        }
        all.summaries = merged(all.summaries, known)
        // The facts made were by position among the parsed pages alone.
        all.siteFacts = []
        return all
    }

    /// The entries of the known pages, which are the previous ones, with the entries of the
    /// parsed pages: the previous entries taken whole (one copy), rather than thousands
    /// inserted one by one, less those of pages no longer known (removed, or parsed without a digest).
    private static func knownAndParsed(
        _ parsed: [String: PageCheckCache.Entry],
        known: [PageSummary],
        previous: PageCheckCache,
        digests: [String: UInt64]
    ) -> [String: PageCheckCache.Entry] {
        assert(
            known.allSatisfy { previous.entries[$0.source]?.digest == digests[$0.source] },
            "A known page was checked before"
        )
        var entries = previous.entries
        entries.merge(parsed) { _, new in new }
        // Every known page has its entry: with as many entries as pages, there is no other.
        guard entries.count != parsed.count + known.count else { return entries }
        let pages = Set(known.lazy.map(\.source)).union(parsed.keys)
        return entries.filter { pages.contains($0.key) }
    }

    /// The summaries of `parsed` and `known`, each in path order, in path order: the order of
    /// the content's pages, as the loader sorts them.
    private static func merged(_ parsed: [PageSummary], _ known: [PageSummary]) -> [PageSummary] {
        var merged: [PageSummary] = []
        merged.reserveCapacity(parsed.count + known.count)
        var next = (parsed: parsed.startIndex, known: known.startIndex)
        while next.parsed < parsed.endIndex, next.known < known.endIndex {
            if known[next.known].source < parsed[next.parsed].source {
                merged.append(known[next.known])
                next.known += 1
            } else {
                merged.append(parsed[next.parsed])
                next.parsed += 1
            }
        }
        merged += parsed[next.parsed...]
        merged += known[next.known...]
        return merged
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
}
