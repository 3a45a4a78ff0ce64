import FlowCore
public import FlowModel
public import Foundation

/// Reads every page of a content folder, in parallel, into a ``FlowModel/ContentSet``.
///
/// Every `*.md` file below the folder is a page, except files and folders whose name starts with
/// `_` or `.`. Other files (images) are assets. Symbolic links are not followed out of the folder.
public struct ContentLoader: Sendable {
    public var options: ParseOptions

    /// Creates a loader that parses pages with `options`.
    public init(options: ParseOptions = .default) {
        self.options = options
    }

    /// Loads the content folder at `root`.
    ///
    /// - Parameter root: The content folder.
    /// - Returns: The pages sorted by path, the assets, the product model and all parse diagnostics.
    /// - Throws: ``ContentError`` when the folder can't be read at all.
    public func load(from root: URL) async throws -> ContentSet {
        let listing = try ContentWalker(root: root).walk()
        let parser = PageParser(options: options)
        let pages = await withTaskGroup(of: (flow: Flow?, diagnostics: [Diagnostic]).self) { group in
            for path in listing.pages {
                group.addTask {
                    let file = root.appendingPathComponent(path)
                    guard let text = SourceDecoder.read(file, source: path) else { return (nil, [SourceDecoder.unreadable(path)]) }
                    guard !text.isBinary else { return (nil, text.diagnostics) }
                    let (flow, diagnostics) = parser.parse(text.text, source: path)
                    return (flow, text.diagnostics + diagnostics)
                }
            }
            var results: [(flow: Flow?, diagnostics: [Diagnostic])] = []
            for await result in group { results.append(result) }
            return results
        }
        var diagnostics = listing.diagnostics
        var flows: [Flow] = []
        for page in pages {
            if let flow = page.flow { flows.append(flow) }
            diagnostics += page.diagnostics
        }
        flows.sort { $0.source < $1.source }
        var product: ProductModel?
        if let productPath = listing.productModel {
            let result = ProductModelReader.read(root.appendingPathComponent(productPath), source: productPath)
            product = result.model
            diagnostics += result.diagnostics
        }
        return ContentSet(flows: flows, assets: listing.assets, product: product, diagnostics: diagnostics.sorted())
    }
}

/// A content folder that can't be read.
public struct ContentError: Error, CustomStringConvertible, Sendable {
    public var path: String
    public var reason: String

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    public var description: String { "\(path): \(reason)" }
}
