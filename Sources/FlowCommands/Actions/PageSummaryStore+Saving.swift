import FlowCore
import FlowModel
import FlowParser
import Foundation

extension PageSummaryStore {
    /// One chunk of the file: paths removed since the chunks before, and entries.
    struct Chunk {
        var removed: [String] = []
        var entries: [(String, Entry)] = []
    }

    /// Writes the store to `url`, or only what changed since `previous`.
    ///
    /// The entries that differ from `previous` (``changes`` when known, else found by comparing
    /// every entry) are appended to its file as one chunk, when `previous` was read from `url`
    /// and the file would not hold more than a quarter more records than entries; else the whole
    /// store is written, through a temporary file beside it (``FileOutput``). Nothing is written
    /// when nothing changed.
    ///
    /// A chunk cut short by a build killed while appending it makes the file unreadable: the
    /// next build parses every page, and writes the whole store again.
    ///
    /// - Parameters:
    ///   - url: Where the store goes.
    ///   - previous: The store as read from `url` at the start of the build, if it was.
    ///   - searchTerms: The search terms of a page whose summary has none; called while the
    ///     page's chunk is written, so that a build need not hold every page's terms.
    /// - Throws: ``ValidationFailure`` naming the file when it can't be written.
    func save(
        to url: URL,
        previous: PageSummaryStore? = nil,
        searchTerms: @Sendable (PageSummary) -> SearchTerms
    ) throws {
        let (trusted, newlyTrusted) = withTrustedStamps()
        guard let previous, !previous.entries.isEmpty, previous.key == key else {
            return try trusted.saveWhole(to: url, searchTerms: searchTerms)
        }
        let changed: [String: Entry]
        let removed: [String]
        if let changes {
            let paths = Set(changes.changed + newlyTrusted)
            changed = Dictionary(
                uniqueKeysWithValues: paths.compactMap { path in trusted.entries[path].map { (path, $0) } }
            )
            removed = changes.removed
        } else {
            changed = trusted.entries.filter { path, entry in
                guard let old = previous.entries[path] else { return true }
                return old.digest != entry.digest || old.stamp != entry.stamp || old.stampTrusted != entry.stampTrusted
            }
            removed = previous.entries.keys.filter { trusted.entries[$0] == nil }
        }
        if changed.isEmpty && removed.isEmpty { return }
        let records = previous.recordCount + changed.count + removed.count
        guard records <= trusted.entries.count + trusted.entries.count / 4,
            let handle = FileHandle(forWritingAtPath: url.path)
        else { return try trusted.saveWhole(to: url, searchTerms: searchTerms) }
        defer { try? handle.close() }
        let chunk = Self.write(
            Chunk(removed: removed.sorted(), entries: changed.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }),
            searchTerms: searchTerms
        )
        var bytes = ByteWriter()
        ByteChunks.appendWithLength(chunk, to: &bytes)
        do {
            try handle.seekToEnd()
            try handle.write(contentsOf: bytes.bytes)
        } catch {
            throw ValidationFailure("can't write \(url.path): \(error.localizedDescription)")
        }
    }

    /// The store with each entry's stamp trusted when its file was modified a second or more
    /// before ``startedReading``, and the paths whose trust changed.
    private func withTrustedStamps() -> (store: PageSummaryStore, changed: [String]) {
        // A store read back and saved again keeps what it was told.
        guard startedReading > 0 else { return (self, []) }
        var store = self
        var changed: [String] = []
        let limit = startedReading - 1_000_000_000
        for (path, entry) in entries {
            let trusted = entry.stamp.map { $0.modified < limit } ?? false
            if trusted != entry.stampTrusted {
                store.entries[path]?.stampTrusted = trusted
                changed.append(path)
            }
        }
        return (store, changed)
    }

    /// Writes every entry to `url` through a temporary file beside it.
    private func saveWhole(to url: URL, searchTerms: @Sendable (PageSummary) -> SearchTerms) throws {
        // The paths sorted alone, then paired: sorting the pairs moved (and reference-counted) every entry.
        let sorted = entries.keys.sorted().compactMap { path in entries[path].map { (key: path, value: $0) } }
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileOutput.writeAtomically(to: url) { append in
            try append(Array("\(Self.formatLine)\nkey \(StableHasher.hex(key))\n".utf8))
            // A few chunks at a time, each made on a core: the store of a large site is tens of
            // megabytes, which a build need not hold at once.
            let batchSize = 4 * ProcessInfo.processInfo.activeProcessorCount * Self.chunkSize
            for batchStart in stride(from: 0, to: sorted.count, by: batchSize) {
                let batch = sorted[batchStart..<min(sorted.count, batchStart + batchSize)]
                let chunks = ByteChunks.make(of: batch, chunkSize: Self.chunkSize) { entries, writer in
                    writer = Self.write(Chunk(entries: entries.map { ($0.key, $0.value) }), searchTerms: searchTerms)
                }
                // Chunk by chunk: joined first, a batch's bytes were held twice, at a first
                // build's peak of memory.
                for chunk in chunks {
                    try append(ByteChunks.length(of: chunk))
                    try append(chunk.bytes)
                }
            }
        }
    }

    private static func write(_ chunk: Chunk, searchTerms: (PageSummary) -> SearchTerms) -> ByteWriter {
        var writer = ByteWriter()
        let encoder = JSONEncoder()
        writer.write(chunk.removed)
        writer.write(chunk.entries.count)
        for (path, entry) in chunk.entries {
            writer.write(path)
            writer.write(entry.digest)
            if entry.summary.searchTerms == nil, let encoded = entry.encodedTerms {
                entry.summary.write(to: &writer, encodedSearchTerms: encoded)
            } else {
                var summary = entry.summary
                if summary.searchTerms == nil { summary.searchTerms = searchTerms(summary) }
                summary.write(to: &writer)
            }
            // Parse diagnostics are rare: JSON, or nothing.
            let json = entry.diagnostics.isEmpty ? nil : try? encoder.encode(entry.diagnostics)
            writer.write(json.map { String(decoding: $0, as: UTF8.self) } ?? "")
            writer.write(entry.stamp != nil)
            if let stamp = entry.stamp {
                for number in [stamp.size, UInt64(bitPattern: stamp.modified), UInt64(bitPattern: stamp.changed)] {
                    writer.write(number)
                }
                writer.write(stamp.inode)
                writer.write(entry.stampTrusted)
            }
        }
        return writer
    }

    static func chunk(in bytes: ArraySlice<UInt8>) throws -> Chunk {
        var reader = ByteReader(bytes)
        let decoder = JSONDecoder()
        let removed = try reader.readStrings()
        let entries = try reader.readArray { reader in
            let path = try reader.readString()
            let digest = try reader.readUInt64()
            var encodedTerms: ArraySlice<UInt8>?
            let summary = try PageSummary(reading: &reader, encodedSearchTerms: &encodedTerms)
            let json = try reader.readString()
            let diagnostics = json.isEmpty ? [] : try decoder.decode([Diagnostic].self, from: Data(json.utf8))
            var entry = Entry(digest: digest, summary: summary, diagnostics: diagnostics, encodedTerms: encodedTerms)
            if try reader.readBool() {
                entry.stamp = FileStamp(
                    size: try reader.readUInt64(),
                    modified: Int64(bitPattern: try reader.readUInt64()),
                    changed: Int64(bitPattern: try reader.readUInt64()),
                    inode: try reader.readUInt64()
                )
                entry.stampTrusted = try reader.readBool()
            }
            return (path, entry)
        }
        guard reader.isAtEnd else { throw ByteReader.Malformed() }
        return Chunk(removed: removed, entries: entries)
    }
}
