public import FlowCore
public import FlowModel
public import Foundation

/// Reads every page of a content folder, in parallel, into a ``FlowModel/ContentSet``.
///
/// Every `*.md` file below the folder is a page, except files and folders whose name starts with
/// `_` or `.`. Other files (images) are assets. Symbolic links are not followed out of the folder.
public struct ContentLoader: Sendable {
    public var options: ParseOptions
    /// Results of earlier loads to reuse for pages whose bytes did not change; `nil` parses every page.
    public var cache: ParseCache?

    /// Creates a loader that parses pages with `options`.
    ///
    /// - Parameters:
    ///   - options: How pages are read.
    ///   - cache: Results of earlier loads to reuse for unchanged pages, and to keep for the next load.
    public init(options: ParseOptions = .default, cache: ParseCache? = nil) {
        self.options = options
        self.cache = cache
    }

    /// Loads the content folder at `root`.
    ///
    /// - Parameter root: The content folder.
    /// - Returns: The pages sorted by path, the assets, the product model and all parse diagnostics.
    /// - Throws: ``ContentError`` when the folder can't be read at all.
    public func load(from root: URL) async throws -> ContentSet {
        // Without digests: hashing every page's bytes was 3% of `flowdoc check`, which has no use for them.
        try await load(from: root, computingDigests: false).content
    }

    /// Loads the content folder at `root` and returns the digest of each page's bytes too.
    ///
    /// The digests (``FlowCore/StableHasher`` of the file's bytes, by page path) let an
    /// incremental build tell which pages changed without reading them again.
    ///
    /// - Parameter root: The content folder.
    /// - Returns: The content, as ``load(from:)`` gives it, and the digests by ``FlowModel/Flow/source``.
    /// - Throws: ``ContentError`` when the folder can't be read at all.
    public func loadWithDigests(from root: URL) async throws -> LoadedContent {
        try await load(from: root, computingDigests: true)
    }

    /// Loads the content folder at `root` without parsing the pages that `memory` knows.
    ///
    /// A page whose file has the stamp `memory` recorded is not read; a page whose digest
    /// `memory` knows is not parsed, and is in ``LoadedContent/known`` rather than among the flows.
    ///
    /// - Parameters:
    ///   - root: The content folder.
    ///   - memory: What the previous build kept of its pages.
    /// - Returns: The parsed pages with the known ones' parse diagnostics, the digests and stamps.
    /// - Throws: ``ContentError`` when the folder can't be read at all.
    public func loadWithDigests(from root: URL, remembering memory: some PageMemory) async throws -> LoadedContent {
        try await load(from: root, computingDigests: true) { memory }
    }

    /// Loads the content folder at `root` without parsing the pages that a memory knows, asking
    /// `memory` for it once the folder is listed: the memory can be read while the folder is.
    ///
    /// - Parameters:
    ///   - root: The content folder.
    ///   - memory: Gives what the previous build kept of its pages, or `nil` when it kept nothing.
    /// - Returns: The content, as ``loadWithDigests(from:remembering:)`` gives it.
    /// - Throws: ``ContentError`` when the folder can't be read at all.
    public func loadWithDigests(
        from root: URL,
        rememberingAfterListing memory: @Sendable () async -> (any PageMemory)?
    ) async throws -> LoadedContent {
        try await load(from: root, computingDigests: true, memory: memory)
    }

    /// Reads and parses the page at `path` in the content folder `root`, as a load does.
    ///
    /// - Returns: The page, or `nil` when the file can't be read, is binary, or no longer has
    ///   the bytes of `digest`.
    public func parsePage(at path: String, in root: URL, digest: UInt64) -> Flow? {
        let rootPath = root.path.hasSuffix("/") ? root.path : root.path + "/"
        guard let bytes = FileBytes.read(atPath: rootPath + path), StableHasher.digest(bytes) == digest else {
            return nil
        }
        let text = SourceDecoder.decode(bytes, source: path)
        return text.isBinary ? nil : PageParser(options: options).parse(text.text, source: path).flow
    }

    /// Loads the content folder at `root`, with the digest of each page, or 0 for every page
    /// unless `computingDigests`.
    private func load(
        from root: URL,
        computingDigests: Bool,
        memory remembered: @Sendable () async -> (any PageMemory)? = { nil }
    ) async throws -> LoadedContent {
        let listing = try ContentWalker(root: root).walk()
        let memory = await remembered()
        let parser = PageParser(options: options)
        let cache = cache
        cache?.begin(options: options)
        let computingDigests = computingDigests || cache != nil
        // Plain string paths: `URL.appendingPathComponent` asks the file system whether each path is a folder.
        let rootPath = root.path.hasSuffix("/") ? root.path : root.path + "/"
        // A page whose file has the stamp `memory` recorded is known unread, without a task of its own.
        var knownPages: [KnownPage] = []
        var digests: [String: UInt64] = [:]
        digests.reserveCapacity(listing.pages.count)
        var unknown: [String] = []
        var unknownStamps: [String: FileStamp] = [:]
        for (path, stamp) in zip(listing.pages, listing.stamps) {
            if let memory, let stamp, let (digest, page) = memory.knownPage(at: path, stamp: stamp) {
                knownPages.append(page)
                digests[path] = digest
            } else {
                unknown.append(path)
                unknownStamps[path] = stamp
            }
        }
        let pages = await withTaskGroup(
            of: (path: String, flow: Flow?, diagnostics: [Diagnostic], digest: UInt64, known: KnownPage?)?.self
        ) { group in
            for path in unknown {
                group.addTask {
                    guard let bytes = FileBytes.read(atPath: rootPath + path) else { return nil }
                    let digest = computingDigests ? StableHasher.digest(bytes) : 0
                    if let kept = cache?.entry(for: path, digest: digest) {
                        return (path, kept.flow, kept.diagnostics, digest, nil)
                    }
                    if let page = memory?.knownPage(at: path, digest: digest) {
                        return (path, nil, page.diagnostics, digest, page)
                    }
                    let text = SourceDecoder.decode(bytes, source: path)
                    var flow: Flow?
                    var diagnostics = text.diagnostics
                    // A binary file is reported and left out rather than read as a page of garbage.
                    if !text.isBinary {
                        let parsed = parser.parse(text.text, source: path)
                        flow = parsed.flow
                        diagnostics += parsed.diagnostics
                    }
                    cache?.store(.init(digest: digest, flow: flow, diagnostics: diagnostics), for: path)
                    return (path, flow, diagnostics, digest, nil)
                }
            }
            var results: [(path: String, flow: Flow?, diagnostics: [Diagnostic], digest: UInt64, known: KnownPage?)] =
                []
            for await result in group {
                if let result { results.append(result) }
            }
            return results
        }
        var diagnostics = listing.diagnostics
        var flows: [Flow] = []
        // Only pages with parse diagnostics are listed.
        var pageDiagnostics: [String: [Diagnostic]] = [:]
        for page in knownPages where !page.diagnostics.isEmpty {
            diagnostics += page.diagnostics
            pageDiagnostics[page.summary.source] = page.diagnostics
        }
        var knownWhenRead: [KnownPage] = []
        for (path, flow, found, digest, page) in pages {
            if let flow { flows.append(flow) }
            if let page { knownWhenRead.append(page) }
            if !found.isEmpty {
                diagnostics += found
                pageDiagnostics[path] = found
            }
            digests[path] = digest
        }
        // Every listed page has a digest unless one could not be read.
        if digests.count < listing.pages.count {
            for path in listing.pages where digests[path] == nil {
                diagnostics.append(SourceDecoder.unreadable(path))
            }
        }
        flows.sort { $0.source < $1.source }
        if !knownWhenRead.isEmpty {
            knownPages = (knownPages + knownWhenRead).sorted { $0.summary.source < $1.summary.source }
        }
        cache?.keepOnly(Set(listing.pages))
        var product: ProductModel?
        if let productPath = listing.productModel {
            let result = ProductModelReader.read(root.appendingPathComponent(productPath), source: productPath)
            product = result.model
            diagnostics += result.diagnostics
        }
        let content = ContentSet(
            flows: flows,
            assets: listing.assets,
            product: product,
            diagnostics: diagnostics.sorted()
        )
        return LoadedContent(
            content: content,
            digests: digests,
            known: knownPages,
            pageDiagnostics: pageDiagnostics,
            stamps: unknownStamps,
            readPages: unknown
        )
    }
}

/// A loaded content folder with the digest of each page's bytes.
public struct LoadedContent: Sendable {
    /// The pages, assets, product model and parse diagnostics.
    public var content: ContentSet
    /// The ``FlowCore/StableHasher`` digest of each page file's bytes, by page path.
    public var digests: [String: UInt64]
    /// The pages that were not parsed because a cache knew them, in path order; their parse
    /// diagnostics are in ``content``'s.
    public var known: [KnownPage] = []
    /// The parse diagnostics of each page that was read, known or parsed, by path; a page
    /// without any is left out.
    public var pageDiagnostics: [String: [Diagnostic]] = [:]
    /// The stamp of each page of ``readPages`` as the folder was listed, by path (not for pages
    /// reached through symbolic links): the other pages have the stamps the memory recorded.
    public var stamps: [String: FileStamp] = [:]
    /// The pages whose files were read, in path order.
    ///
    /// Those whose stamps the memory did not hold (every page, without one); the others have
    /// the digest and stamp it recorded.
    public var readPages: [String] = []
}

/// A page that a load did not parse because a cache holds what a build needs of it.
public struct KnownPage: Sendable {
    /// What the other pages and the site's lists read of the page.
    public var summary: PageSummary
    /// The diagnostics of reading and parsing the page.
    public var diagnostics: [Diagnostic]

    /// Creates a known page.
    public init(summary: PageSummary, diagnostics: [Diagnostic]) {
        self.summary = summary
        self.diagnostics = diagnostics
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
