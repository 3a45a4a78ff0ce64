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
/// Each further line describes one reusable file: its path, the digest of its page's source,
/// the hash of the answers its dependencies gave, and the questions (``DependencyTrace``).
struct BuildCache: Sendable {
    /// One reusable output file.
    struct Entry: Sendable {
        var path: String
        var sourceDigest: UInt64
        var answers: UInt64
        var queries: [DependencyTrace.Query]
    }

    static let formatLine = "flowdoc-build-cache 2"

    /// The build's key: flowdoc's version, the theme and the options.
    var key: UInt64
    /// The entries by output path.
    var entries: [String: Entry] = [:]

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
        var lines = text.split(separator: "\n", omittingEmptySubsequences: true)[...]
        guard lines.popFirst() == Substring(formatLine),
            lines.popFirst() == Substring("key \(StableHasherHex.hex(key))"),
            lines.popFirst() == Substring("marker \(marker)")
        else { return cache }
        for line in lines {
            let fields = line.split(separator: "\t", maxSplits: 3, omittingEmptySubsequences: false)
            guard fields.count == 4, let digest = UInt64(fields[1], radix: 16),
                let answers = UInt64(fields[2], radix: 16)
            else { return BuildCache(key: key) }
            let queries = fields[3].split(separator: "\u{1E}").compactMap(DependencyTrace.Query.init(encoded:))
            let path = DependencyTrace.Query.unescape(fields[0])
            cache.entries[path] = Entry(path: path, sourceDigest: digest, answers: answers, queries: queries)
        }
        return cache
    }

    /// Removes the manifest of `output`, before the output changes.
    static func invalidate(for output: URL) {
        try? FileManager.default.removeItem(at: folder(for: output).appendingPathComponent("manifest"))
    }

    /// Writes the manifest for the site now at `output`.
    ///
    /// Failing to write it costs only speed: the next build is then a full one.
    func save(for output: URL) {
        guard let marker = Self.markerIdentity(of: output) else { return }
        var text = "\(Self.formatLine)\nkey \(StableHasherHex.hex(key))\nmarker \(marker)\n"
        for path in entries.keys.sorted() {
            guard let entry = entries[path] else { continue }
            text += DependencyTrace.Query.escape(path) + "\t" + StableHasherHex.hex(entry.sourceDigest) + "\t"
            text += StableHasherHex.hex(entry.answers) + "\t"
            text += entry.queries.map(\.encoded).joined(separator: "\u{1E}") + "\n"
        }
        let folder = Self.folder(for: output)
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let temporary = folder.appendingPathComponent("manifest.new")
        guard (try? Data(text.utf8).write(to: temporary)) != nil else { return }
        _ = rename(temporary.path, folder.appendingPathComponent("manifest").path)
    }

    /// The device, inode and change time of the output's marker file, which identify the site flowdoc wrote.
    private static func markerIdentity(of output: URL) -> String? {
        var info = stat()
        guard stat(output.appendingPathComponent(SiteWriter.markerFileName).path, &info) == 0 else { return nil }
        return "\(info.st_dev)-\(info.st_ino)-\(info.st_ctim.tv_sec).\(info.st_ctim.tv_nsec)"
    }
}

/// Hexadecimal spelling of hash values.
enum StableHasherHex {
    static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
