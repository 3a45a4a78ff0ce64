import FlowCore
import FlowModel
import Foundation

/// One page of a ``SiteBuilder`` build: its HTML and JSON, made again or reused.
extension SiteBuilder {
    /// Writes the page and the JSON of `flow`, reusing the previous files when they can't have changed.
    ///
    /// - Parameters:
    ///   - index: The page's place among the site's published pages, where the previous
    ///     manifest is looked at first for its files (``BuildCache/places(ofPageAt:)``).
    ///   - sameAnswers: Whether the site has the previous build's
    ///     ``SiteContext/answersFingerprint()``, so that an unchanged page's questions need not be asked again.
    ///   - sameSite: Whether every page's site facts are the previous build's (``siteFingerprint``).
    ///   - made: The flow's JSON, if made already (``FlowsJSONAhead``).
    ///   - result: Where the manifest entries of the page's two files go.
    /// - Returns: Whether the page was rendered rather than reused, and the flow's JSON; `nil`
    ///   when the previous build's JSON was reused.
    func build(
        _ page: PageSummary,
        at index: Int,
        _ prepared: SiteGenerator.Prepared,
        _ previous: BuildCache,
        sameAnswers: Bool,
        sameSite: Bool,
        json made: Data?,
        _ staging: SiteStaging,
        into result: inout ChunkResult
    ) throws -> (rendered: Bool, json: Data?) {
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
        let json: Data?
        let places = previous.places(ofPageAt: index)
        let cachedJSON = previous.place(of: jsonPath, expectedAt: places.json)
        if let cached = cachedJSON,
            reuse(jsonPath, cached, of: previous, page, digest: digest, sameAnswers: sameAnswers, context, staging)
        {
            json = nil
            result.list(cached, of: previous)
        } else {
            let data = try made ?? prepared.json(of: try flow())
            try staging.write(data, to: jsonPath)
            json = data
            var entry = BuildCache.Entry(unlisted: jsonPath)
            if let digest {
                // The JSON depends on the page and on where its next links lead (drafts included).
                let nextQueries = page.next.map { DependencyTrace.Query.href($0.destination, allowsFlowID: true) }
                let answers = DependencyTrace.answers(to: nextQueries, for: page, in: context)
                entry = .init(path: jsonPath, sourceDigest: digest, answers: answers, queries: nextQueries)
            }
            result.list(entry, previous: cachedJSON)
        }
        // The home page lists every page: reused only while every page's site facts are the
        // previous build's. Its questions, about every page, are not kept.
        let isHome = page.id == "index"
        let cachedPage = previous.place(of: pagePath, expectedAt: places.page)
        if !isHome || sameSite, let cached = cachedPage,
            reuse(pagePath, cached, of: previous, page, digest: digest, sameAnswers: sameAnswers, context, staging)
        {
            result.list(cached, of: previous)
        } else {
            let trace = DependencyTrace()
            try staging.write(try prepared.pages.flowPage(try flow(), trace: trace).utf8, to: pagePath)
            rendered = true
            var entry = BuildCache.Entry(unlisted: pagePath)
            if let digest {
                let queries = isHome ? [] : trace.queries
                entry = .init(path: pagePath, sourceDigest: digest, answers: trace.answersHash, queries: queries)
            }
            result.list(entry, previous: cachedPage)
        }
        return (rendered, json)
    }

    /// Appends the part of `page`, at `place` among the flows, to the flows.json of its chunk:
    /// `json`, else the previous build's part, else its JSON file read back from the staging folder.
    func appendJSON(
        _ json: Data?,
        of page: PageSummary,
        at place: Int,
        _ previousFlows: PreviousParts?,
        _ staging: SiteStaging,
        to chunk: inout FlowsJSONChunk
    ) throws {
        let isFirst = place == 0
        if let json { return chunk.append(json, isFirst: isFirst) }
        if let previousFlows,
            let range = previousFlows.range(of: page.source, digest: sourceDigests[page.source], at: place)
        {
            return chunk.appendPrevious(range, prefixLength: previousFlows.prefixLength, isFirst: isFirst)
        }
        let jsonPath = SitePaths.json(forFlowID: page.id)
        guard let reused = FileManager.default.contents(atPath: staging.rootPath + "/" + jsonPath) else {
            throw SiteWriterError(path: jsonPath, reason: "can't read the flow's JSON back")
        }
        chunk.append(reused, isFirst: isFirst)
    }

    /// Links the previous build's file at `path` into the staging folder when it was built
    /// from the same source digest and its questions (the entry at `place` of `previous`) get
    /// the same answers: in a site with the previous build's answers fingerprint they do without
    /// being asked.
    func reuse(
        _ path: String,
        _ place: Int,
        of previous: BuildCache,
        _ flow: PageSummary,
        digest: UInt64?,
        sameAnswers: Bool,
        _ context: SiteContext,
        _ staging: SiteStaging
    ) -> Bool {
        let cached = previous.records[place]
        guard let digest, cached.sourceDigest == digest,
            sameAnswers
                || DependencyTrace.answers(to: previous.entry(at: place).queries, for: flow, in: context)
                    == cached.answers
        else { return false }
        return staging.reusePrevious(at: path)
    }
}

/// What one task of a build made: a chunk of pages (by index), or the aggregate files (index -1).
struct ChunkResult: Sendable {
    var index: Int
    /// The manifest entries of the task's files, one a file, as a chunk of the manifest
    /// (``BuildCache/encode(_:)``), encoded on the task's core as they are listed, and how many.
    private(set) var manifest = ByteWriter()
    private(set) var entryCount = 0
    /// The places of the previous manifest's entries for the same files: the previous files
    /// this build has again.
    private(set) var previousOrdinals: [Int] = []
    var rendered = 0
    /// The paths of the aggregate files.
    var files: [String] = []
    /// The flows.json parts of the chunk's pages, in order.
    var parts: [PartLayout.Part] = []
    /// The layouts of the aggregate files joined from parts.
    var layouts: [String: PartLayout] = [:]
}

extension ChunkResult {
    /// Lists `entry` in the manifest; `previous` is the place of the previous manifest's entry
    /// for its path, if any.
    mutating func list(_ entry: BuildCache.Entry, previous: Int?) {
        manifest.write(entry)
        entryCount += 1
        if let previous { previousOrdinals.append(previous) }
    }

    /// Lists the entry at `place` of `previous` again, as it was: its file was reused.
    mutating func list(_ place: Int, of previous: BuildCache) {
        previous.write(entryAt: place, to: &manifest)
        entryCount += 1
        previousOrdinals.append(place)
    }
}
