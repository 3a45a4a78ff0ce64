import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The previous site, kept after a rebuild as a copy of the new one for the next rebuild to
/// start from, instead of linking every unchanged file into an empty folder and removing the
/// replaced site file by file.
///
/// After a rebuild swaps its folder in, the site it replaced holds the files of the build before.
/// When the rebuild wrote few files, that folder is brought up to date with hard links to the
/// new files, and the files the new site no longer has are removed: it then holds the new site's
/// files, the same inodes. It is kept as `spare/` in the cache folder, with `spare-of` naming the
/// marker of the site it copies (``BuildCache/markerIdentity(of:)``). The next rebuild takes it
/// as its staging folder (``SiteStaging/isRecycled``), writes what changed and swaps it in: the
/// output still changes in one atomic exchange. A spare that copies another site, or one a build
/// stopped while using, is never taken.
struct SiteSpare {
    /// The output folder whose site the spare copies.
    var output: URL

    private var folder: URL { BuildCache.folder(for: output).appendingPathComponent("spare") }
    private var stamp: URL { BuildCache.folder(for: output).appendingPathComponent("spare-of") }

    /// Moves the spare to `staging` if it copies the site now in the output folder.
    ///
    /// - Returns: Whether it did; else the spare, if any, is removed.
    func take(to staging: URL) -> Bool {
        let copied = FileManager.default.contents(atPath: stamp.path).map { String(decoding: $0, as: UTF8.self) }
        // No stamp while the spare is in use: a build stopped half-way leaves none.
        unlink(stamp.path)
        if let copied, copied == BuildCache.markerIdentity(of: output), rename(folder.path, staging.path) == 0 {
            return true
        }
        discard()
        return false
    }

    /// Keeps `previous`, the site the output just replaced, as the spare: brings it up to date
    /// with the site now in the output folder.
    ///
    /// - Parameters:
    ///   - previous: The replaced site.
    ///   - written: The paths of the new site whose files are not the replaced site's.
    ///   - removed: The paths of the replaced site that the new site does not have.
    /// - Returns: Whether it was kept; else `previous` is left to the caller to remove.
    func keep(_ previous: SiteStaging, written: [String], removed: [String]) -> Bool {
        let root = previous.root.path
        let site = output.path
        // Not the marker: a link to it would change its identity, which names the new site.
        for path in written where path != SiteWriter.markerFileName {
            let target = root + "/" + path
            unlink(target)
            if link(site + "/" + path, target) != 0 {
                guard errno == ENOENT, SiteWriter.makeFolders((target as NSString).deletingLastPathComponent) == nil,
                    link(site + "/" + path, target) == 0
                else { return false }
            }
        }
        previous.remove(removed)
        discard()
        guard rename(root, folder.path) == 0 else { return false }
        // Unstamped, the spare would never be taken: removed then, with nothing left to the caller.
        if let marker = BuildCache.markerIdentity(of: output),
            (try? Data(marker.utf8).write(to: stamp, options: .atomic)) != nil
        {
            return true
        }
        discard()
        return true
    }

    /// Removes the spare.
    func discard() {
        unlink(stamp.path)
        try? FileManager.default.removeItem(at: folder)
    }
}
