import FlowCore
import FlowModel
public import Foundation
import Synchronization

/// Builds a site to disk: every core renders pages, each page is written as soon as it is
/// rendered, and pages whose output can't have changed since the last build are reused.
///
/// The files go into a ``SiteStaging`` folder that ``SiteWriter`` swaps in at the end, so a
/// failed build leaves the previous site untouched. An unchanged page is hard-linked from the
/// previous site into the staging folder (copied where hard links are not possible); it is
/// unchanged when its source digest and the answers of its ``DependencyTrace`` are the same
/// as in the ``BuildCache``. The home page and the files about the whole site (graph, search,
/// sitemap, `flows.json`) are always generated. The result is byte-identical to a clean build.
public struct SiteBuilder: Sendable {
    /// The files to build.
    public var generator: SiteGenerator
    /// The output folder and its safety checks.
    public var writer: SiteWriter
    /// The digest of each page's source bytes by path (``FlowParser/LoadedContent``); a page without one is always rendered.
    public var sourceDigests: [String: UInt64]
    /// Whether to reuse files of the previous build; `false` renders everything (the cache is still written).
    public var incremental: Bool
    /// Bytes of the configuration the content was read with; a change rebuilds everything.
    public var configurationKey = Data()

    /// Creates a builder.
    ///
    /// - Parameters:
    ///   - generator: The content, theme and options.
    ///   - writer: The output folder.
    ///   - sourceDigests: The digest of each page's bytes, by page path.
    ///   - incremental: Whether files of the previous build may be reused.
    public init(generator: SiteGenerator, writer: SiteWriter, sourceDigests: [String: UInt64], incremental: Bool = true)
    {
        self.generator = generator
        self.writer = writer
        self.sourceDigests = sourceDigests
        self.incremental = incremental
    }

    /// What a build did.
    public struct Report: Sendable, Hashable {
        /// The number of published pages.
        public var pageCount: Int
        /// The number of files in the site, the marker left out.
        public var fileCount: Int
        /// The pages rendered anew; the others were reused from the previous build.
        public var renderedPages: Int
    }

    /// Builds the site and swaps it in.
    ///
    /// - Parameter progress: Called from any task with the pages done and the pages in all.
    /// - Returns: What was built.
    /// - Throws: ``SiteWriterError``, ``ThemeError``, an encoding or a write error; the previous
    ///   output is then untouched.
    public func build(progress: (@Sendable (_ done: Int, _ total: Int) -> Void)? = nil) async throws -> Report {
        let key = buildKey()
        // The previous build's manifest is read while the site context is prepared.
        async let loadedCache = incremental ? BuildCache.load(for: writer.output, key: key) : BuildCache(key: key)
        let prepared = try generator.prepare()
        let staging = try writer.begin()
        let previous = await loadedCache
        let fingerprint = prepared.context.answersFingerprint()
        let sameAnswers = previous.answersFingerprint == fingerprint
        let flows = prepared.context.published
        do {
            let pagePaths = flows.flatMap { [SitePaths.page(forFlowID: $0.id), SitePaths.json(forFlowID: $0.id)] }
            try staging.makeFolders(for: pagePaths)
            let done = SharedCounter()
            let aggregateCount = SharedCounter()
            // Small chunks, so that no core is left with a long last one while the other waits.
            let chunkSize = max(16, flows.count / (ProcessInfo.processInfo.activeProcessorCount * 32))
            let flowsJSON = try FlowsJSONAssembler(
                chunkCount: (flows.count + chunkSize - 1) / chunkSize,
                flowCount: flows.count,
                exporter: prepared.exporter,
                in: staging
            )
            defer { flowsJSON.abandon() }
            let (entries, rendered) = try await withThrowingTaskGroup(of: ([BuildCache.Entry], Int).self) { group in
                // The files about the whole site are generated beside the pages, not before them.
                let previousGraph = previous.entries["graph.html"].map {
                    (fingerprint: $0.answers, url: writer.output.appendingPathComponent("graph.html"))
                }
                // One after the other, in one task: side by side, the flow map and the search index
                // of a large site held their large strings at the same time.
                let jobs = generator.aggregateJobs(prepared, previousGraph: previousGraph)
                group.addTask {
                    var entries: [BuildCache.Entry] = []
                    for job in jobs {
                        let aggregates = try job()
                        try staging.makeFolders(for: aggregates.files.map(\.path))
                        for file in aggregates.files { try staging.write(file) }
                        aggregateCount.value.add(aggregates.files.count, ordering: .relaxed)
                        entries += aggregates.cacheEntries
                    }
                    return (entries, 0)
                }
                for (chunkIndex, start) in stride(from: 0, to: flows.count, by: chunkSize).enumerated() {
                    let chunk = flows[start..<min(start + chunkSize, flows.count)]
                    group.addTask {
                        var entries: [BuildCache.Entry] = []
                        var rendered = 0
                        var json: [UInt8] = []
                        for (offset, flow) in chunk.enumerated() {
                            try Task.checkCancellation()
                            let result = try build(
                                flow,
                                prepared,
                                previous,
                                sameAnswers: sameAnswers,
                                staging,
                                into: &entries
                            )
                            FlowsJSONAssembler.append(result.json, isFirst: start + offset == 0, to: &json)
                            if result.rendered { rendered += 1 }
                            let count = done.value.add(1, ordering: .relaxed).newValue
                            progress?(count, flows.count)
                        }
                        try flowsJSON.add(chunk: chunkIndex, json)
                        return (entries, rendered)
                    }
                }
                var all: [BuildCache.Entry] = []
                var rendered = 0
                for try await (entries, count) in group {
                    all += entries
                    rendered += count
                }
                return (all, rendered)
            }
            try flowsJSON.finish()
            var cache = BuildCache(key: key)
            cache.answersFingerprint = fingerprint
            for entry in entries { cache.entries[entry.path] = entry }
            BuildCache.invalidate(for: writer.output)
            let previousSite = try writer.commitLeavingPrevious(staging)
            // The previous site is removed while the manifest is written.
            async let removed: Void = { previousSite?.discard() }()
            cache.save(for: writer.output)
            await removed
            return Report(
                pageCount: flows.count,
                fileCount: pagePaths.count + aggregateCount.value.load(ordering: .relaxed) + 1,
                renderedPages: rendered
            )
        } catch {
            staging.discard()
            throw error
        }
    }

    /// Writes the page and the JSON of `flow`, reusing the previous files when they can't have changed.
    ///
    /// - Parameter sameAnswers: Whether the site has the previous build's
    ///   ``SiteContext/answersFingerprint()``, so that an unchanged page's questions need not be asked again.
    /// - Returns: Whether the page was rendered rather than reused, and the flow's JSON.
    private func build(
        _ page: PageSummary,
        _ prepared: SiteGenerator.Prepared,
        _ previous: BuildCache,
        sameAnswers: Bool,
        _ staging: SiteStaging,
        into entries: inout [BuildCache.Entry]
    ) throws -> (rendered: Bool, json: Data) {
        let context = prepared.context
        let digest = sourceDigests[page.source]
        let pagePath = SitePaths.page(forFlowID: page.id)
        let jsonPath = SitePaths.json(forFlowID: page.id)
        var rendered = false
        // The page's model, read only if something of it has to be made again.
        var model: Flow?
        func flow() throws -> Flow {
            if let model { return model }
            let flow = try prepared.flow(for: page)
            model = flow
            return flow
        }
        // The JSON depends on the page and on where its next links lead (drafts included).
        let nextQueries = page.next.map { DependencyTrace.Query.href($0.destination, allowsFlowID: true) }
        let json: Data
        if let cached = previous.entries[jsonPath],
            reuse(jsonPath, cached, page, digest: digest, sameAnswers: sameAnswers, context, staging)
        {
            // The reused file goes into flows.json too.
            guard let reused = FileManager.default.contents(atPath: staging.root.path + "/" + jsonPath) else {
                throw SiteWriterError(path: jsonPath, reason: "can't read the flow's JSON back")
            }
            json = reused
            entries.append(cached)
        } else {
            json = try prepared.json(of: try flow())
            try staging.write(json, to: jsonPath)
            if let digest {
                let answers = DependencyTrace.answers(to: nextQueries, for: page, in: context)
                entries.append(.init(path: jsonPath, sourceDigest: digest, answers: answers, queries: nextQueries))
            }
        }
        // The home page lists every flow: always rendered, never cached.
        let isHome = page.id == "index"
        if !isHome, let cached = previous.entries[pagePath],
            reuse(pagePath, cached, page, digest: digest, sameAnswers: sameAnswers, context, staging)
        {
            entries.append(cached)
        } else {
            let trace = DependencyTrace()
            try staging.write(try prepared.pages.flowPage(try flow(), trace: trace).utf8, to: pagePath)
            rendered = true
            if let digest, !isHome {
                entries.append(
                    .init(path: pagePath, sourceDigest: digest, answers: trace.answersHash, queries: trace.queries)
                )
            }
        }
        return (rendered, json)
    }

    /// Links the previous build's file at `path` into the staging folder when it was built
    /// from the same source digest and its questions (`cached`) get the same answers: in a site
    /// with the previous build's answers fingerprint they do without being asked.
    private func reuse(
        _ path: String,
        _ cached: BuildCache.Entry,
        _ flow: PageSummary,
        digest: UInt64?,
        sameAnswers: Bool,
        _ context: SiteContext,
        _ staging: SiteStaging
    ) -> Bool {
        guard let digest, cached.sourceDigest == digest,
            sameAnswers || DependencyTrace.answers(to: cached.queries, for: flow, in: context) == cached.answers
        else { return false }
        return staging.reuse(writer.output.path + "/" + path, at: path)
    }

    /// The folder beside `output` where builds into it keep their caches (`.site.flowdoc-cache`
    /// for `site`); outside the output, so never published.
    public static func cacheFolder(for output: URL) -> URL {
        BuildCache.folder(for: output)
    }

    /// The key of everything every page depends on: flowdoc's version, the theme and the options.
    func buildKey() -> UInt64 {
        var hasher = StableHasher()
        hasher.combine(BuildCache.formatLine)
        hasher.combine(FlowdocVersion.current)
        for (name, source) in generator.theme.templates.sorted(by: { $0.key < $1.key }) {
            hasher.combine(name)
            hasher.combine(source)
        }
        for (name, data) in generator.theme.assets.sorted(by: { $0.key < $1.key }) {
            hasher.combine(name)
            hasher.combine(UInt64(data.count))
            hasher.combine(bytes: data)
        }
        let options = generator.effectiveOptions
        hasher.combine(options.siteTitle ?? "\u{0}")
        hasher.combine(options.baseURL ?? "\u{0}")
        hasher.combine(options.allowsRawHTML ? "raw" : "safe")
        hasher.combine(UInt64(configurationKey.count))
        hasher.combine(bytes: configurationKey)
        return hasher.value
    }
}

/// A count shared by the tasks of a build: pages done, files written.
private final class SharedCounter: Sendable {
    let value = Atomic<Int>(0)
}
