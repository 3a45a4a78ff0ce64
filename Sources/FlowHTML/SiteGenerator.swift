import FlowCore
import FlowJSON
public import FlowModel
public import Foundation

/// Turns a ``FlowModel/ContentSet`` into the files of a static help site.
///
/// The site has one page per published flow at `<id>.html`, a home page (`index.html`) that
/// lists the flows by product, platform and mode, a flow graph (`graph.html`), a search page,
/// a 404 page, `sitemap.xml`, the theme's assets, the images of the content folder and the
/// JSON export (`flows.json`, `json/<id>.json`, `flowdoc-export.schema.json`).
///
/// Generation reads no clock and iterates nothing in hash order: the same content gives the
/// same bytes.
public struct SiteGenerator: Sendable {
    public var content: ContentSet
    /// The content folder, from which images are copied.
    public var contentRoot: URL
    public var theme: Theme
    public var options: SiteOptions
    /// What each page reads of the others: the summary of every page of ``content``, in its order.
    public var site: ContentSummary
    /// Reads the model of a page of ``site`` that is not in ``content`` when it has to be
    /// rendered: a build leaves out the pages it did not parse because they did not change.
    public var loadPage: (@Sendable (_ source: String) throws -> Flow)?
    /// The search terms a build kept for a page of ``site`` that is not in ``content``, when
    /// its summary does not carry them.
    public var storedSearchTerms: (@Sendable (_ source: String) -> SearchTerms?)?
    /// The link resolver of ``site``'s pages and assets, when the caller made it already (the
    /// check does); else it is made again.
    public var linkResolver: LinkResolver?

    /// Creates a generator.
    ///
    /// - Parameters:
    ///   - content: The loaded content.
    ///   - contentRoot: The content folder the content was loaded from.
    ///   - theme: The templates and assets.
    ///   - options: Site title and base URL.
    ///   - site: The summaries of `content`'s pages, if the caller has them (`flowdoc check`
    ///     makes them); else they are made here.
    public init(
        content: ContentSet,
        contentRoot: URL,
        theme: Theme,
        options: SiteOptions = SiteOptions(),
        site: ContentSummary? = nil
    ) {
        self.content = content
        self.contentRoot = contentRoot
        self.theme = theme
        self.options = options
        self.site = site ?? ContentSummary(content)
    }

    /// Generates every file of the site in memory, sorted by path.
    ///
    /// ``SiteBuilder`` writes the same files in parallel, straight to disk; this is for tests
    /// and small sites.
    ///
    /// - Throws: ``ThemeError`` for a template that does not parse or is missing; an encoding error from the JSON export.
    public func generate() throws -> [SiteFile] {
        let prepared = try prepare()
        var files: [SiteFile] = []
        for flow in content.publishedFlows {
            files.append(.text(SitePaths.page(forFlowID: flow.id), try prepared.pages.flowPage(flow)))
            files.append(
                SiteFile(path: SitePaths.json(forFlowID: flow.id), contents: .data(try prepared.json(of: flow)))
            )
        }
        files += try aggregateFiles(prepared)
        var published = content
        published.flows = content.publishedFlows
        let flowsJSON = try prepared.exporter.export(published, layout: Self.jsonLayout)
        files.append(SiteFile(path: "flows.json", contents: .data(flowsJSON)))
        return files.sorted { $0.path < $1.path }
    }

    /// The spacing of the site's JSON (`flows.json`, `json/<id>.json`): compact, since programs
    /// read it and browsers download it; `flowdoc export` writes the same values pretty-printed.
    static let jsonLayout = JSONLayout.compact

    /// What every file of one build shares: the parsed templates, the site context and the exporter.
    struct Prepared: Sendable {
        let context: SiteContext
        let pages: PageRenderer
        let exporter: FlowJSONExporter
        /// The models of the pages in ``SiteGenerator/content``, by source path.
        let flows: [String: Flow]
        let loadPage: (@Sendable (_ source: String) throws -> Flow)?

        /// The model of `page`: from the content, else read with ``SiteGenerator/loadPage``.
        ///
        /// - Throws: ``SiteWriterError`` when the page is in neither, or what reading it throws.
        func flow(for page: PageSummary) throws -> Flow {
            try SiteGenerator.model(of: page, in: flows, loadPage: loadPage)
        }

        /// The JSON of one flow (`json/<id>.json`).
        func json(of flow: Flow) throws -> Data {
            try exporter.exportFlow(flow, resolver: context.resolver, layout: SiteGenerator.jsonLayout)
        }
    }

    /// Parses the templates and indexes the content, once per build.
    ///
    /// - Parameter fewPages: Whether the build renders few pages (a rebuild of the previous
    ///   build's site facts): the site context then answers each question when asked
    ///   (``SiteContext/answersOnDemand``).
    func prepare(fewPages: Bool = false) throws -> Prepared {
        let templates = try TemplateSet(theme: theme)
        let context = SiteContext(
            site: site,
            options: effectiveOptions,
            resolver: linkResolver,
            answersOnDemand: fewPages
        )
        return Prepared(
            context: context,
            pages: PageRenderer(context: context, templates: templates),
            exporter: FlowJSONExporter(version: FlowdocVersion.current),
            flows: flowsBySource,
            loadPage: loadPage
        )
    }

    /// The models of the pages in ``content``, by source path.
    var flowsBySource: [String: Flow] {
        Dictionary(content.flows.map { ($0.source, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The model of `page`: from `flows`, else read with `loadPage`.
    ///
    /// - Throws: ``SiteWriterError`` when the page is in neither, or what reading it throws.
    static func model(
        of page: PageSummary,
        in flows: [String: Flow],
        loadPage: (@Sendable (_ source: String) throws -> Flow)?
    ) throws -> Flow {
        if let flow = flows[page.source] { return flow }
        guard let loadPage else {
            throw SiteWriterError(path: page.source, reason: "the page's model was not loaded")
        }
        return try loadPage(page.source)
    }

    /// The options with the site title filled in from `index.md` when none is given.
    var effectiveOptions: SiteOptions {
        var options = options
        if options.siteTitle == nil {
            options.siteTitle = site.pages.first { $0.id == "index" && !$0.metadata.draft }?.title
        }
        return options
    }

    /// The files that depend on the whole site, or on no page: the home page when there is
    /// no `index.md`, 404, graph, search, sitemap, search index, assets, schema and images
    /// (`flows.json` aside: ``FlowsJSONAssembler`` writes it from the JSON of each flow).
    func aggregateFiles(_ prepared: Prepared) throws -> [SiteFile] {
        try aggregateJobs(prepared).flatMap { try $0().files }
    }

    /// What an aggregate job made: its files, and the cache entries and part layouts that let
    /// the next build reuse them.
    struct AggregateResult: Sendable {
        var files: [SiteFile]
        var cacheEntries: [BuildCache.Entry] = []
        var layouts: [String: PartLayout] = [:]
    }

    /// ``aggregateFiles(_:)`` as independent jobs, which ``SiteBuilder`` runs beside the pages
    /// rather than before or after them.
    ///
    /// - Parameter previousGraph: The previous build's graph page and the
    ///   ``FlowGraphSVG/fingerprint(of:edges:)`` it was drawn from, when that build had the same
    ///   key; the page is copied instead of drawn when the fingerprint is the same.
    /// - Parameter searchParts: The digest of each page's source, and the previous build's search
    ///   index, whose entries of unchanged pages are copied (the whole file is taken when no
    ///   entry changed); with digests, the job records the index's ``PartLayout``.
    /// - Parameter unchangedSite: The previous site, when every page's site facts are the ones
    ///   it was built from: the files drawn from the site context alone (flow map, sitemap, home
    ///   page without `index.md`) are taken from it.
    func aggregateJobs(
        _ prepared: Prepared,
        previousGraph: (fingerprint: UInt64, url: URL)? = nil,
        searchParts: (digests: [String: UInt64], previous: PreviousParts?)? = nil,
        unchangedSite: URL? = nil
    ) -> [@Sendable () throws -> AggregateResult] {
        let context = prepared.context
        let pages = prepared.pages
        let generator = self
        return [
            {
                if let previousGraph, let previous = Self.previousFile(previousGraph.url, in: unchangedSite) {
                    let entry = BuildCache.Entry(
                        path: "graph.html",
                        sourceDigest: 0,
                        answers: previousGraph.fingerprint,
                        queries: []
                    )
                    return AggregateResult(
                        files: [SiteFile(path: "graph.html", contents: previous)],
                        cacheEntries: [entry]
                    )
                }
                let edges = FlowGraphSVG.edges(in: context)
                let fingerprint = FlowGraphSVG.fingerprint(of: context.readingOrder, edges: edges)
                let entry = BuildCache.Entry(path: "graph.html", sourceDigest: 0, answers: fingerprint, queries: [])
                if let previousGraph, previousGraph.fingerprint == fingerprint {
                    return AggregateResult(
                        files: [SiteFile(path: "graph.html", contents: .copy(previousGraph.url))],
                        cacheEntries: [entry]
                    )
                }
                return AggregateResult(
                    files: [SiteFile(path: "graph.html", contents: .texts(try pages.graphPagePieces(edges: edges)))],
                    cacheEntries: [entry]
                )
            },
            {
                let published = context.published
                if let searchParts, let previous = searchParts.previous,
                    let layout = previous.layout(
                        ifExactly: published.lazy.map(\.source),
                        digests: searchParts.digests,
                        openingLength: SearchIndex.opening.utf8.count,
                        closingLength: SearchIndex.closing.utf8.count
                    )
                {
                    // No page's entry changed: the previous index is this build's, byte for byte.
                    let file = URL(fileURLWithPath: previous.path)
                    return AggregateResult(
                        files: [SiteFile(path: SearchIndex.path, contents: .previous(file))],
                        layouts: [SearchIndex.path: layout]
                    )
                }
                let flows = prepared.flows
                let stored = generator.storedSearchTerms
                // The terms of a parsed page come from its model; those of a page a build kept, from the build's store.
                let index = SearchIndex.script(
                    for: published,
                    terms: { index in
                        let page = published[index]
                        return page.searchTerms ?? flows[page.source].map(SearchTerms.init) ?? stored?(page.source)
                            ?? .empty
                    },
                    digests: searchParts?.digests ?? [:],
                    previous: searchParts?.previous
                )
                var result = AggregateResult(files: [SiteFile(path: SearchIndex.path, contents: index.contents)])
                if searchParts != nil, let layout = index.layout { result.layouts[SearchIndex.path] = layout }
                return result
            },
            {
                var files: [SiteFile] = []
                let previous = { (path: String) in
                    unchangedSite.flatMap { Self.previousFile($0.appendingPathComponent(path), in: $0) }
                }
                if context.flow(id: "index") == nil {
                    let home = try previous("index.html") ?? .text(pages.homeWithoutIndex())
                    files.append(SiteFile(path: "index.html", contents: home))
                }
                files.append(.text("404.html", try pages.notFoundPage()))
                files.append(.text("search.html", try pages.searchPage()))
                files.append(
                    SiteFile(path: "sitemap.xml", contents: previous("sitemap.xml") ?? .text(Sitemap.xml(for: context)))
                )
                for (name, data) in generator.theme.assets.sorted(by: { $0.key < $1.key }) {
                    files.append(SiteFile(path: "assets/" + name, contents: .data(data)))
                }
                files.append(SiteFile(path: ExportSchema.fileName, contents: .data(ExportSchema.data())))
                return AggregateResult(files: files + generator.imageFiles())
            },
        ]
    }

    /// `url`, a file of the previous site, as the contents of a file of this one; `nil` without a
    /// previous site or when the file is not there.
    private static func previousFile(_ url: URL, in site: URL?) -> SiteFile.Contents? {
        guard site != nil, FileManager.default.fileExists(atPath: url.path) else { return nil }
        return .previous(url)
    }

    /// The images of the content folder; a file whose real path leaves the folder is skipped.
    private func imageFiles() -> [SiteFile] {
        let root = contentRoot.standardizedFileURL.resolvingSymlinksInPath().path
        let extensions: Set<String> = ["svg", "png", "jpg", "jpeg", "gif", "webp", "avif"]
        return content.assets.sorted().compactMap { path in
            let url = contentRoot.appendingPathComponent(path)
            guard extensions.contains(url.pathExtension.lowercased()),
                LinkResolver.normalize(path, relativeTo: "") == path
            else { return nil }
            let real = url.standardizedFileURL.resolvingSymlinksInPath().path
            guard real.hasPrefix(root + "/") else { return nil }
            return SiteFile(path: path, contents: .copy(url))
        }
    }
}
