public import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes a generated site to its output folder safely.
///
/// The files go into a temporary folder beside the output folder; only when every file is
/// written does the temporary folder replace the output folder (one atomic exchange of the two
/// folders, ``commit(_:)``), so a build that fails or is killed half-way leaves the previous
/// site as it was. Nothing outside the output folder and the temporary folders beside it is
/// ever deleted. One build at a time: take the ``BuildLock`` of the output first.
///
/// The writer refuses an output folder that is `/`, the home folder, the content folder or a
/// folder that contains it, and an existing non-empty folder that flowdoc did not write
/// (one without the ``markerFileName`` file).
public struct SiteWriter: Sendable {
    /// The file that marks a folder as a site flowdoc wrote, so it may be replaced.
    public static let markerFileName = ".flowdoc-site"

    /// The folder the site goes to.
    public var output: URL
    /// The content folder, which must never be replaced.
    public var content: URL

    /// Creates a writer.
    ///
    /// - Parameters:
    ///   - output: The output folder.
    ///   - content: The content folder the site is built from.
    public init(output: URL, content: URL) {
        self.output = output
        self.content = content
    }

    /// Throws when writing to ``output`` could destroy something that is not a built site.
    ///
    /// - Throws: ``SiteWriterError``.
    public func validate() throws {
        let outputPath = Self.canonicalPath(output)
        let contentPath = Self.canonicalPath(content)
        let home = Self.canonicalPath(FileManager.default.homeDirectoryForCurrentUser)
        if outputPath == "/" || outputPath == home {
            throw SiteWriterError(
                path: output.path,
                reason: "refusing to replace \(outputPath == "/" ? "the root folder" : "the home folder")"
            )
        }
        if outputPath == contentPath {
            throw SiteWriterError(path: output.path, reason: "the output folder is the content folder")
        }
        if contentPath.hasPrefix(outputPath + "/") {
            throw SiteWriterError(path: output.path, reason: "the output folder contains the content folder")
        }
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        guard manager.fileExists(atPath: output.path, isDirectory: &isDirectory) else { return }
        guard isDirectory.boolValue else {
            throw SiteWriterError(path: output.path, reason: "the output path exists and is not a folder")
        }
        let entries = (try? manager.contentsOfDirectory(atPath: output.path)) ?? []
        if !entries.isEmpty, !entries.contains(Self.markerFileName) {
            throw SiteWriterError(
                path: output.path,
                reason:
                    "the folder is not empty and was not written by flowdoc build (no \(Self.markerFileName)); choose another --output or empty it"
            )
        }
    }

    /// Writes `files` to a temporary folder, then swaps it in for ``output``.
    ///
    /// - Throws: ``SiteWriterError`` from ``validate()``, or the error of a failed write; the
    ///   previous output is then untouched.
    public func write(_ files: [SiteFile]) throws {
        let staging = try begin()
        do {
            try staging.makeFolders(for: files.map(\.path))
            for file in files { try staging.write(file) }
        } catch {
            staging.discard()
            throw error
        }
        try commit(staging)
    }

    /// Validates the output folder and creates an empty temporary folder beside it.
    ///
    /// Write the site into the returned staging folder, then call ``commit(_:)``, or
    /// ``SiteStaging/discard()`` when the build fails. Temporary folders that builds killed
    /// earlier left behind are removed first (``removeLeftovers()``).
    ///
    /// - Parameter recycling: Whether to start from the ``SiteSpare`` that copies the site in
    ///   ``output``, when there is one (the staging folder is then ``SiteStaging/isRecycled``),
    ///   and to record what is written, so that the replaced site can become the next spare.
    ///   Without it, a spare is removed.
    /// - Throws: ``SiteWriterError`` from ``validate()``, or naming the folder that can't be created.
    public func begin(recycling: Bool = false) throws -> SiteStaging {
        try validate()
        removeLeftovers()
        let staging = sibling("new")
        try? FileManager.default.removeItem(at: staging)
        let spare = SiteSpare(output: output)
        if recycling, spare.take(to: staging) {
            return SiteStaging(root: staging, previousSite: output, isRecycled: true)
        }
        if !recycling { spare.discard() }
        if let (path, reason) = Self.makeFolders(staging.path) {
            throw SiteWriterError(path: path, reason: "can't create the temporary folder for the new site: \(reason)")
        }
        return SiteStaging(root: staging, previousSite: output, recordsWrites: recycling)
    }

    /// Marks the staging folder as a flowdoc site and swaps it in for ``output``.
    ///
    /// On Linux the two folders trade places in one atomic `renameat2(RENAME_EXCHANGE)`, so
    /// at every instant ``output`` is either the whole previous site or the whole new one.
    /// Where that call is missing, the output is first renamed aside and the staging folder
    /// renamed in; a build killed between the two renames leaves the previous site in
    /// `.<output>.flowdoc-old-<pid>`, and the next build puts it back (``removeLeftovers()``).
    ///
    /// - Throws: ``SiteWriterError`` for a failed write or rename; the previous output is then
    ///   put back and the staging folder removed.
    public func commit(_ staging: SiteStaging) throws {
        try commitLeavingPrevious(staging)?.discard()
    }

    /// ``commit(_:)``, leaving the previous site to the caller: it is in the folder returned
    /// (`nil` when there was none), outside ``output``, for the caller to remove
    /// (``SiteStaging/discard()``) while it does something else.
    ///
    /// - Throws: As ``commit(_:)``.
    public func commitLeavingPrevious(_ staging: SiteStaging) throws -> SiteStaging? {
        do {
            try staging.write(Data(), to: Self.markerFileName)
        } catch {
            staging.discard()
            throw error
        }
        let manager = FileManager.default
        guard manager.fileExists(atPath: output.path) else {
            guard rename(staging.root.path, output.path) == 0 else {
                let error = Self.systemError(output.path, "can't move the new site into place")
                staging.discard()
                throw error
            }
            return nil
        }
        if Self.exchange(staging.root.path, output.path) {
            return staging  // now the previous site
        }
        let retired = sibling("old")
        try? manager.removeItem(at: retired)
        guard rename(output.path, retired.path) == 0 else {
            let error = Self.systemError(output.path, "can't move the previous site aside")
            staging.discard()
            throw error
        }
        guard rename(staging.root.path, output.path) == 0 else {
            let error = Self.systemError(output.path, "can't move the new site into place")
            _ = rename(retired.path, output.path)
            staging.discard()
            throw error
        }
        return SiteStaging(root: retired)
    }

    /// Removes the temporary folders of builds of ``output`` that ended without cleaning up
    /// (killed, or the machine stopped), and puts back a previous site that such a build had
    /// moved aside but not replaced.
    ///
    /// Folders of a process that is still running are left alone.
    public func removeLeftovers() {
        let manager = FileManager.default
        let parent = output.deletingLastPathComponent()
        let prefix = ".\(output.lastPathComponent).flowdoc-"
        guard let names = try? manager.contentsOfDirectory(atPath: parent.path) else { return }
        for name in names.sorted() where name.hasPrefix(prefix) {
            let rest = name.dropFirst(prefix.count)
            guard let dash = rest.lastIndex(of: "-"), let pid = Int32(rest[rest.index(after: dash)...]) else {
                continue
            }
            let kind = rest[..<dash]
            guard kind == "new" || kind == "old", !Self.isRunning(pid) || pid == getpid() else { continue }
            let url = parent.appendingPathComponent(name)
            if kind == "old", !manager.fileExists(atPath: output.path), rename(url.path, output.path) == 0 { continue }
            try? manager.removeItem(at: url)
        }
    }

    /// `.<output>.flowdoc-<kind>-<pid>` beside the output folder.
    private func sibling(_ kind: String) -> URL {
        let token = "\(ProcessInfo.processInfo.processIdentifier)"
        return output.deletingLastPathComponent().appendingPathComponent(
            ".\(output.lastPathComponent).flowdoc-\(kind)-\(token)"
        )
    }

    /// Swaps two folders atomically with `renameat2(RENAME_EXCHANGE)`, looked up at run time
    /// (Swift's Glibc module doesn't declare it).
    ///
    /// - Returns: `false` where the call is missing or the file system refuses it.
    private static func exchange(_ first: String, _ second: String) -> Bool {
        #if os(Linux)
            typealias RenameAt2 =
                @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
            guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2") else { return false }
            let renameat2 = unsafeBitCast(symbol, to: RenameAt2.self)
            let renameExchange: UInt32 = 2
            return renameat2(AT_FDCWD, first, AT_FDCWD, second, renameExchange) == 0
        #else
            return false
        #endif
    }

    /// Whether a process with id `pid` exists.
    private static func isRunning(_ pid: Int32) -> Bool {
        kill(pid, 0) == 0 || errno == EPERM
    }

    /// A ``SiteWriterError`` for the `errno` of a failed system call.
    static func systemError(_ path: String, _ what: String) -> SiteWriterError {
        SiteWriterError(path: path, reason: "\(what): \(String(cString: strerror(errno)))")
    }

    /// Creates `path` and the folders above it, like `mkdir -p`.
    ///
    /// - Returns: `nil` on success, else the path that failed and the system's reason
    ///   (`Not a directory` when a file stands where a folder must go).
    static func makeFolders(_ path: String) -> (path: String, reason: String)? {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            return isDirectory.boolValue ? nil : (path, String(cString: strerror(ENOTDIR)))
        }
        let parent = (path as NSString).deletingLastPathComponent
        if !parent.isEmpty, parent != path, let failure = makeFolders(parent) { return failure }
        guard mkdir(path, 0o755) == 0 || errno == EEXIST else { return (path, String(cString: strerror(errno))) }
        return nil
    }

    /// The system's words for `error`: `No space left on device` rather than Foundation's
    /// sentence about saving a file.
    static func reason(_ error: any Error) -> String {
        let nsError = error as NSError
        if nsError.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(nsError.code))) }
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey].flatMap({ $0 as? any Error }).map({ $0 as NSError }),
            underlying.domain == NSPOSIXErrorDomain
        {
            return String(cString: strerror(Int32(underlying.code)))
        }
        return "\(error)"
    }

    /// The absolute path of `url` with `.`, `..` and symbolic links resolved, without a trailing `/`.
    static func canonicalPath(_ url: URL) -> String {
        var path = url.standardizedFileURL.resolvingSymlinksInPath().path
        while path.count > 1, path.hasSuffix("/") { path.removeLast() }
        return path
    }
}

/// An output folder flowdoc refuses to write, or a file it can't write.
public struct SiteWriterError: Error, CustomStringConvertible, Sendable {
    public var path: String
    public var reason: String

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    public var description: String { "\(path): \(reason)" }
}
