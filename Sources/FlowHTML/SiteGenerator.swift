public import FlowModel
import FlowCore
import FlowJSON
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

    /// Creates a generator.
    ///
    /// - Parameters:
    ///   - content: The loaded content.
    ///   - contentRoot: The content folder the content was loaded from.
    ///   - theme: The templates and assets.
    ///   - options: Site title and base URL.
    public init(content: ContentSet, contentRoot: URL, theme: Theme, options: SiteOptions = SiteOptions()) {
        self.content = content
        self.contentRoot = contentRoot
        self.theme = theme
        self.options = options
    }

    /// Generates every file of the site, sorted by path.
    ///
    /// - Throws: ``ThemeError`` for a template that does not parse or is missing; an encoding error from the JSON export.
    public func generate() throws -> [SiteFile] {
        let templates = try TemplateSet(theme: theme)
        var options = options
        if options.siteTitle == nil { options.siteTitle = content.publishedFlows.first { $0.id == "index" }?.title }
        let context = SiteContext(content: content, options: options)
        let pages = PageRenderer(context: context, templates: templates)
        var files: [SiteFile] = []
        let published = content.publishedFlows
        for flow in published {
            files.append(.text(SitePaths.page(forFlowID: flow.id), try pages.flowPage(flow)))
        }
        if !published.contains(where: { $0.id == "index" }) {
            files.append(.text("index.html", try pages.homeWithoutIndex()))
        }
        files.append(.text("404.html", try pages.notFoundPage()))
        files.append(.text("graph.html", try pages.graphPage()))
        files.append(.text("search.html", try pages.searchPage()))
        files.append(.text("sitemap.xml", Sitemap.xml(for: context)))
        files.append(.text("assets/search-index.js", SearchIndex.script(for: context)))
        for (name, data) in theme.assets.sorted(by: { $0.key < $1.key }) {
            files.append(SiteFile(path: "assets/" + name, contents: .data(data)))
        }
        files += try jsonFiles()
        files += imageFiles()
        return files.sorted { $0.path < $1.path }
    }

    private func jsonFiles() throws -> [SiteFile] {
        let exporter = FlowJSONExporter(version: FlowdocVersion.current)
        var published = content
        published.flows = content.publishedFlows
        var files = [SiteFile(path: "flows.json", contents: .data(try exporter.export(published)))]
        for flow in content.publishedFlows {
            files.append(SiteFile(path: SitePaths.json(forFlowID: flow.id), contents: .data(try exporter.exportFlow(flow, in: content))))
        }
        files.append(SiteFile(path: ExportSchema.fileName, contents: .data(try ExportSchema.data())))
        return files
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
