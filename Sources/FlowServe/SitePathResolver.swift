import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Maps a request path to a file inside the site folder, and never to anything outside it.
///
/// The path is percent-decoded once; a segment that is `..` or `.`, or that starts with `.`
/// (hidden files such as `.flowdoc-site`), a NUL byte or a backslash gives ``Resolution/notFound``.
/// The file found is then resolved with `realpath(3)`, so a symbolic link inside the site that
/// points outside it is not followed either.
struct SitePathResolver: Sendable {
    /// What a request path names.
    enum Resolution: Equatable {
        /// A regular file inside the site, with its path relative to the site's root.
        case file(URL, relativePath: String)
        /// A folder asked for without its trailing `/`: redirect there so relative links work.
        case redirect(String)
        case notFound
    }

    /// The site folder.
    var root: URL

    /// Resolves `requestPath`, the path of a request's URL as sent (percent-encoded).
    func resolve(_ requestPath: String) -> Resolution {
        guard requestPath.hasPrefix("/"), let decoded = requestPath.removingPercentEncoding,
            !decoded.contains("\0"), !decoded.contains("\\")
        else { return .notFound }
        let segments = decoded.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        guard !segments.contains(where: { $0.hasPrefix(".") }) else { return .notFound }
        guard let rootPath = Self.realPath(root.path) else { return .notFound }

        var candidate = segments.reduce(rootPath) { $0 + "/" + $1 }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: candidate, isDirectory: &isDirectory), isDirectory.boolValue {
            guard decoded.hasSuffix("/") else { return .redirect(requestPath + "/") }
            candidate += "/index.html"
        } else if !FileManager.default.fileExists(atPath: candidate), let last = segments.last, !last.contains(".") {
            candidate += ".html"
        }
        guard let real = Self.realPath(candidate), real.hasPrefix(rootPath + "/") else { return .notFound }
        guard FileManager.default.fileExists(atPath: real, isDirectory: &isDirectory), !isDirectory.boolValue else {
            return .notFound
        }
        return .file(URL(fileURLWithPath: real), relativePath: String(real.dropFirst(rootPath.count + 1)))
    }

    /// The canonical absolute path of `path` with every symbolic link resolved; `nil` when it does not exist.
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
