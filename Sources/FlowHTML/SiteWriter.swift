public import Foundation

/// Writes a generated site to its output folder safely.
///
/// The files go into a temporary folder beside the output folder; only when every file is
/// written does the temporary folder replace the output folder (two renames), so a build that
/// fails half-way leaves the previous site as it was. Nothing outside the output folder and the
/// temporary folders beside it is ever deleted.
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
            throw SiteWriterError(path: output.path, reason: "refusing to replace \(outputPath == "/" ? "the root folder" : "the home folder")")
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
                reason: "the folder is not empty and was not written by flowdoc build (no \(Self.markerFileName)); choose another --output or empty it"
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
    /// ``SiteStaging/discard()`` when the build fails.
    ///
    /// - Throws: ``SiteWriterError`` from ``validate()``, or the error of creating the folder.
    public func begin() throws -> SiteStaging {
        try validate()
        let manager = FileManager.default
        let staging = sibling("new")
        try? manager.removeItem(at: staging)
        try manager.createDirectory(at: staging, withIntermediateDirectories: true)
        return SiteStaging(root: staging)
    }

    /// Marks the staging folder as a flowdoc site and swaps it in for ``output`` (two renames).
    ///
    /// - Throws: The error of a failed write or rename; the previous output is then put back
    ///   and the staging folder removed.
    public func commit(_ staging: SiteStaging) throws {
        let manager = FileManager.default
        do {
            try Data().write(to: staging.root.appendingPathComponent(Self.markerFileName))
        } catch {
            staging.discard()
            throw error
        }
        let retired = sibling("old")
        if manager.fileExists(atPath: output.path) {
            try? manager.removeItem(at: retired)
            try manager.moveItem(at: output, to: retired)
            do {
                try manager.moveItem(at: staging.root, to: output)
            } catch {
                try? manager.moveItem(at: retired, to: output)
                staging.discard()
                throw error
            }
            try? manager.removeItem(at: retired)
        } else {
            try manager.moveItem(at: staging.root, to: output)
        }
    }

    /// `.<output>.flowdoc-<kind>-<pid>` beside the output folder.
    private func sibling(_ kind: String) -> URL {
        let token = "\(ProcessInfo.processInfo.processIdentifier)"
        return output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).flowdoc-\(kind)-\(token)")
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
