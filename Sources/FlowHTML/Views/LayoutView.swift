/// The view model of `layout.mustache`: the frame every page shares.
struct LayoutView: Sendable {
    /// One link of the breadcrumb trail; the last one is the current page.
    struct Crumb: Sendable {
        var title: String
        var href: String
        var isCurrent: Bool
    }

    /// The `<title>`: page title and site name.
    var title: String
    var siteTitle: String
    /// The `<meta name="description">`.
    var description: String
    /// The path back to the site root (`../` from `salesforce/a.html`), or the base URL for the 404 page.
    var root: String
    /// A class on `<body>` naming the page kind (`page-flow`).
    var pageKind: String
    var breadcrumbs: [Crumb]
    var hasBreadcrumbs: Bool
    /// The page's main content, HTML built by the page's own template.
    var body: String
    /// Escaped JSON-LD for a `<script type="application/ld+json">`, empty for none.
    var jsonLD: [String]
    /// Extra script files, relative to the root (`assets/search-index.js`).
    var scripts: [String]
}

/// A link to a flow, with what a listing shows of it.
struct FlowLinkView: Sendable {
    var title: String
    var href: String
    var summary: String
    var mode: String
    var hasMode: Bool
    var stepCount: Int
}

/// One entry of the on-page table of contents.
struct TOCEntry: Sendable {
    var title: String
    var anchor: String
    var isSub: Bool
}

/// A facet of a flow (`Platform: Salesforce`).
struct FacetView: Sendable {
    var name: String
    var value: String
}
