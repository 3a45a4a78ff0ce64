import Dispatch
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
/// as bytes (``FlowCore/ByteWriter``) the time the build started reading, and chunks of entries,
/// each after its length, so that the chunks are read on every core. A damaged file reads as an
/// empty store.
///
/// Each entry also keeps the stamp of the page's file (``FlowParser/FileStamp``) when it was
/// listed: a page whose file has the same stamp is not even read, unless its file was modified
/// less than a second before that build started reading (a write in the same tick of a coarse
/// clock could then leave the stamp as it was).
struct PageSummaryStore: PageMemory {
    /// What is kept of one page.
    struct Entry: Sendable {
        var digest: UInt64
        var summary: PageSummary
        var diagnostics: [Diagnostic]
        var stamp: FileStamp?
    }

    static let formatLine = "flowdoc-page-summaries 2"
    /// Entries per chunk of the file.
    private static let chunkSize = 256

    var key: UInt64
    /// When the build that kept the entries started reading the pages, in nanoseconds since 1970.
    var startedReading: Int64 = 0
    /// The entries by page path.
    var entries: [String: Entry] = [:]

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
        guard let entry = entries[path], entry.stamp == stamp, stamp.modified < startedReading - 1_000_000_000
        else { return nil }
        return entry.digest
    }

    /// The page at `path`, if the store holds it with the bytes of `digest` and its search terms.
    func knownPage(at path: String, digest: UInt64) -> KnownPage? {
        guard let entry = entries[path], entry.digest == digest, entry.summary.searchTerms != nil else { return nil }
        return KnownPage(summary: entry.summary, diagnostics: entry.diagnostics)
    }

    /// Reads the store saved at `url` under `key`; an empty store when there is none, it is
    /// damaged, or it was saved under another key.
    static func load(from url: URL, key: UInt64) -> PageSummaryStore {
        let empty = PageSummaryStore(key: key)
        guard let data = FileManager.default.contents(atPath: url.path) else { return empty }
        let header = Array("\(formatLine)\nkey \(StableHasher.hex(key))\n".utf8)
        let bytes = [UInt8](data)
        guard bytes.starts(with: header) else { return empty }
        var reader = ByteReader(bytes[header.count...])
        guard let started = try? reader.readUInt64() else { return empty }
        var slices: [ArraySlice<UInt8>] = []
        while !reader.isAtEnd {
            guard let count = try? reader.readInt(), let chunk = try? reader.readBytes(count) else { return empty }
            slices.append(chunk)
        }
        let chunks = slices
        var decoded = [[(String, Entry)]?](repeating: nil, count: chunks.count)
        decoded.withUnsafeMutableBufferPointer { buffer in
            // Each iteration writes only its own element of the buffer.
            nonisolated(unsafe) let decoded = buffer
            DispatchQueue.concurrentPerform(iterations: chunks.count) { index in
                decoded[index] = try? entries(in: chunks[index])
            }
        }
        var store = empty
        store.startedReading = Int64(bitPattern: started)
        for chunk in decoded {
            guard let chunk else { return empty }
            for (path, entry) in chunk { store.entries[path] = entry }
        }
        return store
    }

    /// Writes the store to `url` through a temporary file beside it (``FileOutput``).
    ///
    /// - Parameters:
    ///   - url: Where the store goes.
    ///   - searchTerms: The search terms of a page whose summary has none; called while the
    ///     page's chunk is written, so that a build need not hold every page's terms.
    /// - Throws: ``ValidationFailure`` naming the file when it can't be written.
    func save(to url: URL, searchTerms: @Sendable (PageSummary) -> SearchTerms) throws {
        let sorted = entries.sorted { $0.key < $1.key }
        let chunkCount = (sorted.count + Self.chunkSize - 1) / Self.chunkSize
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileOutput.writeAtomically(to: url) { append in
            var header = ByteWriter()
            header.write(UInt64(bitPattern: startedReading))
            try append(Array("\(Self.formatLine)\nkey \(StableHasher.hex(key))\n".utf8) + header.bytes)
            // A few chunks at a time, each made on a core: the store of a large site is tens of
            // megabytes, which a build need not hold at once.
            let batchSize = 4 * ProcessInfo.processInfo.activeProcessorCount
            for batchStart in stride(from: 0, to: chunkCount, by: batchSize) {
                var chunks = [ByteWriter](repeating: ByteWriter(), count: min(batchSize, chunkCount - batchStart))
                chunks.withUnsafeMutableBufferPointer { buffer in
                    // Each iteration writes only its own element of the buffer.
                    nonisolated(unsafe) let chunks = buffer
                    DispatchQueue.concurrentPerform(iterations: chunks.count) { offset in
                        let start = (batchStart + offset) * Self.chunkSize
                        let entries = sorted[start..<min(sorted.count, start + Self.chunkSize)]
                        chunks[offset] = Self.write(entries, searchTerms: searchTerms)
                    }
                }
                for chunk in chunks {
                    var length = ByteWriter()
                    length.write(chunk.bytes.count)
                    try append(length.bytes)
                    try append(chunk.bytes)
                }
            }
        }
    }

    private static func write(
        _ entries: ArraySlice<(key: String, value: Entry)>,
        searchTerms: (PageSummary) -> SearchTerms
    ) -> ByteWriter {
        var writer = ByteWriter()
        let encoder = JSONEncoder()
        writer.write(entries.count)
        for (path, entry) in entries {
            writer.write(path)
            writer.write(entry.digest)
            var summary = entry.summary
            if summary.searchTerms == nil { summary.searchTerms = searchTerms(summary) }
            summary.write(to: &writer)
            // Parse diagnostics are rare: JSON, or nothing.
            let json = entry.diagnostics.isEmpty ? nil : try? encoder.encode(entry.diagnostics)
            writer.write(json.map { String(decoding: $0, as: UTF8.self) } ?? "")
            writer.write(entry.stamp != nil)
            if let stamp = entry.stamp {
                for number in [stamp.size, UInt64(bitPattern: stamp.modified), UInt64(bitPattern: stamp.changed)] {
                    writer.write(number)
                }
                writer.write(stamp.inode)
            }
        }
        return writer
    }

    private static func entries(in chunk: ArraySlice<UInt8>) throws -> [(String, Entry)] {
        var reader = ByteReader(chunk)
        let decoder = JSONDecoder()
        let entries = try reader.readArray { reader in
            let path = try reader.readString()
            let digest = try reader.readUInt64()
            let summary = try PageSummary(reading: &reader)
            let json = try reader.readString()
            let diagnostics = json.isEmpty ? [] : try decoder.decode([Diagnostic].self, from: Data(json.utf8))
            var stamp: FileStamp?
            if try reader.readBool() {
                stamp = FileStamp(
                    size: try reader.readUInt64(),
                    modified: Int64(bitPattern: try reader.readUInt64()),
                    changed: Int64(bitPattern: try reader.readUInt64()),
                    inode: try reader.readUInt64()
                )
            }
            return (path, Entry(digest: digest, summary: summary, diagnostics: diagnostics, stamp: stamp))
        }
        guard reader.isAtEnd else { throw ByteReader.Malformed() }
        return entries
    }
}
