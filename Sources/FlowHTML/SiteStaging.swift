public import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The temporary folder a site is written into before ``SiteWriter/commit(_:)`` swaps it in.
///
/// Safe to use from many tasks at once as long as each writes its own files: create every
/// folder first with ``makeFolders(for:)``, then write or link the files.
public struct SiteStaging: Sendable {
    /// The temporary folder.
    public let root: URL

    /// Creates the folders that `paths` (relative file paths) need, each once.
    ///
    /// - Throws: ``SiteWriterError`` for a path that leaves the folder; the error of `mkdir`.
    public func makeFolders(for paths: some Sequence<String>) throws {
        var folders: Set<String> = []
        for path in paths {
            try Self.checkRelative(path)
            var folder = Substring(path)
            while let slash = folder.lastIndex(of: "/") {
                folder = folder[..<slash]
                guard folders.insert(String(folder)).inserted else { break }
            }
        }
        for folder in folders.sorted() {
            do {
                try FileManager.default.createDirectory(
                    at: root.appendingPathComponent(folder),
                    withIntermediateDirectories: true
                )
            } catch {
                // Tasks of one build may create the same folder at the same time.
                var isFolder: ObjCBool = false
                let path = root.appendingPathComponent(folder).path
                if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue { continue }
                throw SiteWriterError(path: folder, reason: "can't create the folder: \(SiteWriter.reason(error))")
            }
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
        let file = try open(path)
        do {
            try file.append(bytes)
        } catch {
            file.close()
            throw error
        }
        // close(2) is where some file systems (NFS) report a full disk.
        guard file.close() == 0 else { throw Self.systemError(path, "can't write the file") }
    }

    /// Opens the file at the relative `path` for appending, creating or emptying it.
    ///
    /// - Throws: ``SiteWriterError`` naming the path and the system error.
    func open(_ path: String) throws -> OutputFile {
        let descriptor = Glibc.open(root.path + "/" + path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw Self.systemError(path, "can't create the file") }
        return OutputFile(path: path, descriptor: descriptor)
    }

    /// A file being written piece by piece.
    struct OutputFile {
        let path: String
        let descriptor: Int32

        /// Writes all of `bytes` at the end of the file.
        func append(_ bytes: some Collection<UInt8>) throws {
            let done: Void? = try bytes.withContiguousStorageIfAvailable {
                try append(buffer: UnsafeRawBufferPointer($0))
            }
            if done == nil { try Array(bytes).withUnsafeBytes { try append(buffer: $0) } }
        }

        private func append(buffer: UnsafeRawBufferPointer) throws {
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(descriptor, buffer.baseAddress?.advanced(by: offset), buffer.count - offset)
                guard written > 0 else { throw SiteStaging.systemError(path, "can't write the file") }
                offset += written
            }
        }

        @discardableResult
        func close() -> Int32 { Glibc.close(descriptor) }
    }

    /// Puts the file `previous` (from the site being replaced) at `path`, as a hard link, or a
    /// copy where the file system has no hard links.
    ///
    /// - Returns: `false` when `previous` can't be read; the caller then writes the file anew.
    func reuse(_ previous: String, at path: String) -> Bool {
        let target = root.path + "/" + path
        if link(previous, target) == 0 { return true }
        guard let data = FileManager.default.contents(atPath: previous) else { return false }
        return (try? write(data, to: path)) != nil
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
