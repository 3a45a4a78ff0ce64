import FlowCore
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Lists the pages and assets of a content folder without following links out of it.
struct ContentWalker {
    let root: URL

    struct Listing {
        /// The pages, in path order.
        var pages: [String] = []
        /// The stamp of each page of ``pages``, at its place; `nil` for a page reached through a
        /// symbolic link.
        var stamps: [FileStamp?] = []
        var assets: [String] = []
        var productModel: String?
        var diagnostics: [Diagnostic] = []
    }

    func walk() throws -> Listing {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root.path, isDirectory: &isDirectory) else {
            throw ContentError(path: root.path, reason: "no such folder; pass the folder that holds your .md pages")
        }
        guard isDirectory.boolValue else {
            throw ContentError(path: root.path, reason: "not a folder; pass the folder that holds your .md pages")
        }
        let realRoot = root.resolvingSymlinksInPath().standardizedFileURL.path
        var listing = Listing()
        // Folders in the order they are found, each listed in name order: the pages come nearly
        // sorted, which the final sort then only checks.
        var queue = [""]
        var next = 0
        var visited = Set<FolderIdentity>()
        var pages: [(path: String, stamp: FileStamp?)] = []
        while next < queue.count {
            let relative = queue[next]
            next += 1
            let folder = relative.isEmpty ? root : root.appendingPathComponent(relative)
            let folderPath = folder.path
            // Entries are examined relative to the open folder: no path to walk for each.
            let descriptor = open(folderPath, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            defer { if descriptor >= 0 { close(descriptor) } }
            // A folder reached twice through links is listed once.
            guard visited.insert(FolderIdentity(descriptor: descriptor, path: folder)).inserted else { continue }
            let names: [String]
            do {
                names = try Self.names(in: descriptor, at: folderPath)
            } catch {
                if relative.isEmpty {
                    throw ContentError(path: root.path, reason: "can't be read (\(error.localizedDescription))")
                }
                listing.diagnostics.append(
                    Diagnostic(
                        .error,
                        id: "UnreadableFile",
                        range: nil,
                        file: relative,
                        summary: "Folder can't be read"
                    )
                )
                continue
            }
            for name in names {
                let path = relative.isEmpty ? name : "\(relative)/\(name)"
                if name == "_product.yml", relative.isEmpty {
                    listing.productModel = path
                    continue
                }
                if name.hasPrefix("_") || name.hasPrefix(".") { continue }
                switch Self.plainKind(of: name, in: descriptor, at: folderPath) {
                case .folder?:
                    queue.append(path)
                    continue
                case .file(let stamp)?:
                    if name.hasSuffix(".md") {
                        pages.append((path, stamp))
                    } else {
                        listing.assets.append(path)
                    }
                    continue
                case .other?, nil:
                    break
                }
                let url = folder.appendingPathComponent(name)
                let target = url.resolvingSymlinksInPath().standardizedFileURL.path
                guard target == realRoot || target.hasPrefix(realRoot + "/") else {
                    listing.diagnostics.append(
                        Diagnostic(
                            .warning,
                            id: "LinkOutsideContent",
                            range: nil,
                            file: path,
                            summary: "Symbolic link points outside the content folder and is ignored"
                        )
                    )
                    continue
                }
                var isFolder: ObjCBool = false
                guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) else {
                    listing.diagnostics.append(
                        Diagnostic(
                            .warning,
                            id: "BrokenSymbolicLink",
                            range: nil,
                            file: path,
                            summary: "Symbolic link points to nothing"
                        )
                    )
                    continue
                }
                if isFolder.boolValue {
                    queue.append(path)
                } else if (try? FileManager.default.attributesOfItem(atPath: target)[.type] as? FileAttributeType)
                    != .typeRegular
                {
                    // A FIFO, socket or device: reading it could block for ever, and Foundation
                    // leaks its read buffer when the read fails.
                    listing.diagnostics.append(
                        Diagnostic(
                            .error,
                            id: "UnreadableFile",
                            range: nil,
                            file: path,
                            summary: "Not a regular file; it is left out"
                        )
                    )
                } else if name.hasSuffix(".md") {
                    pages.append((path, nil))
                } else {
                    listing.assets.append(path)
                }
            }
        }
        pages.sort { $0.path < $1.path }
        listing.pages = pages.map(\.path)
        listing.stamps = pages.map(\.stamp)
        listing.assets.sort()
        return listing
    }

    /// A folder as the file system knows it: its device and inode, or, when it can't be opened,
    /// its real path.
    private enum FolderIdentity: Hashable {
        case node(device: UInt64, inode: UInt64)
        case path(String)

        init(descriptor: Int32, path: URL) {
            var status = stat()
            if descriptor >= 0, fstat(descriptor, &status) == 0 {
                self = .node(device: UInt64(status.st_dev), inode: UInt64(status.st_ino))
            } else {
                self = .path(path.resolvingSymlinksInPath().standardizedFileURL.path)
            }
        }
    }

    /// The names of the entries of the folder open as `descriptor` (at `folderPath`), sorted.
    ///
    /// - Throws: What `FileManager` throws for a folder that can't be opened.
    private static func names(in descriptor: Int32, at folderPath: String) throws -> [String] {
        // The listing closes a descriptor of its own.
        let copy = descriptor >= 0 ? dup(descriptor) : -1
        guard copy >= 0, let folder = fdopendir(copy) else {
            if copy >= 0 { close(copy) }
            return try FileManager.default.contentsOfDirectory(atPath: folderPath).sorted()
        }
        defer { closedir(folder) }
        var names: [String] = []
        while let entry = readdir(folder) {
            let name = withUnsafeBytes(of: &entry.pointee.d_name) { bytes in
                bytes.baseAddress.map { String(cString: $0.assumingMemoryBound(to: CChar.self)) } ?? ""
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names.sorted()
    }

    /// What an entry that is not a symbolic link is.
    private enum PlainKind {
        case folder, file(FileStamp), other
    }

    /// The kind of the entry `name` of the folder open as `descriptor` (at `folderPath`) from one
    /// `lstat`, or `nil` for a symbolic link or an entry that can't be examined (those take the
    /// slower way, which resolves links and reports them).
    ///
    /// An entry that is not a link lies inside the real folder it was listed in, so it needs no
    /// resolution: resolving every entry's path cost several calls per path component.
    private static func plainKind(of name: String, in descriptor: Int32, at folderPath: String) -> PlainKind? {
        var status = stat()
        let examined =
            descriptor >= 0
            ? fstatat(descriptor, name, &status, AT_SYMLINK_NOFOLLOW) : lstat(folderPath + "/" + name, &status)
        guard examined == 0 else { return nil }
        switch status.st_mode & S_IFMT {
        case S_IFLNK: return nil
        case S_IFDIR: return .folder
        case S_IFREG:
            return .file(
                FileStamp(
                    size: UInt64(status.st_size),
                    modified: Int64(status.st_mtim.tv_sec) * 1_000_000_000 + Int64(status.st_mtim.tv_nsec),
                    changed: Int64(status.st_ctim.tv_sec) * 1_000_000_000 + Int64(status.st_ctim.tv_nsec),
                    inode: UInt64(status.st_ino)
                )
            )
        default: return .other
        }
    }
}
