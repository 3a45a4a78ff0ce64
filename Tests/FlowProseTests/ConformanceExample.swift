import Foundation
import Testing

/// One example of a spec's test vectors: Markdown in, expected HTML out.
struct ConformanceExample: Decodable, Sendable, CustomTestStringConvertible {
    var example: Int
    var section: String
    var markdown: String
    var html: String

    var testDescription: String { "example \(example) (\(section))" }

    /// Loads a vector file, preferring the project's `../shared/conformance` beside the package
    /// root and falling back to the copy vendored in `Conformance/` next to this file.
    ///
    /// - Parameter name: The file name, such as `commonmark-0.30.json`.
    /// - Returns: The examples, in file order.
    static func load(_ name: String, filePath: String = #filePath) throws -> [ConformanceExample] {
        let testsFolder = URL(fileURLWithPath: filePath).deletingLastPathComponent()
        let packageRoot = testsFolder.deletingLastPathComponent().deletingLastPathComponent()
        let candidates = [
            packageRoot.deletingLastPathComponent().appendingPathComponent("shared/conformance/\(name)"),
            testsFolder.appendingPathComponent("Conformance/\(name)"),
        ]
        let url = try #require(
            candidates.first { FileManager.default.fileExists(atPath: $0.path) },
            "No \(name) in \(candidates.map(\.path))"
        )
        return try JSONDecoder().decode([ConformanceExample].self, from: Data(contentsOf: url))
    }
}
