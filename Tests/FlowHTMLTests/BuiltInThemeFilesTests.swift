import FlowTestSupport
import Foundation
import Testing

@testable import FlowHTML

/// The built-in theme compiled into flowdoc (`BuiltInThemeFiles.swift`) is exactly the files
/// of `Sources/FlowHTML/Resources`: after editing one, run `scripts/embed-resources.py`.
struct BuiltInThemeFilesTests {
    static let resources = Fixtures.packageRoot.appendingPathComponent("Sources/FlowHTML/Resources")

    /// The files of `folder` by name, with `suffix` taken off, as text.
    static func files(in folder: String, dropping suffix: String = "") throws -> [String: String] {
        let url = resources.appendingPathComponent(folder)
        var files: [String: String] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: url.path) where !name.hasPrefix(".") {
            let text = try String(contentsOf: url.appendingPathComponent(name), encoding: .utf8)
            files[name.hasSuffix(suffix) ? String(name.dropLast(suffix.count)) : name] = text
        }
        return files
    }

    @Test func templatesMatchTheirFiles() throws {
        let files = try Self.files(in: "Templates", dropping: ".mustache")
        #expect(!files.isEmpty)
        #expect(
            BuiltInThemeFiles.templates == files,
            "Sources/FlowHTML/BuiltInThemeFiles.swift is stale: run scripts/embed-resources.py"
        )
    }

    @Test func assetsMatchTheirFiles() throws {
        let files = try Self.files(in: "Assets")
        #expect(files.keys.sorted() == ["flowdoc.css", "flowdoc.js"])
        #expect(
            BuiltInThemeFiles.assets == files,
            "Sources/FlowHTML/BuiltInThemeFiles.swift is stale: run scripts/embed-resources.py"
        )
    }

    @Test func builtInThemeIsTheCompiledFiles() {
        let theme = Theme.builtIn()
        #expect(theme.templates == BuiltInThemeFiles.templates)
        #expect(theme.assets["flowdoc.css"] == Data((BuiltInThemeFiles.assets["flowdoc.css"] ?? "").utf8))
    }
}
