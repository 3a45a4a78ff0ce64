public import FlowCore
public import FlowModel
public import Foundation

/// The diagnostics of the page rules (``RuleScope/page``) for each page, kept from one check to
/// the next so that an unchanged page is not checked by them again.
///
/// An entry stands for the page's source bytes (their digest); the ``key`` stands for everything
/// else a page rule reads: flowdoc's version, the configuration, the product model and today's
/// date. A cache saved under another key is not used.
///
/// It also keeps the site rules' diagnostics with the fingerprint of what they read (every
/// page's ``FlowModel/PageSummary/siteFactsDigest`` and the assets): an edit that changes no
/// page's site facts, the usual edit of a page's text, does not run them again.
///
/// The file is a format line and the key, then as bytes (``FlowCore/ByteWriter``) the site rules'
/// fingerprint and diagnostics, and each page's path, digest, site facts digest and
/// diagnostics, in path order; diagnostics are JSON, empty when there are none.
public struct PageCheckCache: Sendable {
    /// What the page rules reported about one page.
    public struct Entry: Sendable, Hashable {
        /// The digest of the page's source bytes when it was checked.
        public var digest: UInt64
        /// The page rules' diagnostics, at their default severities.
        public var diagnostics: [Diagnostic]
        /// The page's ``FlowModel/PageSummary/siteFactsDigest``.
        public var siteFacts: UInt64

        /// Creates an entry.
        public init(digest: UInt64, diagnostics: [Diagnostic], siteFacts: UInt64) {
            self.digest = digest
            self.diagnostics = diagnostics
            self.siteFacts = siteFacts
        }
    }

    /// What the site rules reported, and the fingerprint of what they read.
    public struct SiteResult: Sendable, Hashable {
        /// The fingerprint of the pages' site facts and the assets the rules read.
        public var fingerprint: UInt64
        /// The site rules' diagnostics, at their default severities.
        public var diagnostics: [Diagnostic]

        /// Creates a result.
        public init(fingerprint: UInt64, diagnostics: [Diagnostic]) {
            self.fingerprint = fingerprint
            self.diagnostics = diagnostics
        }
    }

    /// The first line of the file; another line means a cache of another format, not used.
    static let formatLine = "flowdoc-page-checks 3"

    /// The hash of everything besides the page that the page rules read.
    public var key: UInt64
    /// The entries by page path, relative to the content folder.
    public var entries: [String: Entry]
    /// The site rules' diagnostics of the check that saved the cache.
    public var site: SiteResult?

    /// Creates a cache.
    public init(key: UInt64, entries: [String: Entry] = [:], site: SiteResult? = nil) {
        self.key = key
        self.entries = entries
        self.site = site
    }

    /// The key for a check with these inputs.
    ///
    /// - Parameters:
    ///   - configuration: The bytes of `flowdoc.yml` (empty without one): rule settings, limits,
    ///     required facets and the action verbs the pages are parsed with.
    ///   - product: The product model of the content folder, if any.
    ///   - today: The date `updated` is compared with.
    /// - Returns: A hash of those and of flowdoc's version.
    public static func key(configuration: Data, product: ProductModel?, today: CalendarDate) -> UInt64 {
        var hasher = StableHasher()
        hasher.combine(formatLine)
        hasher.combine(FlowdocVersion.current)
        hasher.combine(UInt64(configuration.count))
        hasher.combine(bytes: configuration)
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let productBytes = product.flatMap { try? encoder.encode($0) } ?? Data()
        hasher.combine(UInt64(productBytes.count))
        hasher.combine(bytes: productBytes)
        hasher.combine(today.description)
        return hasher.value
    }

    /// The entry of the page at `source`, if it was checked with these bytes.
    func entry(of source: String, digest: UInt64?) -> Entry? {
        guard let digest, let entry = entries[source], entry.digest == digest else { return nil }
        return entry
    }

    /// Reads the cache saved at `url` under `key`.
    ///
    /// - Returns: The saved entries, or an empty cache when the file is missing, damaged or was
    ///   saved under another key: the page rules then check every page.
    public static func load(from url: URL, key: UInt64) -> PageCheckCache {
        let empty = PageCheckCache(key: key)
        guard let bytes = FileBytes.read(atPath: url.path) else { return empty }
        let header = Array(header(key: key).utf8)
        guard bytes.starts(with: header) else { return empty }
        var reader = ByteReader(bytes[header.count...])
        let decoder = JSONDecoder()
        func diagnostics() throws -> [Diagnostic] {
            let json = try reader.readBytes(try reader.readInt())
            return json.isEmpty ? [] : try decoder.decode([Diagnostic].self, from: Data(json))
        }
        var cache = empty
        do {
            if try reader.readBool() {
                let fingerprint = try reader.readUInt64()
                cache.site = SiteResult(fingerprint: fingerprint, diagnostics: try diagnostics())
            }
            let count = try reader.readInt()
            // No more entries than bytes: a damaged count makes no room it can't fill.
            cache.entries.reserveCapacity(min(count, bytes.count))
            for _ in 0..<count {
                let source = try reader.readString()
                let digest = try reader.readUInt64()
                let siteFacts = try reader.readUInt64()
                cache.entries[source] = Entry(digest: digest, diagnostics: try diagnostics(), siteFacts: siteFacts)
            }
            guard reader.isAtEnd else { return empty }
        } catch {
            return empty
        }
        return cache
    }

    /// Writes the cache to `url`, through a temporary file beside it (`.atomic`) so that a reader
    /// never sees half of it.
    ///
    /// - Throws: The file system's error when the folder can't be created or the file written.
    public func save(to url: URL) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var writer = ByteWriter()
        func write(_ diagnostics: [Diagnostic]) throws {
            let json = diagnostics.isEmpty ? Data() : try encoder.encode(diagnostics)
            writer.write(json.count)
            writer.append(bytes: ArraySlice(json))
        }
        writer.write(site != nil)
        if let site {
            writer.write(site.fingerprint)
            try write(site.diagnostics)
        }
        writer.write(entries.count)
        // In the table's order: the file is read back into a table, and sorting 10,000 paths took
        // half of the time a rebuild spent writing it.
        for (source, entry) in entries {
            writer.write(source)
            writer.write(entry.digest)
            writer.write(entry.siteFacts)
            try write(entry.diagnostics)
        }
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try (Data(Self.header(key: key).utf8) + writer.bytes).write(to: url, options: .atomic)
    }

    /// The file's first two lines: the format and the key.
    private static func header(key: UInt64) -> String {
        "\(formatLine)\nkey \(StableHasher.hex(key))\n"
    }
}
