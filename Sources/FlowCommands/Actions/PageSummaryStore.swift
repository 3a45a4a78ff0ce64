import FlowCore
import FlowModel
import FlowParser
import Foundation

/// What a build keeps of each page so that the next build need not parse the pages that did not
/// change: the page's summary, with its search terms, and its parse diagnostics, for the bytes
/// of a digest.
///
/// Kept in `pages` beside the build cache, under a key that stands for flowdoc's version and
/// the configuration (which says how pages parse). The file is a format line and the key, then
/// as bytes (``FlowCore/ByteWriter``) chunks, each after its length, so that the chunks are read
/// on every core. A chunk holds the paths of pages removed since the chunks before it, then
/// entries, which replace those of earlier chunks: a build that changed a few pages appends one
/// chunk of them rather than writing the store again (``save(to:previous:searchTerms:)``). A
/// damaged file reads as an empty store.
///
/// Each entry also keeps the stamp of the page's file (``FlowParser/FileStamp``) when it was
/// listed: a page whose file has the same stamp is not even read, unless its file was modified
/// less than a second before that build started reading (a write in the same tick of a coarse
/// clock could then leave the stamp as it was): such a stamp is kept as not trusted.
struct PageSummaryStore: PageMemory {
    /// What is kept of one page.
    struct Entry: Sendable {
        var digest: UInt64
        var summary: PageSummary
        var diagnostics: [Diagnostic]
        var stamp: FileStamp?
        /// The search terms as the file holds them, read only when needed (``searchTerms(of:)``);
        /// `nil` when the summary has its terms, or there are none.
        var encodedTerms: ArraySlice<UInt8>? = nil
        /// Whether the file was modified at least a second before the build that listed it
        /// started reading: only then does an unchanged stamp mean unchanged bytes.
        var stampTrusted = false
    }

    static let formatLine = "flowdoc-page-summaries 5"
    /// Entries per chunk of the file.
    static let chunkSize = 256

    var key: UInt64
    /// When the build that keeps the entries started reading the pages, in nanoseconds since
    /// 1970: ``save(to:previous:searchTerms:)`` trusts the stamps of files modified a second before.
    var startedReading: Int64 = 0
    /// The entries by page path.
    var entries: [String: Entry] = [:]
    /// The number of entries and removals in the file the store was read from: more than
    /// ``entries`` holds once chunks were appended.
    var recordCount = 0
    /// What changed since the store this one was made from, when the maker knows.
    ///
    /// The paths whose entries were added or changed, and those removed: saving over that
    /// store then compares no other entry.
    var changes: Changes?

    /// Paths whose entries changed, and paths whose entries went, since another store.
    struct Changes: Sendable {
        var changed: [String]
        var removed: [String]
    }

    /// The current time in nanoseconds since 1970, as a build's ``startedReading``.
    static func now() -> Int64 {
        var time = timespec()
        clock_gettime(CLOCK_REALTIME, &time)
        return Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec)
    }

    /// The key of a store for pages parsed with the configuration `configuration` (the bytes of
    /// `flowdoc.yml`, empty without one).
    static func key(configuration: Data) -> UInt64 {
        var hasher = StableHasher()
        hasher.combine(formatLine)
        hasher.combine(FlowdocVersion.current)
        hasher.combine(UInt64(configuration.count))
        hasher.combine(bytes: configuration)
        return hasher.value
    }

    func digest(of path: String, stamp: FileStamp) -> UInt64? {
        guard let entry = entries[path], entry.stampTrusted, entry.stamp == stamp else { return nil }
        return entry.digest
    }

    /// The page at `path` and its digest, with one lookup, if its file has the trusted `stamp`
    /// the store holds and the store holds its search terms.
    func knownPage(at path: String, stamp: FileStamp) -> (digest: UInt64, page: KnownPage)? {
        guard let entry = entries[path], entry.stampTrusted, entry.stamp == stamp,
            entry.summary.searchTerms != nil || entry.encodedTerms != nil
        else { return nil }
        return (entry.digest, KnownPage(summary: entry.summary, diagnostics: entry.diagnostics))
    }

    /// The page at `path`, if the store holds it with the bytes of `digest` and its search terms.
    func knownPage(at path: String, digest: UInt64) -> KnownPage? {
        guard let entry = entries[path], entry.digest == digest,
            entry.summary.searchTerms != nil || entry.encodedTerms != nil
        else { return nil }
        return KnownPage(summary: entry.summary, diagnostics: entry.diagnostics)
    }

    /// The search terms kept for the page at `path`.
    func searchTerms(of path: String) -> SearchTerms? {
        guard let entry = entries[path] else { return nil }
        return entry.summary.searchTerms ?? entry.encodedTerms.flatMap { try? SearchTerms(decoding: $0) }
    }

    /// Reads the store saved at `url` under `key`; an empty store when there is none, it is
    /// damaged, or it was saved under another key.
    static func load(from url: URL, key: UInt64) -> PageSummaryStore {
        let empty = PageSummaryStore(key: key)
        guard let bytes = FileBytes.read(atPath: url.path) else { return empty }
        let header = Array("\(formatLine)\nkey \(StableHasher.hex(key))\n".utf8)
        guard bytes.starts(with: header) else { return empty }
        var reader = ByteReader(bytes[header.count...])
        guard let chunks = try? ByteChunks.split(&reader), let decoded = ByteChunks.read(chunks, chunk(in:)) else {
            return empty
        }
        var store = empty
        store.entries.reserveCapacity(decoded.reduce(0) { $0 + $1.entries.count })
        for chunk in decoded {
            for path in chunk.removed { store.entries[path] = nil }
            for (path, entry) in chunk.entries { store.entries[path] = entry }
            store.recordCount += chunk.removed.count + chunk.entries.count
        }
        return store
    }
}
