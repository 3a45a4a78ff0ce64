import Dispatch
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
/// The fourth line holds the ``answersFingerprint`` of the site the manifest was written for,
/// and its ``siteFacts`` when known.
/// Each further line describes one reusable file: its path, the digest of its page's source,
/// the hash of the answers its dependencies gave, and the questions (``DependencyTrace``).
struct BuildCache: Sendable {
    /// One reusable output file.
    struct Entry: Sendable {
        var path: String
        var sourceDigest: UInt64
        var answers: UInt64
        /// The questions as the manifest spells them (``DependencyTrace/Query/encoded``, separated
        /// by U+001E): one string a file rather than an array of values, so that reading the
        /// manifest decodes nothing, and an unchanged page's questions only when they are asked again.
        var encodedQueries: String

        init(path: String, sourceDigest: UInt64, answers: UInt64, encodedQueries: String) {
            self.path = path
            self.sourceDigest = sourceDigest
            self.answers = answers
            self.encodedQueries = encodedQueries
        }

        init(path: String, sourceDigest: UInt64, answers: UInt64, queries: [DependencyTrace.Query]) {
            let encoded = queries.map(\.encoded).joined(separator: "\u{1E}")
            self.init(path: path, sourceDigest: sourceDigest, answers: answers, encodedQueries: encoded)
        }

        /// The questions; one that doesn't decode is left out, as a manifest of another version may have it.
        var queries: [DependencyTrace.Query] {
            encodedQueries.utf8.split(separator: 0x1E).map { Substring($0) }
                .compactMap(DependencyTrace.Query.init(encoded:))
        }
    }

    static let formatLine = "flowdoc-build-cache 4"

    /// The build's key: flowdoc's version, the theme and the options.
    var key: UInt64
    /// ``SiteContext/answersFingerprint()`` of the site the entries were built for: when the new
    /// site has the same, every question of an unchanged page gets the answer recorded here.
    var answersFingerprint: UInt64?
    /// The fingerprint of every page's site facts the site was built from (``SiteBuilder/siteFingerprint``).
    var siteFacts: UInt64?
    /// The entries by output path.
    var entries: [String: Entry] = [:]
    /// The layout of each file joined from one part per page (`flows.json`, the search index),
    /// by output path; kept in a file of their own beside the manifest.
    var parts: [String: PartLayout] = [:]

    /// The cache folder of the output folder `output`.
    static func folder(for output: URL) -> URL {
        output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).flowdoc-cache")
    }

    /// Reads the manifest for `output`; empty when it is missing, unreadable or for another key or site.
    static func load(for output: URL, key: UInt64) -> BuildCache {
        var cache = BuildCache(key: key)
        let url = folder(for: output).appendingPathComponent("manifest")
        guard let data = FileManager.default.contents(atPath: url.path),
            let marker = markerIdentity(of: output)
        else { return cache }
        let text = String(decoding: data, as: UTF8.self)
        // Split by bytes: every field is escaped, so a line break byte always ends a line.
        let lines = text.utf8.split(separator: UInt8(ascii: "\n")).map { Substring($0) }
        guard lines.count >= 4, lines[0] == Substring(formatLine),
            lines[1] == Substring("key \(StableHasher.hex(key))"),
            lines[2] == Substring("marker \(marker)"),
            lines[3].hasPrefix("site ")
        else { return cache }
        let site = lines[3].dropFirst(5).split(separator: " ")
        guard (1...2).contains(site.count), let fingerprint = UInt64(site[0], radix: 16) else { return cache }
        let siteFacts = site.count == 2 ? UInt64(site[1], radix: 16) : nil
        // The lines are read on every core, a slice each.
        let entryLines = lines[4...]
        let sliceSize = 512
        var slices = [[Entry]?](repeating: [], count: (entryLines.count + sliceSize - 1) / sliceSize)
        slices.withUnsafeMutableBufferPointer { buffer in
            // Each iteration writes only its own element of the buffer.
            nonisolated(unsafe) let slices = buffer
            DispatchQueue.concurrentPerform(iterations: slices.count) { index in
                let start = entryLines.startIndex + index * sliceSize
                slices[index] = entries(of: entryLines[start..<min(start + sliceSize, entryLines.endIndex)])
            }
        }
        cache.entries.reserveCapacity(entryLines.count)
        for slice in slices {
            guard let slice else { return BuildCache(key: key) }
            for entry in slice { cache.entries[entry.path] = entry }
        }
        cache.answersFingerprint = fingerprint
        cache.siteFacts = siteFacts
        cache.parts = loadParts(for: output, key: key)
        return cache
    }

    /// The entries of manifest lines; `nil` when one of them is malformed.
    private static func entries(of lines: ArraySlice<Substring>) -> [Entry]? {
        var entries: [Entry] = []
        entries.reserveCapacity(lines.count)
        for line in lines {
            let fields = line.utf8.split(separator: UInt8(ascii: "\t"), maxSplits: 3, omittingEmptySubsequences: false)
                .map { Substring($0) }
            guard fields.count == 4, let digest = UInt64(fields[1], radix: 16),
                let answers = UInt64(fields[2], radix: 16)
            else { return nil }
            let path = DependencyTrace.Query.unescape(fields[0])
            entries.append(Entry(path: path, sourceDigest: digest, answers: answers, encodedQueries: String(fields[3])))
        }
        return entries
    }

    /// Removes the manifest of `output`, before the output changes.
    static func invalidate(for output: URL) {
        try? FileManager.default.removeItem(at: folder(for: output).appendingPathComponent("manifest"))
        invalidateParts(for: output)
    }

    /// Writes the manifest for the site now at `output`.
    ///
    /// Failing to write it costs only speed: the next build is then a full one.
    func save(for output: URL) {
        guard let marker = Self.markerIdentity(of: output) else { return }
        var text = "\(Self.formatLine)\nkey \(StableHasher.hex(key))\nmarker \(marker)\n"
        text += "site \(StableHasher.hex(answersFingerprint ?? 0))"
        text += siteFacts.map { " " + StableHasher.hex($0) } ?? ""
        text += "\n"
        // The lines are written on every core, a slice of entries each, then joined in path order.
        let sorted = entries.values.sorted { $0.path < $1.path }
        let sliceSize = 512
        var slices = [String](repeating: "", count: (sorted.count + sliceSize - 1) / sliceSize)
        slices.withUnsafeMutableBufferPointer { buffer in
            // Each iteration writes only its own element of the buffer.
            nonisolated(unsafe) let slices = buffer
            DispatchQueue.concurrentPerform(iterations: slices.count) { index in
                var lines = ""
                for entry in sorted[index * sliceSize..<min((index + 1) * sliceSize, sorted.count)] {
                    lines += DependencyTrace.Query.escape(entry.path) + "\t" + StableHasher.hex(entry.sourceDigest)
                    lines += "\t" + StableHasher.hex(entry.answers) + "\t"
                    lines += entry.encodedQueries + "\n"
                }
                slices[index] = lines
            }
        }
        let folder = Self.folder(for: output)
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let temporary = folder.appendingPathComponent("manifest.new")
        // Slice by slice: joined, then copied into one `Data`, the manifest of a large site took
        // three times its size at the end of the build, where heaptrack put the heap's peak.
        guard FileManager.default.createFile(atPath: temporary.path, contents: nil),
            let handle = try? FileHandle(forWritingTo: temporary)
        else { return }
        do {
            for part in [text] + slices { try handle.write(contentsOf: Data(part.utf8)) }
            try handle.close()
        } catch {
            try? handle.close()
            try? FileManager.default.removeItem(at: temporary)
            return
        }
        _ = rename(temporary.path, folder.appendingPathComponent("manifest").path)
        saveParts(for: output)
    }

    /// The device, inode and change time of the output's marker file, which identify the site flowdoc wrote.
    static func markerIdentity(of output: URL) -> String? {
        var info = stat()
        guard stat(output.appendingPathComponent(SiteWriter.markerFileName).path, &info) == 0 else { return nil }
        return "\(info.st_dev)-\(info.st_ino)-\(info.st_ctim.tv_sec).\(info.st_ctim.tv_nsec)"
    }
}
