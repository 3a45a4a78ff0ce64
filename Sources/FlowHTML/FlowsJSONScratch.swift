import FlowCore
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A replaced site's `flows.json`, kept in the cache folder for the next rebuild to overwrite
/// where the new file differs, rather than writing the whole file into new pages of memory or
/// disk and freeing the old file's (111 MB at 10,000 pages).
///
/// After a rebuild swaps its folder in, the replaced site's `flows.json` is kept when that folder
/// is its only name (a rebuild that changed no page linked the file into the new site) and it is
/// the file the previous manifest's layout describes. It is moved to `scratch-flows.json` in the
/// cache folder, never linked anywhere, and `scratch-flows` records its layout, the build key and
/// the answers fingerprint it was made with. A later rebuild that writes `flows.json` ahead
/// (``FlowsJSONAhead``) with the same key and answers renames it into its staging folder in place
/// of the previous site's file and overwrites only the parts that are not already in place
/// (``FlowsJSONPatch``): a part made from the same source digest with the same answers is the same
/// bytes. The file is checked again when taken (one name, the recorded size and modification
/// time), so a file changed or linked since is never written through.
struct FlowsJSONScratch {
    /// The output folder whose builds keep the file.
    var output: URL

    private static let format = "flowdoc-scratch-flows 1"
    private var file: String { BuildCache.folder(for: output).appendingPathComponent("scratch-flows.json").path }
    private var record: URL { BuildCache.folder(for: output).appendingPathComponent("scratch-flows") }

    /// Keeps the `flows.json` of the replaced site in the folder `previousRoot` when it has no
    /// other name and is the file `layout` describes; else leaves any file kept earlier, which
    /// stays valid for the key and answers it records.
    ///
    /// - Parameters:
    ///   - previousRoot: The folder of the site the output replaced.
    ///   - layout: The layout the previous build recorded for its `flows.json`, with its stamp.
    ///   - key: The build key the previous build was made with.
    ///   - answers: The previous build's answers fingerprint.
    func keep(from previousRoot: String, layout: PartLayout?, key: UInt64, answers: UInt64?) {
        let candidate = previousRoot + "/flows.json"
        guard let layout, let answers, Self.isOwnFile(candidate, stampedAs: layout) else { return }
        // The record goes first: a record never describes a file it was not written for.
        unlink(record.path)
        guard rename(candidate, file) == 0 else { return discard() }
        var writer = ByteWriter()
        writer.write(Self.format)
        writer.write(key)
        writer.write(answers)
        layout.write(to: &writer)
        if (try? Data(writer.bytes).write(to: record, options: .atomic)) == nil { discard() }
    }

    /// Moves the kept file into `staging` as its `flows.json` when it was kept for `key` and
    /// `answers` and is still as it was kept.
    ///
    /// - Returns: The layout of the file now at `flows.json` in `staging`; `nil` when nothing was
    ///   taken (a kept file that does not fit is removed).
    func take(into staging: SiteStaging, key: UInt64, answers: UInt64) -> PartLayout? {
        guard let data = FileManager.default.contents(atPath: record.path) else { return nil }
        // Taken or not, the record no longer describes a file in the cache folder.
        unlink(record.path)
        var reader = ByteReader(ArraySlice(data))
        guard (try? reader.readString()) == Self.format, (try? reader.readUInt64()) == key,
            (try? reader.readUInt64()) == answers, let layout = try? PartLayout(from: &reader), reader.isAtEnd,
            Self.isOwnFile(file, stampedAs: layout), rename(file, staging.rootPath + "/flows.json") == 0
        else {
            unlink(file)
            return nil
        }
        staging.written?.add("flows.json")
        return layout
    }

    /// Removes the kept file and its record.
    func discard() {
        unlink(record.path)
        unlink(file)
    }

    /// Whether the file at `path` has no other name and the size and modification time `layout` recorded.
    static func isOwnFile(_ path: String, stampedAs layout: PartLayout) -> Bool {
        var status = stat()
        return lstat(path, &status) == 0 && status.st_mode & S_IFMT == S_IFREG && status.st_nlink == 1
            && Int(status.st_size) == layout.fileSize && PartLayout.nanoseconds(status.st_mtim) == layout.modified
    }
}
