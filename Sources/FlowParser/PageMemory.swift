/// The identity of a file's bytes as the file system reports it: size, modification and change
/// times, and inode.
///
/// Equal stamps mean the file was not written since (a write changes the modification time, a
/// restored modification time or a replaced file the change time or the inode), so a load may
/// take the file's recorded digest instead of reading it.
public struct FileStamp: Sendable, Hashable {
    public var size: UInt64
    /// Modification time, in nanoseconds since 1970.
    public var modified: Int64
    /// Status change time, in nanoseconds since 1970.
    public var changed: Int64
    public var inode: UInt64

    /// Creates a stamp.
    public init(size: UInt64, modified: Int64, changed: Int64, inode: UInt64) {
        self.size = size
        self.modified = modified
        self.changed = changed
        self.inode = inode
    }
}

/// What a build remembers of the pages of the previous one, so that a load need not parse the
/// pages that did not change, nor read those whose files were not written since.
public protocol PageMemory: Sendable {
    /// The digest recorded for the page at `path`, if its file still has `stamp` and the stamp
    /// can be trusted: the page's bytes are then taken as those of the digest, unread.
    func digest(of path: String, stamp: FileStamp) -> UInt64?
    /// What is kept of the page at `path` with the bytes of `digest`, if anything.
    func knownPage(at path: String, digest: UInt64) -> KnownPage?
    /// What is kept of the page at `path` and its digest, if its file still has `stamp` and the
    /// stamp can be trusted (``digest(of:stamp:)``, then ``knownPage(at:digest:)``).
    func knownPage(at path: String, stamp: FileStamp) -> (digest: UInt64, page: KnownPage)?
}

extension PageMemory {
    /// ``digest(of:stamp:)``, then ``knownPage(at:digest:)``.
    public func knownPage(at path: String, stamp: FileStamp) -> (digest: UInt64, page: KnownPage)? {
        guard let digest = digest(of: path, stamp: stamp), let page = knownPage(at: path, digest: digest) else {
            return nil
        }
        return (digest, page)
    }
}
