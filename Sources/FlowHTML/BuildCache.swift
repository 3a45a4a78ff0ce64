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
/// manifest was written for and its ``siteFacts`` when known, and the entries in chunks
/// (``FlowCore/ByteChunks``): each describes one reusable file by its path, the digest of its
/// page's source, the hash of the answers its dependencies gave, and the questions
/// (``DependencyTrace``).
struct BuildCache: Sendable {
    /// One reusable output file.
    struct Entry: Sendable {
        var path: String
        var sourceDigest: UInt64
        var answers: UInt64
        /// The questions as the manifest spells them (``DependencyTrace/Query/encoded``, separated
        /// by U+001E): the manifest's bytes rather than an array of values, so that reading the
        /// manifest decodes nothing, and an unchanged page's questions only when they are asked again.
        var encodedQueries: ArraySlice<UInt8>
        /// The entry's place among the entries of the manifest it was read from (not written):
        /// a build marks the previous entries its site has again by place, not by path.
        var ordinal = 0

        init(path: String, sourceDigest: UInt64, answers: UInt64, encodedQueries: ArraySlice<UInt8>) {
            self.path = path
            self.sourceDigest = sourceDigest
            self.answers = answers
            self.encodedQueries = encodedQueries
        }

        init(path: String, sourceDigest: UInt64, answers: UInt64, queries: [DependencyTrace.Query]) {
            let encoded = queries.map(\.encoded).joined(separator: "\u{1E}")
            self.init(
                path: path,
                sourceDigest: sourceDigest,
                answers: answers,
                encodedQueries: ArraySlice(encoded.utf8)
            )
        }

        /// The entry of a file whose reuse the next build does not decide by its questions: the
        /// whole-site files, and a page without a source digest.
        init(unlisted path: String) {
            self.init(path: path, sourceDigest: 0, answers: 0, encodedQueries: [])
        }

        /// The questions; one that doesn't decode is left out, as a manifest of another version may have it.
        var queries: [DependencyTrace.Query] {
            encodedQueries.split(separator: 0x1E).map { String(decoding: $0, as: UTF8.self)[...] }
                .compactMap(DependencyTrace.Query.init(encoded:))
        }
    }

    static let formatLine = "flowdoc-build-cache 5"
    /// Entries per chunk of the manifest.
    static let chunkSize = 512

    /// The build's key: flowdoc's version, the theme and the options.
    var key: UInt64
    /// ``SiteContext/answersFingerprint()`` of the site the entries were built for: when the new
    /// site has the same, every question of an unchanged page gets the answer recorded here.
    var answersFingerprint: UInt64?
    /// The fingerprint of every page's site facts the site was built from (``SiteBuilder/siteFingerprint``).
    var siteFacts: UInt64?
    /// The entries by output path.
    var entries: [String: Entry] = [:]
    /// The number of entries the manifest was read from held, duplicates included: one more
    /// than the largest ``Entry/ordinal``.
    var ordinalCount = 0
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
            // No more entries than bytes: a damaged count makes no room it can't fill.
            cache.entries.reserveCapacity(min(try reader.readInt(), bytes.count))
            let chunks = try ByteChunks.split(&reader)
            guard
                let decoded = ByteChunks.read(
                    chunks,
                    { bytes in
                        var reader = ByteReader(bytes)
                        return try reader.readEntries()
                    }
                )
            else { return nil }
            for var entry in decoded.joined() {
                entry.ordinal = cache.ordinalCount
                cache.ordinalCount += 1
                cache.entries[entry.path] = entry
            }
        } catch {
            return nil
        }
        cache.parts = loadParts(for: output, key: key)
        return cache
    }

    /// The paths of the entries whose places (``Entry/ordinal``) are not among `ordinals`.
    ///
    /// When `ordinals` are the places of the entries for a new site's files, these are the
    /// previous build's files that the new site does not have. Marked by place, a site of the
    /// previous files, the common case, hashes no path. Only for a manifest that was read:
    /// other entries have no place.
    func paths(notAmong ordinals: some Sequence<[Int]>) -> [String] {
        var kept = [Bool](repeating: false, count: ordinalCount)
        var keptCount = 0
        for run in ordinals {
            for ordinal in run where ordinal < kept.count && !kept[ordinal] {
                kept[ordinal] = true
                keptCount += 1
            }
        }
        guard keptCount < entries.count else { return [] }
        return entries.values.filter { $0.ordinal >= kept.count || !kept[$0.ordinal] }.map(\.path)
    }

    /// Removes the manifest of `output`, before the output changes.
    static func invalidate(for output: URL) {
        try? FileManager.default.removeItem(at: folder(for: output).appendingPathComponent("manifest"))
        invalidateParts(for: output)
    }

    /// Writes the manifest for the site now at `output`, its ``entries`` in path order.
    ///
    /// Failing to write it costs only speed: the next build is then a full one.
    func save(for output: URL) {
        let listed = entries.values.sorted { $0.path < $1.path }
        let chunks = ByteChunks.make(of: listed, chunkSize: Self.chunkSize) { $1.write($0) }
        save(for: output, chunks: chunks, entryCount: listed.count)
    }

    /// The bytes of a chunk of the manifest that lists `entries`: a build's tasks encode their
    /// pages' entries as they finish, rather than the whole manifest at the end.
    static func encode(_ entries: [Entry]) -> ByteWriter {
        var chunk = ByteWriter()
        chunk.write(entries[...])
        return chunk
    }

    /// Writes the manifest for the site now at `output`, with the entries of `chunks`
    /// (``encode(_:)``), `entryCount` in all, instead of ``entries``; as ``save(for:)``, a
    /// failure costs only speed.
    func save(for output: URL, chunks: [ByteWriter], entryCount: Int) {
        guard let marker = Self.markerIdentity(of: output) else { return }
        var start = ByteWriter()
        start.write(answersFingerprint ?? 0)
        start.write(siteFacts != nil)
        if let siteFacts { start.write(siteFacts) }
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

extension ByteWriter {
    /// Writes the manifest entries `entries`.
    fileprivate mutating func write(_ entries: ArraySlice<BuildCache.Entry>) {
        write(entries.count)
        for entry in entries {
            write(entry.path)
            write(entry.sourceDigest)
            write(entry.answers)
            write(entry.encodedQueries.count)
            append(bytes: entry.encodedQueries)
        }
    }
}

extension ByteReader {
    /// Reads the manifest entries that ``ByteWriter/write(_:)`` wrote; throws unless they end the bytes.
    fileprivate mutating func readEntries() throws -> [BuildCache.Entry] {
        let entries = try readArray { reader in
            BuildCache.Entry(
                path: try reader.readString(),
                sourceDigest: try reader.readUInt64(),
                answers: try reader.readUInt64(),
                encodedQueries: try reader.readBytes(try reader.readInt())
            )
        }
        guard isAtEnd else { throw Malformed() }
        return entries
    }
}
