import FlowCore
import FlowModel
public import Foundation
import Synchronization

/// Builds a site to disk: every core renders pages, each page is written as soon as it is
/// rendered, and pages whose output can't have changed since the last build are reused.
///
/// The files go into a ``SiteStaging`` folder that ``SiteWriter`` swaps in at the end, so a
/// failed build leaves the previous site untouched. A page is unchanged when its source digest
/// and the answers of its ``DependencyTrace`` are the same as in the ``BuildCache``; an unchanged
/// page is hard-linked from the previous site into the staging folder (copied where hard links
/// are not possible), or already there when the folder is the ``SiteSpare`` of the previous
/// site. The home page, flow map and sitemap are reused while every page's site facts are the
/// same (``siteFingerprint``); `flows.json` and the search index copy the parts of unchanged pages
/// from the previous files (``PartLayout``). The result is byte-identical to a clean build.
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
    /// The fingerprint of every page's site facts (``FlowCheck/ContentChecker``), when known:
    /// while it is the previous build's, the files drawn from the site context alone (home
    /// page, flow map, sitemap) are reused.
    public var siteFingerprint: UInt64?
    /// Takes the build's large values (the manifests, the site context, the pages' results) at
    /// its end, when set, so that they are not freed: a process that ends with the build leaves
    /// them to its exit (`KeepAlive`), which frees them at no cost.
    public var keepUntilExit: (@Sendable (any Sendable) -> Void)?
    /// The previous build's manifest, being read ahead (``PreviousBuild``); `nil` to read it
    /// when the build starts.
    public var previousBuild: Task<PreviousBuild, Never>?

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
        // The previous build's manifest, read while the content was checked when it was read ahead.
        let previous = await Self.previousCache(
            for: writer.output,
            key: key,
            incremental: incremental,
            readAhead: previousBuild
        )
        let sameSite = siteFingerprint != nil && previous.siteFacts == siteFingerprint
        // The site is prepared while flows.json is written ahead. A rebuild of the same site
        // facts renders only the changed pages: when they are few, their questions are answered
        // as they come, without tables of the whole site.
        let fewPages = SiteContext.answersOnDemand(
            sameSite: sameSite,
            knowsAnswers: previous.answersFingerprint != nil,
            parsedPages: generator.content.flows.count
        )
        async let preparing = generator.prepare(fewPages: fewPages)
        // A spare copy of the previous site is taken only with the manifest that lists its files.
        let knowsPrevious = previous.answersFingerprint != nil
        let staging = try writer.begin(recycling: incremental && knowsPrevious)
        // Unchanged flows are copied from the previous flows.json rather than read back from their files.
        var previousFlows = previous.parts["flows.json"].flatMap {
            PreviousParts(fileAt: writer.output.appendingPathComponent("flows.json").path, layout: $0)
        }
        var ahead: FlowsJSONAhead?
        do {
            ahead = try writeAhead(previous, previousFlows, sameSite: sameSite, into: staging)
            let prepared = try await preparing
            // Every answer is made from the pages' site facts, the assets and the options (in the
            // key): a site with the previous build's facts has its answers fingerprint.
            let fingerprint =
                sameSite
                ? previous.answersFingerprint ?? prepared.context.answersFingerprint()
                : prepared.context.answersFingerprint()
            let sameAnswers = previous.answersFingerprint == fingerprint
            let flows = prepared.context.published
            if let written = ahead,
                !sameAnswers || !written.layout.parts.lazy.map(\.source).elementsEqual(flows.lazy.map(\.source))
            {
                await written.abandon()
                ahead = nil
            }
            // The pages, then their JSON: each list grouped by folder, which makeFolders looks at once.
            try staging.makeFolders(for: flows.lazy.map { SitePaths.page(forFlowID: $0.id) })
            try staging.makeFolders(for: flows.lazy.map { SitePaths.json(forFlowID: $0.id) })
            let done = SharedCounter()
            let aggregateCount = SharedCounter()
            // Small chunks, so that no core is left with a long last one while the other waits.
            let chunkSize = max(16, flows.count / (ProcessInfo.processInfo.activeProcessorCount * 32))
            let flowsJSON =
                ahead != nil
                ? nil
                : try FlowsJSONAssembler(
                    chunkCount: (flows.count + chunkSize - 1) / chunkSize,
                    flowCount: flows.count,
                    exporter: prepared.exporter,
                    previous: previousFlows,
                    in: staging
                )
            defer { flowsJSON?.abandon() }
            let chunks = try await withThrowingTaskGroup(of: ChunkResult.self) { group in
                // The files about the whole site are generated beside the pages, not before them.
                let previousGraph = previous.entry(for: "graph.html").map {
                    (fingerprint: $0.answers, url: writer.output.appendingPathComponent("graph.html"))
                }
                let previousSearch = previous.parts[SearchIndex.path].flatMap {
                    PreviousParts(fileAt: writer.output.appendingPathComponent(SearchIndex.path).path, layout: $0)
                }
                // One after the other, in one task: side by side, the flow map and the search index
                // of a large site held their large strings at the same time.
                let jobs = generator.aggregateJobs(
                    prepared,
                    previousGraph: previousGraph,
                    searchParts: (sourceDigests, previousSearch),
                    unchangedSite: sameSite && sameAnswers ? writer.output : nil
                )
                group.addTask {
                    var result = ChunkResult(index: -1)
                    var place = 0
                    for job in jobs {
                        let aggregates = try job()
                        let paths = aggregates.files.map(\.path)
                        try staging.makeFolders(for: paths)
                        for file in aggregates.files { try staging.write(file) }
                        aggregateCount.value.add(aggregates.files.count, ordering: .relaxed)
                        // Every file is listed, so that the next build knows which of them its site no longer has.
                        for path in paths {
                            let entry = aggregates.cacheEntries.first { $0.path == path } ?? .init(unlisted: path)
                            result.list(entry, previous: previous.place(of: path, expectedAt: place))
                            place += 1
                        }
                        result.files += paths
                        result.layouts.merge(aggregates.layouts) { first, _ in first }
                    }
                    return result
                }
                for (chunkIndex, start) in stride(from: 0, to: flows.count, by: chunkSize).enumerated() {
                    let chunk = flows[start..<min(start + chunkSize, flows.count)]
                    group.addTask { [previousFlows, ahead] in
                        var result = ChunkResult(index: chunkIndex)
                        var json = FlowsJSONChunk()
                        for (offset, flow) in chunk.enumerated() {
                            try Task.checkCancellation()
                            let built = try build(
                                flow,
                                at: start + offset,
                                prepared,
                                previous,
                                sameAnswers: sameAnswers,
                                sameSite: sameSite,
                                json: ahead?.made[flow.source],
                                staging,
                                into: &result
                            )
                            if flowsJSON != nil {
                                let isFirst = start + offset == 0
                                let before = json.count
                                try appendJSON(
                                    built.json,
                                    of: flow,
                                    at: start + offset,
                                    previousFlows,
                                    staging,
                                    to: &json
                                )
                                let length = json.count - before - (isFirst ? 0 : 1)
                                let digest = sourceDigests[flow.source] ?? 0
                                result.parts.append(.init(source: flow.source, digest: digest, length: length))
                            }
                            if built.rendered { result.rendered += 1 }
                            let count = done.value.add(1, ordering: .relaxed).newValue
                            progress?(count, flows.count)
                        }
                        try flowsJSON?.add(chunk: chunkIndex, json)
                        return result
                    }
                }
                var all: [ChunkResult] = []
                for try await chunk in group { all.append(chunk) }
                return all.sorted { $0.index < $1.index }
            }
            try flowsJSON?.finish()
            var cache = BuildCache(key: key)
            cache.answersFingerprint = fingerprint
            cache.siteFacts = siteFingerprint
            cache.pagesStart = chunks.first { $0.index == -1 }?.entryCount ?? 0
            cache.parts["flows.json"] =
                ahead?.layout ?? PartLayout(prefixLength: flowsJSON?.prefixLength ?? 0, parts: chunks.flatMap(\.parts))
            for chunk in chunks { cache.parts.merge(chunk.layouts) { first, _ in first } }
            // The manifest lists the files in the order they were made: a clean build's order, in any build.
            var last = ChunkResult(index: chunks.count)
            last.list(
                .init(unlisted: "flows.json"),
                previous: previous.place(of: "flows.json", expectedAt: previous.count - 1)
            )
            let listed = chunks + [last]
            let entryCount = listed.reduce(0) { $0 + $1.entryCount }
            let removed = knowsPrevious ? previous.paths(notAmong: listed.lazy.map(\.previousOrdinals)) : []
            // The manifest was made while flows.json written ahead was finished. Closed now, the
            // previous flows.json is freed with its last name, as the replaced site is brought up
            // to date beside the manifest's writing, not by this task.
            try await ahead?.finish()
            previousFlows = nil
            if staging.isRecycled { staging.remove(removed) }
            BuildCache.invalidate(for: writer.output)
            let previousSite = try writer.commitLeavingPrevious(staging)
            // The previous site is kept as the next build's spare, or removed, while the manifest is written.
            let written = staging.written?.all ?? []
            // Bringing the replaced site up to date costs two calls a file written, removing it one a file.
            let keepsSpare = staging.written != nil && written.count <= entryCount / 2
            async let retired: Void = {
                guard let previousSite else { return }
                // Before the replaced site is brought up to date: its own flows.json is moved, not freed.
                FlowsJSONScratch(output: writer.output).keep(
                    from: previousSite.rootPath,
                    layout: previous.parts["flows.json"],
                    key: key,
                    answers: previous.answersFingerprint
                )
                if keepsSpare, SiteSpare(output: writer.output).keep(previousSite, written: written, removed: removed) {
                    return
                }
                previousSite.discard()
            }()
            cache.save(for: writer.output, chunks: listed.map(\.manifest), entryCount: entryCount)
            await retired
            for value in [previous, cache, prepared, chunks] as [any Sendable] { keepUntilExit?(value) }
            return Report(
                pageCount: flows.count,
                fileCount: 2 * flows.count + aggregateCount.value.load(ordering: .relaxed) + 1,
                renderedPages: chunks.reduce(0) { $0 + $1.rendered }
            )
        } catch {
            await ahead?.abandon()
            staging.discard()
            throw error
        }
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
