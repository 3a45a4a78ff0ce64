public import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The temporary folder a site is written into before ``SiteWriter/commit(_:)`` swaps it in.
///
/// Safe to use from many tasks at once as long as each writes its own files: create every
/// folder first with ``makeFolders(for:)``, then write or link the files.
///
/// A staging folder is either empty at first, or a ``SiteSpare`` that already holds the
/// previous site's files as hard links (``isRecycled``): a file is then written by removing its
/// name first, never through it, so that the live site's file it shares is left as it was.
public struct SiteStaging: Sendable {
    /// The temporary folder.
    public let root: URL
    /// The temporary folder's path, the start of every file's path (`URL.path` is made anew on each call).
    let rootPath: String
    /// The site being replaced; a recycled folder holds its files at the same paths.
    let previousRoot: String?
    /// Whether the folder started as a copy of the previous site (``SiteSpare``).
    let isRecycled: Bool
    /// The paths whose files are not the previous site's file at the same path (written, or
    /// linked from elsewhere), recorded only for a build that may keep a ``SiteSpare``.
    let written: WrittenPaths?

    /// Creates the staging folder object for the folder at `root`, which must exist.
    ///
    /// - Parameters:
    ///   - previousSite: The site being replaced, if any.
    ///   - isRecycled: Whether the folder holds the previous site's files (``SiteSpare``).
    ///   - recordsWrites: Whether to record ``written``.
    init(root: URL, previousSite: URL? = nil, isRecycled: Bool = false, recordsWrites: Bool = false) {
        self.root = root
        rootPath = root.path
        previousRoot = previousSite?.path
        self.isRecycled = isRecycled && previousSite != nil
        written = recordsWrites || isRecycled ? WrittenPaths() : nil
    }

    /// Creates the folders that `paths` (relative file paths) need, each once.
    ///
    /// - Throws: ``SiteWriterError`` for a path that leaves the folder; the error of `mkdir`.
    public func makeFolders(for paths: some Sequence<String>) throws {
        var folders: Set<String> = []
        // Paths come grouped by folder: the last path's folder is made already.
        var lastFolder: Substring = ""
        for path in paths {
            guard var slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { continue }
            if path[..<slash] == lastFolder { continue }
            lastFolder = path[..<slash]
            while folders.insert(String(path[..<slash])).inserted,
                let above = path.utf8[..<slash].lastIndex(of: UInt8(ascii: "/"))
            {
                slash = above
            }
        }
        // In order, each folder after the one above it. The folders are checked, not each
        // path: a file is checked when it is opened to be written (``open(_:)``).
        for folder in folders.sorted() {
            try Self.checkRelative(folder)
            let path = rootPath + "/" + folder
            if mkdir(path, 0o755) == 0 { continue }
            // Tasks of one build may create the same folder at the same time; a recycled folder has it.
            let reason = String(cString: strerror(errno))
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue { continue }
            throw SiteWriterError(path: folder, reason: "can't create the folder: \(reason)")
        }
    }

    /// Writes `file`; its folder must exist (``makeFolders(for:)``).
    ///
    /// - Throws: ``SiteWriterError`` for a path that leaves the folder or a failed write.
    public func write(_ file: SiteFile) throws {
        try Self.checkRelative(file.path)
        switch file.contents {
        case .data(let data): try write(data, to: file.path)
        case .text(let text): try write(text.utf8, to: file.path)
        case .texts(let pieces): try write(pieces, to: file.path)
        case .spliced(let splice):
            try write(to: file.path) { file in
                for part in splice.parts { try part.write(to: file, from: splice.previous) }
            }
        case .copy(let source):
            let data: Data
            do {
                data = try Data(contentsOf: source)
            } catch {
                throw SiteWriterError(path: source.path, reason: "can't read the file: \(SiteWriter.reason(error))")
            }
            try write(data, to: file.path)
        case .previous(let source):
            guard reuse(source.path, at: file.path) else {
                throw SiteWriterError(path: source.path, reason: "can't read the previous build's file")
            }
        }
    }

    /// Writes `bytes` at the relative `path`, replacing any file there.
    ///
    /// - Throws: ``SiteWriterError`` naming the path and the system error.
    func write(_ bytes: some Collection<UInt8>, to path: String) throws {
        try write(to: path) { try $0.append(bytes) }
    }

    /// Writes `pieces` one after the other as the file at the relative `path`, replacing any file there.
    ///
    /// - Throws: ``SiteWriterError`` naming the path and the system error.
    func write(_ pieces: [String], to path: String) throws {
        try write(to: path) { file in
            for piece in pieces { try file.append(piece.utf8) }
        }
    }

    /// Opens the file at the relative `path`, has `body` write it, and closes it.
    private func write(to path: String, _ body: (OutputFile) throws -> Void) throws {
        try open(path).closing(after: body)
    }

    /// Opens the file at the relative `path` for appending, creating or emptying it.
    ///
    /// - Throws: ``SiteWriterError`` for a path that leaves the folder, or naming the path and
    ///   the system error.
    func open(_ path: String) throws -> OutputFile {
        try Self.checkRelative(path)
        let target = rootPath + "/" + path
        // Truncating a recycled folder's file would empty the live site's copy, the same inode.
        if isRecycled { unlink(target) }
        written?.add(path)
        let descriptor = Glibc.open(target, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw Self.systemError(path, "can't create the file") }
        return OutputFile(path: path, descriptor: descriptor)
    }

    /// A file being written piece by piece.
    struct OutputFile {
        let path: String
        let descriptor: Int32

        /// Writes all of `bytes` at the end of the file.
        func append(_ bytes: some Collection<UInt8>) throws {
            try write(bytes, at: nil)
        }

        /// Writes all of `bytes` at `offset`, over what the file holds there; at its end without one.
        func write(_ bytes: some Collection<UInt8>, at offset: Int?) throws {
            let done: Void? = try bytes.withContiguousStorageIfAvailable {
                try write(buffer: UnsafeRawBufferPointer($0), at: offset)
            }
            if done == nil { try Array(bytes).withUnsafeBytes { try write(buffer: $0, at: offset) } }
        }

        private func write(buffer: UnsafeRawBufferPointer, at offset: Int?) throws {
            guard let base = buffer.baseAddress else { return }
            var written = 0
            while written < buffer.count {
                let count =
                    offset.map { pwrite(descriptor, base + written, buffer.count - written, off_t($0 + written)) }
                    ?? Glibc.write(descriptor, base + written, buffer.count - written)
                guard count > 0 else { throw SiteStaging.systemError(path, "can't write the file") }
                written += count
            }
        }

        /// Cuts the file to `length` bytes.
        func truncate(to length: Int) throws {
            guard ftruncate(descriptor, off_t(length)) == 0 else {
                throw SiteStaging.systemError(path, "can't write the file")
            }
        }

        @discardableResult
        func close() -> Int32 { Glibc.close(descriptor) }

        /// Has `body` write the file, then closes it, whether `body` throws or not.
        ///
        /// - Throws: What `body` throws, else ``SiteWriterError`` when closing reports a failed write.
        func closing(after body: (OutputFile) throws -> Void) throws {
            do {
                try body(self)
            } catch {
                close()
                throw error
            }
            // close(2) is where some file systems (NFS) report a full disk.
            guard close() == 0 else { throw SiteStaging.systemError(path, "can't write the file") }
        }
    }

    /// Opens the file at the relative `path` for writing at any place, when it is a plain file
    /// with no other name: a file of the build's own (``FlowsJSONScratch``), never a recycled
    /// folder's link to the live site's file, nor a symbolic link.
    ///
    /// - Returns: `nil` when there is no such file there.
    func openInPlace(_ path: String) -> OutputFile? {
        let descriptor = Glibc.open(rootPath + "/" + path, O_WRONLY | O_CLOEXEC | O_NOFOLLOW)
        guard descriptor >= 0 else { return nil }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG, status.st_nlink == 1 else {
            Glibc.close(descriptor)
            return nil
        }
        return OutputFile(path: path, descriptor: descriptor)
    }

    /// Puts the previous site's file at `path` at the same path, as ``reuse(_:at:)`` does; a
    /// recycled folder holds it already.
    ///
    /// - Returns: `false` when there is no previous site or its file can't be read.
    func reusePrevious(at path: String) -> Bool {
        guard let previousRoot else { return false }
        return isRecycled || reuse(previousRoot + "/" + path, at: path)
    }

    /// Puts the file `previous` (from the site being replaced) at `path`, as a hard link, or a
    /// copy where the file system has no hard links.
    ///
    /// - Returns: `false` when `previous` can't be read; the caller then writes the file anew.
    func reuse(_ previous: String, at path: String) -> Bool {
        let target = rootPath + "/" + path
        let samePath = previousRoot.map { previous == $0 + "/" + path } ?? false
        // A recycled folder already holds the previous site's file at the same path.
        if samePath, isRecycled { return true }
        if isRecycled { unlink(target) }
        if link(previous, target) == 0 {
            if !samePath { written?.add(path) }
            return true
        }
        guard let data = FileManager.default.contents(atPath: previous) else { return false }
        return (try? write(data, to: path)) != nil
    }

    /// Removes the files at the relative `paths`, and the folders they leave empty: the
    /// previous site's files a recycled folder holds that the new site does not have.
    func remove(_ paths: some Sequence<String>) {
        for path in paths {
            unlink(rootPath + "/" + path)
            var folder = Substring(path)
            while let slash = folder.lastIndex(of: "/") {
                folder = folder[..<slash]
                guard rmdir(rootPath + "/" + folder) == 0 else { break }
            }
        }
    }

    /// Removes the staging folder after a failed build.
    public func discard() {
        try? FileManager.default.removeItem(at: root)
    }

    /// Refuses a path that is empty, absolute, or has a `.` or `..` component.
    ///
    /// Components are split on the byte `/`, as the file system splits them: split by
    /// characters, `../\u{301}x` was one component (the combining mark joins the slash).
    static func checkRelative(_ path: String) throws {
        let slash = UInt8(ascii: "/")
        var isSafe = path.utf8.first.map { $0 != slash } ?? false
        var length = 0
        var dots = 0
        var components = 0
        for byte in path.utf8 where isSafe {
            if byte == slash {
                if length > 0 { components += 1 }
                isSafe = !(length > 0 && length == dots && length <= 2)
                length = 0
                dots = 0
            } else {
                length += 1
                if byte == UInt8(ascii: ".") { dots += 1 }
            }
        }
        if length > 0 { components += 1 }
        guard isSafe, components > 0, !(length > 0 && length == dots && length <= 2) else {
            throw SiteWriterError(path: path, reason: "a generated file's path leaves the output folder")
        }
    }

    private static func systemError(_ path: String, _ what: String) -> SiteWriterError {
        SiteWriterError(path: path, reason: "\(what): \(String(cString: strerror(errno)))")
    }
}

/// The paths a build wrote into its staging folder, from any task.
final class WrittenPaths: Sendable {
    private let paths = Mutex<[String]>([])

    func add(_ path: String) {
        paths.withLock { $0.append(path) }
    }

    /// The paths written so far.
    var all: [String] { paths.withLock { $0 } }
}
