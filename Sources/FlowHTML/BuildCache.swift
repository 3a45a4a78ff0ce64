import FlowCore
import Foundation

/// What the previous build wrote, so that the next one can reuse its unchanged files.
///
/// The cache lives in one file, `manifest`, in a folder beside the output folder
/// (`.site.flowdoc-cache/` for `site/`): not inside it, so it is never published, and not
/// swapped away with the previous site. Its first lines hold a format version, the ``key``
/// (flowdoc's version, the theme's templates and assets, the site options) and the identity of
/// the output's marker file; a manifest whose key or marker differ is ignored, so a changed
/// theme or option, or an output folder replaced by hand, gives a full build.
///
/// Then come, as bytes (``FlowCore/ByteWriter``), the ``answersFingerprint`` of the site the
/// manifest was written for, its ``siteFacts`` when known, the place of the first page's files
/// (``pagesStart``), and the entries in chunks (``FlowCore/ByteChunks``): each describes one reusable file by its path, the digest of its
/// page's source, the hash of the answers its dependencies gave, and the questions
/// (``DependencyTrace``).
struct BuildCache: Sendable {
    static let formatLine = "flowdoc-build-cache 6"
    /// Entries per chunk of the manifest.
    static let chunkSize = 512

    /// The build's key: flowdoc's version, the theme and the options.
    var key: UInt64
    /// ``SiteContext/answersFingerprint()`` of the site the entries were built for: when the new
    /// site has the same, every question of an unchanged page gets the answer recorded here.
    var answersFingerprint: UInt64?
    /// The fingerprint of every page's site facts the site was built from (``SiteBuilder/siteFingerprint``).
    var siteFacts: UInt64?
    /// The bytes the entries are in: a manifest's that was read, or the entries appended.
    private(set) var entryBytes: [UInt8] = []
    /// Where each entry is in ``entryBytes``, in the order the manifest lists them (each at its
    /// place): a build's files in the order it made them (the whole-site files, then each page's
    /// JSON and page, then `flows.json`), so that a build of the same pages finds each where it
    /// was (``place(of:expectedAt:)``).
    private(set) var records: [Record] = []
    /// The place of the first page's files among ``records``, after the whole-site files.
    var pagesStart = 0
    /// The place of each entry by path, made when a file is not found where it was expected.
    var positions = PathPositions()
    /// The layout of each file joined from one part per page (`flows.json`, the search index),
    /// by output path; kept in a file of their own beside the manifest.
    var parts: [String: PartLayout] = [:]

    /// The cache folder of the output folder `output`.
    static func folder(for output: URL) -> URL {
        output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).flowdoc-cache")
    }

    /// Reads the manifest for `output`; empty when it is missing, unreadable or for another key or site.
    static func load(for output: URL, key: UInt64) -> BuildCache {
        guard let cache = read(for: output), cache.key == key else { return BuildCache(key: key) }
        return cache
    }

    /// Reads the manifest for `output` under the key it was written with, and the parts file
    /// written with it; `nil` when the manifest is missing, unreadable or for another site.
    static func read(for output: URL) -> BuildCache? {
        let url = folder(for: output).appendingPathComponent("manifest")
        guard let bytes = FileBytes.read(atPath: url.path),
            let marker = markerIdentity(of: output)
        else { return nil }
        // The key is the 16 hexadecimal digits after the format line and "key ".
        let keyStart = formatLine.utf8.count + 5
        guard bytes.count >= keyStart + 16,
            let key = UInt64(String(decoding: bytes[keyStart..<keyStart + 16], as: UTF8.self), radix: 16)
        else { return nil }
        let header = Array(header(key: key, marker: marker).utf8)
        guard bytes.starts(with: header) else { return nil }
        var reader = ByteReader(bytes[header.count...])
        var cache = BuildCache(key: key)
        do {
            cache.answersFingerprint = try reader.readUInt64()
            cache.siteFacts = try reader.readBool() ? try reader.readUInt64() : nil
            cache.pagesStart = try reader.readInt()
            // No more entries than bytes: a damaged count makes no room it can't fill.
            cache.records.reserveCapacity(min(try reader.readInt(), bytes.count))
            // Each chunk's records on a core: places in `bytes`, no value of their own to count references to.
            guard let chunks = ByteChunks.read(try ByteChunks.split(&reader), Record.all(in:)) else { return nil }
            cache.records += chunks.joined()
            cache.entryBytes = bytes
        } catch {
            return nil
        }
        cache.parts = loadParts(for: output, key: key)
        return cache
    }

    /// Lists `entry` last, at the next place.
    mutating func append(_ entry: Entry) {
        var writer = ByteWriter()
        writer.write(entry)
        let start = entryBytes.count
        entryBytes += writer.bytes
        // Read back as a manifest's entries are: the same places.
        records += (try? Record.all(in: entryBytes[start...])) ?? []
        positions = PathPositions()
    }

    /// The paths of the entries whose places are not among `ordinals`.
    ///
    /// When `ordinals` are the places of the entries for a new site's files, these are the
    /// previous build's files that the new site does not have. Marked by place, a site of the
    /// previous files, the common case, hashes no path. A path listed at two places (flowdoc
    /// writes none) is kept when either is.
    func paths(notAmong ordinals: some Sequence<[Int]>) -> [String] {
        var kept = [Bool](repeating: false, count: records.count)
        var keptCount = 0
        for run in ordinals {
            for ordinal in run where ordinal < kept.count && !kept[ordinal] {
                kept[ordinal] = true
                keptCount += 1
            }
        }
        guard keptCount < records.count else { return [] }
        var seen = Set(records.indices.lazy.filter { kept[$0] }.map(path(at:)))
        return records.indices.filter { !kept[$0] }.map(path(at:)).filter { seen.insert($0).inserted }
    }

    /// Removes the manifest of `output`, before the output changes.
    static func invalidate(for output: URL) {
        try? FileManager.default.removeItem(at: folder(for: output).appendingPathComponent("manifest"))
        invalidateParts(for: output)
    }

    /// Writes the manifest for the site now at `output`, its entries in order.
    ///
    /// Failing to write it costs only speed: the next build is then a full one.
    func save(for output: URL) {
        let chunks = ByteChunks.make(of: Array(records.indices), chunkSize: Self.chunkSize) { places, writer in
            for place in places { write(entryAt: place, to: &writer) }
        }
        save(for: output, chunks: chunks, entryCount: records.count)
    }

    /// The bytes of a chunk of the manifest that lists `entries`, as a build's tasks write them
    /// entry by entry (``ChunkResult/list(_:previous:)``).
    static func encode(_ entries: [Entry]) -> ByteWriter {
        var chunk = ByteWriter()
        for entry in entries { chunk.write(entry) }
        return chunk
    }

    /// Writes the manifest for the site now at `output`, with the entries of `chunks`
    /// (``encode(_:)``), `entryCount` in all, instead of its own; as ``save(for:)``, a
    /// failure costs only speed.
    func save(for output: URL, chunks: [ByteWriter], entryCount: Int) {
        guard let marker = Self.markerIdentity(of: output) else { return }
        var start = ByteWriter()
        start.write(answersFingerprint ?? 0)
        start.write(siteFacts != nil)
        if let siteFacts { start.write(siteFacts) }
        start.write(pagesStart)
        start.write(entryCount)
        let folder = Self.folder(for: output)
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let temporary = folder.appendingPathComponent("manifest.new")
        // Chunk by chunk: joined, then copied into one `Data`, the manifest of a large site took
        // three times its size at the end of the build, where heaptrack put the heap's peak.
        guard FileManager.default.createFile(atPath: temporary.path, contents: nil),
            let handle = try? FileHandle(forWritingTo: temporary)
        else { return }
        do {
            try handle.write(contentsOf: Data(Self.header(key: key, marker: marker).utf8) + start.bytes)
            for chunk in chunks {
                try handle.write(contentsOf: ByteChunks.length(of: chunk))
                try handle.write(contentsOf: chunk.bytes)
            }
            try handle.close()
        } catch {
            try? handle.close()
            try? FileManager.default.removeItem(at: temporary)
            return
        }
        _ = rename(temporary.path, folder.appendingPathComponent("manifest").path)
        saveParts(for: output)
    }

    /// The manifest's first lines: the format, the key and the marker's identity.
    private static func header(key: UInt64, marker: String) -> String {
        "\(formatLine)\nkey \(StableHasher.hex(key))\nmarker \(marker)\n"
    }

    /// The device, inode and change time of the output's marker file, which identify the site flowdoc wrote.
    static func markerIdentity(of output: URL) -> String? {
        var info = stat()
        guard stat(output.appendingPathComponent(SiteWriter.markerFileName).path, &info) == 0 else { return nil }
        return "\(info.st_dev)-\(info.st_ino)-\(info.st_ctim.tv_sec).\(info.st_ctim.tv_nsec)"
    }
}
