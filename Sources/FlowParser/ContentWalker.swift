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
        var pages: [String] = []
        /// The stamp of each page that is a plain file, by path.
        var stamps: [String: FileStamp] = [:]
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
        var queue = [""]
        var visited = Set<String>()
        while let relative = queue.popLast() {
            let folder = relative.isEmpty ? root : root.appendingPathComponent(relative)
            let real = folder.resolvingSymlinksInPath().standardizedFileURL.path
            guard visited.insert(real).inserted else { continue }
            let names: [String]
            do {
                names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
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
            let folderPath = folder.path
            // Entries are examined relative to the open folder: no path to walk for each.
            let descriptor = open(folderPath, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            defer { if descriptor >= 0 { close(descriptor) } }
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
                        listing.pages.append(path)
                        listing.stamps[path] = stamp
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
                    listing.pages.append(path)
                } else {
                    listing.assets.append(path)
                }
            }
        }
        listing.pages.sort()
        listing.assets.sort()
        return listing
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
