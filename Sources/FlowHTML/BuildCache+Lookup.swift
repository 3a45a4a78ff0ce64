import Synchronization

/// Finding a previous build's file in its manifest.
///
/// A rebuild of the same pages makes the same files in the same order as the build before: each
/// is looked for first where that build listed it, which compares one path and hashes none.
/// Only a file not found there (pages added, removed or reordered since) makes the table of
/// places by path, once.
extension BuildCache {
    /// The place of the entry for the file at `path`: `place` when it is listed there, else
    /// among the whole-site files, else wherever the table of places says (the last entry for
    /// the path).
    func place(of path: String, expectedAt place: Int? = nil) -> Int? {
        // A first build's: every page asks, and the table's lock is not to be contended for nothing.
        guard !records.isEmpty else { return nil }
        var path = path
        let found = path.withUTF8 { utf8 in
            entryBytes.withUnsafeBufferPointer { bytes -> Int? in
                func isFor(_ place: Int) -> Bool {
                    let range = records[place].path
                    return range.count == utf8.count && UnsafeBufferPointer(rebasing: bytes[range]).elementsEqual(utf8)
                }
                if let place, records.indices.contains(place), isFor(place) { return place }
                return (0..<min(pagesStart, records.count)).first(where: isFor)
            }
        }
        return found ?? positions.place(of: path, in: self)
    }

    /// The entry for the file at `path`, found as ``place(of:expectedAt:)`` finds it.
    func entry(for path: String, expectedAt place: Int? = nil) -> Entry? {
        self.place(of: path, expectedAt: place).map(entry(at:))
    }

    /// Where the previous build listed the files of the page at `index` among the site's
    /// pages, had it the same pages: its JSON, then its page.
    func places(ofPageAt index: Int) -> (json: Int, page: Int) {
        (pagesStart + 2 * index, pagesStart + 2 * index + 1)
    }
}

/// The place of each entry of a manifest by path, made on first use and then shared by the
/// build's tasks.
final class PathPositions: Sendable {
    private let table = Mutex<[String: Int]?>(nil)

    /// Whether the table was made: a build of the previous build's pages never makes it.
    var isMade: Bool { table.withLock { $0 != nil } }

    /// The place in `manifest` of the last entry for `path`; `manifest` must be the one the
    /// table was first asked about.
    func place(of path: String, in manifest: BuildCache) -> Int? {
        table.withLock { table in
            let places =
                table
                ?? Dictionary(
                    manifest.records.indices.map { (manifest.path(at: $0), $0) },
                    uniquingKeysWith: { _, last in last }
                )
            table = places
            return places[path]
        }
    }
}
