/// The `Content-Type` of a served file, by file extension.
enum MediaTypes {
    /// The content type for `pathExtension` (case-insensitive); `application/octet-stream` when unknown.
    static func contentType(forExtension pathExtension: String) -> String {
        types[pathExtension.lowercased()] ?? "application/octet-stream"
    }

    /// Whether files with `pathExtension` are HTML pages, into which the preview script is injected.
    static func isHTML(_ pathExtension: String) -> Bool {
        let lowered = pathExtension.lowercased()
        return lowered == "html" || lowered == "htm"
    }

    private static let types: [String: String] = [
        "html": "text/html; charset=utf-8",
        "htm": "text/html; charset=utf-8",
        "css": "text/css; charset=utf-8",
        "js": "text/javascript; charset=utf-8",
        "mjs": "text/javascript; charset=utf-8",
        "json": "application/json",
        "map": "application/json",
        "xml": "application/xml",
        "txt": "text/plain; charset=utf-8",
        "md": "text/markdown; charset=utf-8",
        "svg": "image/svg+xml",
        "png": "image/png",
        "jpg": "image/jpeg",
        "jpeg": "image/jpeg",
        "gif": "image/gif",
        "webp": "image/webp",
        "avif": "image/avif",
        "ico": "image/x-icon",
        "woff": "font/woff",
        "woff2": "font/woff2",
        "pdf": "application/pdf",
    ]
}
