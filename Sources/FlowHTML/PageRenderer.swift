import FlowModel

/// Renders each kind of page through its template and the shared layout.
struct PageRenderer {
    let context: SiteContext
    let templates: TemplateSet

    private var siteTitle: String { context.options.siteTitle ?? "Help center" }

    /// A flow or overview page; the flow with id `index` becomes the home page with the listing.
    ///
    /// - Parameters:
    ///   - flow: The page to render.
    ///   - trace: Records what the page asks about other pages, for incremental builds.
    func flowPage(_ flow: Flow, trace: DependencyTrace? = nil) throws -> String {
        let path = SitePaths.page(forFlowID: flow.id)
        var view = FlowPageBuilder(context: context, flow: flow, trace: trace).build()
        let isHome = flow.id == "index"
        if isHome { addListing(to: &view, fromPage: path) }
        let body = try templates.render(view, template: flow.kind == .flow ? "flow" : "overview")
        let jsonLD = flow.kind == .flow ? [HowToJSONLD.script(for: flow, context: context)] : []
        return try layout(
            title: isHome ? flow.title : "\(flow.title) – \(siteTitle)",
            description: flow.summary,
            path: path,
            kind: isHome ? "home" : flow.kind.rawValue,
            breadcrumbs: isHome ? [] : breadcrumbs(for: flow, trace: trace),
            body: body,
            jsonLD: jsonLD
        )
    }

    /// The home page when the content has no top-level `index.md`.
    func homeWithoutIndex() throws -> String {
        var view = FlowPageView(
            id: "index",
            title: siteTitle,
            isFlow: false,
            facets: [],
            hasFacets: false,
            updated: "",
            hasUpdated: false,
            toc: [],
            hasTOC: false,
            parts: [],
            previousFlow: [],
            nextFlow: [],
            hasPager: false,
            jsonHref: "flows.json",
            groups: [],
            hasGroups: false
        )
        addListing(to: &view, fromPage: "index.html")
        let body = try templates.render(view, template: "overview")
        return try layout(
            title: siteTitle,
            description: siteTitle,
            path: "index.html",
            kind: "home",
            breadcrumbs: [],
            body: body
        )
    }

    func notFoundPage() throws -> String {
        let body = try templates.render(["home": (context.options.baseURL ?? "") + "index.html"], template: "404")
        return try layout(
            title: "Page not found – \(siteTitle)",
            description: "The page you asked for does not exist.",
            path: "404.html",
            kind: "not-found",
            breadcrumbs: [],
            body: body,
            root: context.options.baseURL ?? ""
        )
    }

    /// The flow graph page; `edges` are ``FlowGraphSVG/edges(in:)`` when the caller has them already.
    func graphPage(edges: [FlowGraphSVG.Edge]? = nil) throws -> String {
        try graphPagePieces(edges: edges).joined()
    }

    /// ``graphPage(edges:)`` in pieces to write one after the other: the page around the
    /// drawing, and the drawing.
    ///
    /// The drawing of a large site is most of the page (8 MB for 10,000 pages): put into the
    /// graph template and then into the layout, it was copied twice, two copies alive at a time
    /// at a build's peak of memory. The page is rendered around a marker instead, and cut there;
    /// a theme whose templates do not keep the marker as it is gets the page made whole.
    func graphPagePieces(edges: [FlowGraphSVG.Edge]? = nil) throws -> [String] {
        let svg = FlowGraphSVG.svg(for: context, edges: edges ?? FlowGraphSVG.edges(in: context))
        let page = try graphPage(svg: Self.drawingMarker)
        let around = page.split(separator: Self.drawingMarker, omittingEmptySubsequences: false)
        // The drawing holds no comment: its text is escaped.
        guard around.count == 2 else { return [try graphPage(svg: svg)] }
        return [String(around[0]), svg, String(around[1])]
    }

    /// Where the drawing goes in ``graphPagePieces(edges:)``: a comment no template or drawing holds.
    static let drawingMarker = "<!--flowdoc:flow-map-drawing-->"

    /// The flow graph page around `svg`, made whole.
    func graphPage(svg: String) throws -> String {
        let body = try templates.render(["svg": svg], template: "graph")
        return try layout(
            title: "Flow map – \(siteTitle)",
            description: "How the flows of \(siteTitle) lead into each other.",
            path: "graph.html",
            kind: "graph",
            breadcrumbs: crumbs([("Flow map", "graph.html")], from: "graph.html"),
            body: body
        )
    }

    func searchPage() throws -> String {
        let body = try templates.render(["title": "Search"], template: "search")
        return try layout(
            title: "Search – \(siteTitle)",
            description: "Search the flows of \(siteTitle).",
            path: "search.html",
            kind: "search",
            breadcrumbs: crumbs([("Search", "search.html")], from: "search.html"),
            body: body,
            scripts: ["assets/search-index.js"]
        )
    }

    // MARK: Parts

    private func addListing(to view: inout FlowPageView, fromPage path: String) {
        view.groups = FlowGrouping.groups(of: context.published).map { group in
            FlowGroupView(
                title: group.title,
                anchor: "flows-" + Slug.make(group.title),
                flows: group.flows.map { context.link(to: $0, fromPage: path) }
            )
        }
        view.hasGroups = !view.groups.isEmpty
        view.toc +=
            [TOCEntry(title: "All flows", anchor: "all-flows", isSub: false)]
            + view.groups.map { TOCEntry(title: $0.title, anchor: $0.anchor, isSub: true) }
        view.hasTOC = true
    }

    /// Home, then the overview page of each folder above the flow, then the flow.
    private func breadcrumbs(for flow: Flow, trace: DependencyTrace?) -> [LayoutView.Crumb] {
        var trail: [(String, String)] = []
        let folders = flow.source.split(separator: "/").dropLast()
        for depth in 0..<folders.count {
            let source = (folders.prefix(depth + 1) + ["index.md"]).joined(separator: "/")
            if let overview = context.overview(atSource: source, trace: trace), overview.id != flow.id {
                trail.append((overview.title, SitePaths.page(forFlowID: overview.id)))
            }
        }
        trail.append((flow.title, SitePaths.page(forFlowID: flow.id)))
        return crumbs(trail, from: SitePaths.page(forFlowID: flow.id))
    }

    private func crumbs(_ trail: [(String, String)], from path: String) -> [LayoutView.Crumb] {
        let all = [("Home", "index.html")] + trail
        return all.enumerated().map { index, crumb in
            LayoutView.Crumb(
                title: crumb.0,
                href: SitePaths.relative(from: path, to: crumb.1),
                isCurrent: index == all.count - 1
            )
        }
    }

    private func layout(
        title: String,
        description: String,
        path: String,
        kind: String,
        breadcrumbs: [LayoutView.Crumb],
        body: String,
        jsonLD: [String] = [],
        scripts: [String] = [],
        root: String? = nil
    ) throws -> String {
        let view = LayoutView(
            title: title,
            siteTitle: siteTitle,
            description: description,
            root: root ?? SitePaths.rootPrefix(from: path),
            pageKind: kind,
            breadcrumbs: breadcrumbs,
            hasBreadcrumbs: !breadcrumbs.isEmpty,
            body: body,
            jsonLD: jsonLD,
            scripts: scripts
        )
        return try templates.render(view, template: "layout")
    }
}
