/// The summaries of every page of a content folder with its assets: what the rules about links
/// between pages and the site's listings read.
public struct ContentSummary: Sendable, Hashable {
    /// Every page, drafts included, in the order of ``ContentSet/flows``.
    public var pages: [PageSummary]
    /// The paths of the folder's other files, relative to it.
    public var assets: [String]

    /// Creates a summary from its parts.
    public init(pages: [PageSummary], assets: [String]) {
        self.pages = pages
        self.assets = assets
    }

    /// The summary of every page of `content`.
    public init(_ content: ContentSet) {
        self.init(pages: content.flows.map(PageSummary.init), assets: content.assets)
    }

    /// The pages that are not drafts, in order.
    public var publishedPages: [PageSummary] { pages.filter { !$0.metadata.draft } }

    /// A resolver for links between these pages and to these assets.
    public var linkResolver: LinkResolver {
        LinkResolver(pages: pages.lazy.map { ($0.source, $0.id) }, assets: assets)
    }
}
