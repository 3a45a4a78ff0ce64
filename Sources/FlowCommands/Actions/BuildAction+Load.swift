import FlowCheck
import FlowCore
import FlowHTML
import FlowModel
import FlowParser
import Foundation

extension BuildAction {
    /// A build's content and what its check found.
    struct CheckedContent {
        /// The pages that were parsed, the known ones, digests and parse diagnostics.
        var loaded: LoadedContent
        /// The diagnostics, and the summary of every page.
        var outcome: ContentChecker.Outcome
        /// What the previous build kept of each page: the search terms of the pages left unparsed.
        var store: PageSummaryStore
        /// The writing of the caches for the next build: done, or running beside the site build.
        var cacheWrites: Task<Void, Never>
        /// The previous build's manifest, read while the content was checked; `nil` for a full build.
        var previousBuild: Task<PreviousBuild, Never>?
        /// How long reading and checking the content took, and when the check ended.
        var timings: BuildTimings
        var checkedAt: ContinuousClock.Instant
    }

    /// Loads the content and checks it, leaving unparsed the pages that did not change since
    /// the last build into the same output.
    ///
    /// A page is left unparsed when the build's ``PageSummaryStore`` holds its summary for its
    /// bytes and the ``FlowCheck/PageCheckCache`` its page rules' diagnostics; the site rules
    /// read its summary, and the site generator parses it only if it has to render it. Both
    /// caches are written again for the next build.
    func loadAndCheck(
        with loader: ContentLoader,
        configuration: CheckConfiguration,
        configurationBytes: Data
    ) async throws -> CheckedContent {
        let folder = SiteBuilder.cacheFolder(for: outputURL)
        let storeURL = folder.appendingPathComponent("pages")
        let checksURL = folder.appendingPathComponent("page-checks")
        // The preview server keeps every page's model between builds: it needs no store.
        let keepsStore = parseCache == nil
        let storeKey = PageSummaryStore.key(configuration: configurationBytes)
        let startedReading = PageSummaryStore.now()
        let started = ContinuousClock.now
        // The store is read while the content folder is listed.
        let reading = Task { [incremental] in
            incremental && keepsStore
                ? PageSummaryStore.load(from: storeURL, key: storeKey) : PageSummaryStore(key: storeKey)
        }
        var loaded = try await loader.loadWithDigests(from: contentURL) {
            let store = await reading.value
            return store.entries.isEmpty ? nil : store
        }
        let store = await reading.value
        // Reading the page-check cache and checking leave a core idle: the site build's manifest
        // is read there meanwhile.
        let previousBuild = incremental ? Task { [outputURL] in PreviousBuild.read(for: outputURL) } : nil
        let checksKey = PageCheckCache.key(
            configuration: configurationBytes,
            product: loaded.content.product,
            today: today
        )
        let previous =
            incremental ? PageCheckCache.load(from: checksURL, key: checksKey) : PageCheckCache(key: checksKey)
        // A page left unparsed must have been checked under this configuration, product model
        // and date (a new day, for one): else every page is parsed.
        if loaded.known.contains(where: {
            previous.entries[$0.summary.source]?.digest != loaded.digests[$0.summary.source]
        }) {
            loaded = try await loader.loadWithDigests(from: contentURL)
        }
        let loadedAt = ContinuousClock.now
        let outcome = ContentChecker().check(
            loaded.content,
            context: CheckContext(configuration: configuration, today: today),
            digests: loaded.digests,
            reusing: previous,
            known: loaded.known.map(\.summary)
        )
        let checkedAt = ContinuousClock.now
        // Only caches: a build that can't keep them parses and checks every page next time.
        let cacheWrites = Task { [loaded] in
            try? outcome.cache.save(to: checksURL)
            guard keepsStore else { return }
            // The terms of the parsed pages are made as the store is written, and not kept.
            let flows = Dictionary(
                loaded.content.flows.map { ($0.source, $0) },
                uniquingKeysWith: { first, _ in first }
            )
            var kept = Self.store(of: outcome.site, loaded, previous: store, key: storeKey)
            kept.startedReading = startedReading
            try? kept.save(to: storeURL, previous: store) { page in
                flows[page.source].map(SearchTerms.init) ?? .empty
            }
        }
        // A first build writes them before the site: the whole store's buffers are then not held
        // at the site's peak of memory. A rebuild appends a few entries, beside the site build.
        if store.entries.isEmpty { await cacheWrites.value }
        return CheckedContent(
            loaded: loaded,
            outcome: outcome,
            store: store,
            cacheWrites: cacheWrites,
            previousBuild: previousBuild,
            timings: BuildTimings(load: loadedAt - started, check: checkedAt - loadedAt),
            checkedAt: checkedAt
        )
    }

    /// The store of every page of `site` with its digest and parse diagnostics, with what
    /// changed since `previous` (``PageSummaryStore/changes``).
    ///
    /// Made from `previous`: an entry for the same bytes is kept as it is, with the stamp the
    /// page's file has now; a page left unparsed keeps the search terms `previous` holds for it,
    /// still encoded. Only the pages whose files were read can have another entry: the others
    /// had the stamp and digest `previous` holds.
    private static func store(
        of site: ContentSummary,
        _ loaded: LoadedContent,
        previous: PageSummaryStore,
        key: UInt64
    ) -> PageSummaryStore {
        var store = PageSummaryStore(key: key)
        if previous.key == key { store.entries = previous.entries }
        var changed: [String] = []
        let read = Set(loaded.readPages)
        for page in site.pages where read.contains(page.source) {
            guard let digest = loaded.digests[page.source] else { continue }
            let stamp = loaded.stamps[page.source]
            if let kept = store.entries[page.source], kept.digest == digest {
                if kept.stamp != stamp {
                    store.entries[page.source]?.stamp = stamp
                    store.entries[page.source]?.stampTrusted = false
                    changed.append(page.source)
                }
                continue
            }
            store.entries[page.source] = .init(
                digest: digest,
                summary: page,
                diagnostics: loaded.pageDiagnostics[page.source] ?? [],
                stamp: stamp
            )
            changed.append(page.source)
        }
        // Entries of files that are no pages now (removed, or no longer readable): every page
        // with a digest has an entry.
        var removed: [String] = []
        if store.entries.count > loaded.digests.count {
            let sources = Set(site.pages.lazy.filter { loaded.digests[$0.source] != nil }.map(\.source))
            removed = store.entries.keys.filter { !sources.contains($0) }
            for path in removed { store.entries[path] = nil }
        }
        store.changes = .init(changed: changed, removed: removed)
        return store
    }

    /// Reads and parses the page at `source` for the site generator, which renders it; the
    /// page must still have the bytes the build loaded.
    func pageLoader(_ loader: ContentLoader, digests: [String: UInt64]) -> @Sendable (String) throws -> Flow {
        let root = contentURL
        return { source in
            guard let digest = digests[source], let flow = loader.parsePage(at: source, in: root, digest: digest) else {
                throw SiteWriterError(path: source, reason: "the page changed while the site was built; build again")
            }
            return flow
        }
    }
}
