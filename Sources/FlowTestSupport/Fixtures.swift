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

    /// A new empty temporary folder; tests write only here.
    public static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("flowdoc-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
