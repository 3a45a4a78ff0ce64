import FlowCore
import FlowModel

/// `sitemap.xml`: every page, with the base URL when one is set, else relative paths.
enum Sitemap {
    static func xml(for context: SiteContext) -> String {
        var paths = context.published.map { SitePaths.page(forFlowID: $0.id) }
        if !paths.contains("index.html") { paths.append("index.html") }
        paths += ["graph.html", "search.html"]
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        xml += "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for path in paths.sorted() {
            let flow = path.hasSuffix(".html") ? context.flow(id: String(path.dropLast(5))) : nil
            xml += "  <url>\n    <loc>\(escape(context.options.publicURL(path)))</loc>\n"
            if let updated = flow?.metadata.updated, isDate(updated) {
                xml += "    <lastmod>\(updated)</lastmod>\n"
            }
            xml += "  </url>\n"
        }
        return xml + "</urlset>\n"
    }

    private static func isDate(_ text: String) -> Bool {
        let parts = text.split(separator: "-")
        return parts.count == 3 && parts.map(\.count) == [4, 2, 2] && parts.allSatisfy { $0.allSatisfy(\.isNumber) }
    }

    private static func escape(_ text: String) -> String { Escaping.markup(text) }
}
