import Dispatch
import FlowCore
import FlowModel
import FlowProse

/// What every page of a build shares: the summaries of the pages, their link resolver and the reading order.
///
/// It reads the other pages only through their summaries (``FlowModel/PageSummary``): a page is
/// rendered from its own model and what the context says of the rest.
///
/// Built once per build. For a build of every page, every lookup a page makes is a dictionary
/// access, never a scan of the site; for a rebuild that renders few pages (``answersOnDemand``),
/// the tables are not made and the few questions are answered by a pass over the pages. Lookups
/// that take a ``DependencyTrace`` record the question, for incremental builds.
struct SiteContext: Sendable {
    let site: ContentSummary
    let options: SiteOptions
    let resolver: LinkResolver
    /// The published pages, in path order.
    let published: [PageSummary]
    /// The position in ``published`` of each page, by id.
    private let publishedIndexByID: [String: Int]
    /// The position in ``published`` of each page, by source path; `nil` when each question is
    /// answered on its own (``answersOnDemand``).
    private let publishedIndexBySource: [String: Int]?
    /// What a page may show of each published page (``DependencyTrace/listing(_:)``), in
    /// ``published`` order; `nil` when each is made when asked for (``answersOnDemand``).
    private let listings: [String]?
    /// The published pages of kind flow in the order the home page lists them, with the
    /// position of each by id: made with the context, or when first needed.
    let order: ReadingOrder
    /// Whether the context was made without the tables a build of every page uses, for a build
    /// that renders few pages (a rebuild of the previous build's site facts): each question is
    /// then answered from ``published`` when asked, and the reading order made only when a
    /// page of the whole site (home page, flow map) needs it.
    let answersOnDemand: Bool

    /// The published pages of kind flow, in the order the home page lists them.
    var readingOrder: [PageSummary] { order.made(from: published).flows }
    /// The position of each flow of ``readingOrder``, by id.
    var readingPosition: [String: Int] { order.made(from: published).positions }

    /// The context of the site of `content`.
    init(content: ContentSet, options: SiteOptions) {
        self.init(site: ContentSummary(content), options: options)
    }

    /// The context of the site of `site`.
    ///
    /// - Parameters:
    ///   - resolver: `site`'s link resolver, if made already.
    ///   - answersOnDemand: Whether to make no table of the whole site but the pages by id
    ///     (``answersOnDemand``).
    init(site: ContentSummary, options: SiteOptions, resolver known: LinkResolver? = nil, answersOnDemand: Bool = false)
    {
        self.site = site
        self.options = options
        self.answersOnDemand = answersOnDemand
        let published = site.publishedPages
        self.published = published
        // The indexes are made side by side, on every core.
        nonisolated(unsafe) var resolver: LinkResolver?
        nonisolated(unsafe) var listings: [String]?
        nonisolated(unsafe) var order: ReadingOrder.Made?
        nonisolated(unsafe) var indexes: (byID: [String: Int], bySource: [String: Int]?) = ([:], nil)
        DispatchQueue.concurrentPerform(iterations: 4) { part in
            switch part {
            case 0: resolver = known ?? site.linkResolver
            case 1: listings = answersOnDemand ? nil : published.map { DependencyTrace.listing($0) }
            case 2: order = answersOnDemand ? nil : ReadingOrder.make(from: published)
            default:
                indexes = (
                    Dictionary(
                        published.indices.map { (published[$0].id, $0) },
                        uniquingKeysWith: { first, _ in first }
                    ),
                    answersOnDemand
                        ? nil
                        : Dictionary(
                            published.indices.map { (published[$0].source, $0) },
                            uniquingKeysWith: { first, _ in first }
                        )
                )
            }
        }
        self.resolver = resolver ?? site.linkResolver
        self.listings = listings
        self.order = ReadingOrder(order)
        publishedIndexByID = indexes.byID
        publishedIndexBySource = indexes.bySource
    }

    /// The URL that `destination`, written in `flow`, gets in `flow`'s generated page.
    ///
    /// `../jira/accept.md#step-2` written in `salesforce/a.md` gives `../jira/accept.html#step-2`;
    /// an image gives its path relative to the page; a link out of the content folder gives `#`;
    /// a `javascript:`, `vbscript:`, `file:` or non-image `data:` URL gives `""` (``SafeURL``),
    /// with or without `unsafe_html`.
    func href(_ destination: String, in flow: some SitePage, allowsFlowID: Bool = false, trace: DependencyTrace? = nil)
        -> String
    {
        let resolved = resolver.resolve(destination, from: flow.source, allowsFlowID: allowsFlowID)
        let href = href(of: resolved, destination, in: flow)
        trace?.record(.href(destination, allowsFlowID: allowsFlowID), answer: href)
        return href
    }

    /// ``href(_:in:allowsFlowID:trace:)`` and ``linkedFlow(_:in:allowsFlowID:trace:)`` with one
    /// resolution of the link (each resolves it), both questions recorded in `trace`.
    func target(
        of destination: String,
        in flow: some SitePage,
        allowsFlowID: Bool = false,
        trace: DependencyTrace? = nil
    )
        -> (href: String, flow: PageSummary?)
    {
        let resolved = resolver.resolve(destination, from: flow.source, allowsFlowID: allowsFlowID)
        let href = href(of: resolved, destination, in: flow)
        var index: Int?
        if case .flow(let id, _) = resolved { index = publishedIndexByID[id] }
        if let trace {
            trace.record(.href(destination, allowsFlowID: allowsFlowID), answer: href)
            trace.record(.linkedFlow(destination, allowsFlowID: allowsFlowID), answer: listing(at: index))
        }
        return (href, index.map { published[$0] })
    }

    /// The URL on `flow`'s page of `destination`, resolved to `resolved`.
    private func href(of resolved: LinkResolver.Target, _ destination: String, in flow: some SitePage) -> String {
        let page = SitePaths.page(forFlowID: flow.id)
        return switch resolved {
        case .external(let url): SafeURL.filtered(url)
        case .sameFlow(let fragment): "#" + fragment
        case .flow(let id, let fragment):
            SitePaths.relative(from: page, to: SitePaths.page(forFlowID: id)) + (fragment.map { "#" + $0 } ?? "")
        case .asset(let path): SitePaths.relative(from: page, to: path)
        case .missing: SafeURL.filtered(destination)
        case .outside: "#"
        }
    }

    /// The published page with this id, if any.
    func flow(id: String) -> PageSummary? {
        publishedIndexByID[id].map { published[$0] }
    }

    /// The published flow a link points at, if it points at one.
    func linkedFlow(
        _ destination: String,
        in flow: some SitePage,
        allowsFlowID: Bool = false,
        trace: DependencyTrace? = nil
    )
        -> PageSummary?
    {
        let index = linkedIndex(destination, in: flow, allowsFlowID: allowsFlowID)
        if let trace { trace.record(.linkedFlow(destination, allowsFlowID: allowsFlowID), answer: listing(at: index)) }
        return index.map { published[$0] }
    }

    /// The position in ``published`` of the page a link points at, if it points at one:
    /// ``linkedFlow(_:in:allowsFlowID:trace:)`` without copying the page.
    func linkedIndex(_ destination: String, in flow: some SitePage, allowsFlowID: Bool = false) -> Int? {
        guard case .flow(let id, _) = resolver.resolve(destination, from: flow.source, allowsFlowID: allowsFlowID)
        else { return nil }
        return publishedIndexByID[id]
    }

    /// ``DependencyTrace/listing(_:)`` of the published page at `index`, kept from the start of
    /// the build unless made when asked for (``answersOnDemand``).
    func listing(at index: Int?) -> String {
        guard let index else { return DependencyTrace.listing(nil) }
        return listings?[index] ?? DependencyTrace.listing(published[index])
    }

    /// ``DependencyTrace/listing(_:)`` of the page with this id, kept from the start of the build.
    func listing(ofID id: String) -> String {
        listing(at: publishedIndexByID[id])
    }
}

extension SiteContext {
    /// A hash of everything the answers to a page's questions (``DependencyTrace``) are made
    /// from: the path and id of every page, the assets, the published pages with their
    /// listings, and the reading order.
    ///
    /// Two sites with the same fingerprint answer every question of a page the same way, so an
    /// incremental build reuses an unchanged page without asking its questions again.
    func answersFingerprint() -> UInt64 {
        var hasher = StableHasher()
        hasher.combine(UInt64(site.pages.count))
        for flow in site.pages {
            hasher.combine(flow.source)
            hasher.combine(flow.id)
        }
        hasher.combine(UInt64(site.assets.count))
        for asset in site.assets.sorted() { hasher.combine(asset) }
        hasher.combine(UInt64(published.count))
        for index in published.indices {
            hasher.combine(published[index].source)
            hasher.combine(listing(at: index))
        }
        let readingOrder = readingOrder
        hasher.combine(UInt64(readingOrder.count))
        for flow in readingOrder { hasher.combine(flow.id) }
        return hasher.value
    }
}

extension SiteContext {
    /// The published page at `source` (an overview `index.md`), if any.
    func overview(atSource source: String, trace: DependencyTrace? = nil) -> PageSummary? {
        let index = publishedIndex(ofSource: source)
        if let trace { trace.record(.overview(source: source), answer: listing(at: index)) }
        return index.map { published[$0] }
    }

    /// ``DependencyTrace/listing(_:)`` of the published page at `source`, if any.
    func overviewListing(atSource source: String) -> String {
        listing(at: publishedIndex(ofSource: source))
    }

    /// The position in ``published`` of the first page at `source`, from the table or, when
    /// answering on demand, a pass over the pages.
    private func publishedIndex(ofSource source: String) -> Int? {
        guard let publishedIndexBySource else { return published.firstIndex { $0.source == source } }
        return publishedIndexBySource[source]
    }

    /// A safe prose renderer whose links are resolved for `flow`'s page.
    func renderer(for flow: Flow, trace: DependencyTrace? = nil) -> HTMLRenderer {
        let context = self
        return HTMLRenderer(
            options: .init(
                allowsRawHTML: options.allowsRawHTML,
                linkResolver: { context.href($0, in: flow, trace: trace) }
            )
        )
    }

    /// A listing entry for `target`, linked from the page at `fromPage`.
    func link(to target: PageSummary, fromPage: String) -> FlowLinkView {
        link(to: target, href: SitePaths.relative(from: fromPage, to: SitePaths.page(forFlowID: target.id)))
    }

    /// A listing entry for `target` at `href`.
    func link(to target: PageSummary, href: String) -> FlowLinkView {
        FlowLinkView(
            title: target.title,
            href: href,
            summary: target.summary,
            mode: target.metadata.mode ?? "",
            hasMode: target.metadata.mode != nil,
            stepCount: target.stepCount
        )
    }
}

/// Options of a site build.
public struct SiteOptions: Sendable, Hashable {
    /// The name shown in every page's header; the title of the top `index.md` when `nil`.
    public var siteTitle: String?
    /// The absolute URL the site is published at (`https://help.example.com/`), or `nil` for
    /// relative URLs in `sitemap.xml` and JSON-LD.
    public var baseURL: String?
    /// Whether raw HTML in pages reaches the site (`unsafe_html: true` in `flowdoc.yml`): this trusts every author of the content.
    ///
    /// Dangerous URLs are dropped either way.
    public var allowsRawHTML: Bool

    /// Creates options.
    ///
    /// - Parameters:
    ///   - siteTitle: The name in the header; the title of `index.md` when `nil`.
    ///   - baseURL: Where the site is published; a trailing `/` is added when missing.
    ///   - allowsRawHTML: Whether raw HTML written in pages is kept.
    public init(siteTitle: String? = nil, baseURL: String? = nil, allowsRawHTML: Bool = false) {
        self.siteTitle = siteTitle
        self.baseURL = baseURL.map { $0.hasSuffix("/") ? $0 : $0 + "/" }
        self.allowsRawHTML = allowsRawHTML
    }

    /// The URL of `path` for the sitemap and JSON-LD: absolute with a base URL, else `path`.
    func publicURL(_ path: String) -> String {
        baseURL.map { $0 + path } ?? SitePaths.relative(from: "index.html", to: path)
    }
}
