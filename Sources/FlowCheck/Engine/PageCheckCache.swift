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
/// The file is a format line, the key, a line with the site rules' fingerprint and diagnostics,
/// then one line per page: the page's path, the digest and the site facts digest in
/// hexadecimal and the diagnostics as JSON (nothing when there are none), separated by tabs.
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
    static let formatLine = "flowdoc-page-checks 2"

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
        guard let data = FileManager.default.contents(atPath: url.path) else { return empty }
        let lines = data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        guard lines.count >= 3, lines[0].elementsEqual(formatLine.utf8),
            lines[1].elementsEqual("key \(StableHasher.hex(key))".utf8), lines[2].starts(with: "site".utf8)
        else { return empty }
        var cache = empty
        let decoder = JSONDecoder()
        let hex = { (field: Data) in UInt64(String(decoding: field, as: UTF8.self), radix: 16) }
        let diagnostics = { (field: Data) -> [Diagnostic]? in
            field.isEmpty ? [] : try? decoder.decode([Diagnostic].self, from: field)
        }
        let site = lines[2].dropFirst(5).split(separator: UInt8(ascii: "\t"), omittingEmptySubsequences: false)
        if site.count == 2 {
            guard let fingerprint = hex(Data(site[0])), let found = diagnostics(Data(site[1])) else { return empty }
            cache.site = SiteResult(fingerprint: fingerprint, diagnostics: found)
        }
        for line in lines.dropFirst(3) where !line.isEmpty {
            let fields = line.split(separator: UInt8(ascii: "\t"), maxSplits: 3, omittingEmptySubsequences: false)
            guard fields.count == 4, let digest = hex(fields[1]), let siteFacts = hex(fields[2]),
                let found = diagnostics(Data(fields[3]))
            else { return empty }
            cache.entries[String(decoding: fields[0], as: UTF8.self)] = Entry(
                digest: digest,
                diagnostics: found,
                siteFacts: siteFacts
            )
        }
        return cache
    }

    /// Writes the cache to `url`, through a temporary file beside it (`.atomic`) so that a reader
    /// never sees half of it.
    ///
    /// Pages whose path holds a tab or a line break are left out (checked again next time).
    ///
    /// - Throws: The file system's error when the folder can't be created or the file written.
    public func save(to url: URL) throws {
        var text = "\(Self.formatLine)\nkey \(StableHasher.hex(key))\nsite"
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // JSON without indentation escapes every line break and tab inside its strings.
        let json = { (diagnostics: [Diagnostic]) in
            diagnostics.isEmpty ? "" : String(decoding: try encoder.encode(diagnostics), as: UTF8.self)
        }
        if let site { text += " " + StableHasher.hex(site.fingerprint) + "\t" + (try json(site.diagnostics)) }
        text += "\n"
        for (source, entry) in entries.sorted(by: { $0.key < $1.key })
        where !source.utf8.contains(where: { $0 == UInt8(ascii: "\t") || $0 == UInt8(ascii: "\n") }) {
            text += source + "\t" + StableHasher.hex(entry.digest) + "\t" + StableHasher.hex(entry.siteFacts) + "\t"
            text += try json(entry.diagnostics) + "\n"
        }
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url, options: .atomic)
    }
}
