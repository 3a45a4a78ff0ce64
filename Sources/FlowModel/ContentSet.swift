public import FlowCore

/// Everything read from one content folder: its pages, product model and parse diagnostics.
public struct ContentSet: Sendable, Hashable, Codable {
    /// The pages, sorted by ``Flow/source``; drafts included (see ``Flow/metadata``).
    public var flows: [Flow]
    /// Files that are not pages but are referenced or shipped (images), relative paths.
    public var assets: [String]
    public var product: ProductModel?
    /// Problems found while reading and parsing.
    public var diagnostics: [Diagnostic]

    public init(flows: [Flow], assets: [String], product: ProductModel?, diagnostics: [Diagnostic]) {
        self.flows = flows
        self.assets = assets
        self.product = product
        self.diagnostics = diagnostics
    }

    /// The IDs whose pages the site generator writes itself (`graph.html`, `search.html`,
    /// `404.html`); a flow with one of them would overwrite that page, or be overwritten.
    public static let generatedPageIDs: Set<String> = ["graph", "search", "404"]

    /// The pages that are published: all but drafts.
    public var publishedFlows: [Flow] { flows.filter { !$0.metadata.draft } }

    /// The flow with `id`, if any.
    public func flow(id: String) -> Flow? { flows.first { $0.id == id } }
}
