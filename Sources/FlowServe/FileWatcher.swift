import Foundation

/// Notices changes to files by polling their modification times and sizes.
///
/// Polling is portable (no inotify or FSEvents) and cheap for a help center's few hundred
/// files. A path may be a folder, watched with everything below it, or a single file; a path
/// that does not exist yet is watched for appearing.
struct FileWatcher: Sendable {
    /// One file's state: modification time and size.
    struct Stamp: Hashable, Sendable {
        var modified: Double
        var size: Int
    }

    /// The state of every watched file, by absolute path.
    typealias Snapshot = [String: Stamp]

    /// The folders and files watched.
    var paths: [URL]
    /// Paths left out with everything below them, by prefix of the absolute path (the site
    /// folder and its staging and cache folders, should they lie inside a watched folder).
    var ignoredPrefixes: [String] = []

    /// Reads the current state of every watched file.
    func snapshot() -> Snapshot {
        var snapshot: Snapshot = [:]
        let manager = FileManager.default
        for url in paths {
            let path = url.standardizedFileURL.path
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else { continue }
            guard isDirectory.boolValue else {
                if let stamp = Self.stamp(path) { snapshot[path] = stamp }
                continue
            }
            guard let enumerator = manager.enumerator(atPath: path) else { continue }
            while let relative = enumerator.nextObject() as? String {
                let full = path + "/" + relative
                if ignoredPrefixes.contains(where: { full.hasPrefix($0) }) {
                    enumerator.skipDescendants()
                    continue
                }
                if let stamp = Self.stamp(full) { snapshot[full] = stamp }
            }
        }
        return snapshot
    }

    /// The paths added, removed or changed between two snapshots, sorted.
    static func changes(from old: Snapshot, to new: Snapshot) -> [String] {
        var changed = Set<String>()
        for (path, stamp) in new where old[path] != stamp { changed.insert(path) }
        for path in old.keys where new[path] == nil { changed.insert(path) }
        return changed.sorted()
    }

    private static func stamp(_ path: String) -> Stamp? {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path) else { return nil }
        let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSinceReferenceDate ?? 0
        let size = (attributes[.size] as? NSNumber)?.intValue ?? 0
        return Stamp(modified: modified, size: size)
    }
}
