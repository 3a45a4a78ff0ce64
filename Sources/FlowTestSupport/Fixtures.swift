public import Foundation

/// Locations of the repository's test fixtures and shipped content, for tests.
public enum Fixtures {
    /// The package's root folder, derived from this file's path.
    public static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // FlowTestSupport
        .deletingLastPathComponent()  // Sources
        .deletingLastPathComponent()

    /// `Tests/Fixtures/<path>`.
    public static func url(_ path: String) -> URL {
        packageRoot.appendingPathComponent("Tests/Fixtures").appendingPathComponent(path)
    }

    /// The shipped help center, `content/`.
    public static var shippedContent: URL { packageRoot.appendingPathComponent("content") }

    /// The text of `Tests/Fixtures/<path>`.
    public static func text(_ path: String) throws -> String {
        try String(contentsOf: url(path), encoding: .utf8)
    }

    /// A copy of the shipped content folder at `folder/content`.
    public static func copyOfShippedContent(into folder: URL) throws -> URL {
        let content = folder.appendingPathComponent("content")
        try FileManager.default.copyItem(at: shippedContent, to: content)
        return content
    }

    /// The inode of the file or folder at `url`: a file a build linked or kept keeps its inode.
    public static func inode(of url: URL) throws -> UInt64 {
        let number = try FileManager.default.attributesOfItem(atPath: url.path)[.systemFileNumber]
        guard let inode = number as? UInt64 else { throw CocoaError(.fileReadUnknown) }
        return inode
    }

    /// A new empty temporary folder; tests write only here.
    public static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("flowdoc-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Every regular file below `root`, by path relative to it, with its bytes.
    public static func tree(_ root: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey])
        let prefix = root.standardizedFileURL.resolvingSymlinksInPath().path + "/"
        while let url = enumerator?.nextObject() as? URL {
            guard (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true else { continue }
            let path = url.standardizedFileURL.resolvingSymlinksInPath().path
            files[String(path.dropFirst(prefix.count))] = try Data(contentsOf: url)
        }
        return files
    }

    /// Appends `text` to the file at `url`.
    public static func append(_ text: String, to url: URL) throws {
        try Data((try String(contentsOf: url, encoding: .utf8) + text).utf8).write(to: url)
    }

    /// Replaces every `old` in the file at `url` with `new`.
    ///
    /// - Throws: ``EditError`` when the file does not contain `old` (a fixture changed under the test).
    public static func replace(_ old: String, with new: String, in url: URL) throws {
        let text = try String(contentsOf: url, encoding: .utf8)
        guard text.contains(old) else { throw EditError(file: url.lastPathComponent, missing: old) }
        try Data(text.replacingOccurrences(of: old, with: new).utf8).write(to: url)
    }

    /// A fixture that no longer contains the text a test edits.
    public struct EditError: Error, CustomStringConvertible {
        public var file: String
        public var missing: String
        public var description: String { "\(file) no longer contains '\(missing)'" }
    }
}
