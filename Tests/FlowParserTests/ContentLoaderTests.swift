import FlowCore
import FlowModel
import FlowParser
import FlowTestSupport
import Foundation
import Testing

@Suite struct ContentLoaderTests {
    func write(_ files: [String: [UInt8]]) throws -> URL {
        let root = try Fixtures.temporaryFolder()
        for (path, bytes) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(),
                withIntermediateDirectories: true
            )
            try Data(bytes).write(to: url)
        }
        return root
    }

    @Test func skipsUnderscoreAndDotFilesAndListsAssets() async throws {
        let root = try write([
            "index.md": Array("# Home\n".utf8),
            "_draft.md": Array("# Draft\n".utf8),
            ".hidden/x.md": Array("# X\n".utf8),
            "a/b.md": Array("# B\n".utf8),
            "images/shot.svg": Array("<svg/>".utf8),
        ])
        let content = try await ContentLoader().load(from: root)
        #expect(content.flows.map(\.source) == ["a/b.md", "index.md"])
        #expect(content.assets == ["images/shot.svg"])
    }

    @Test func reportsInvalidUTF8AtItsPositionAndKeepsTheRest() async throws {
        let root = try write(["index.md": Array("# Title\n\nab".utf8) + [0xFF] + Array("cd\n".utf8)])
        let content = try await ContentLoader().load(from: root)
        let diagnostic = try #require(content.diagnostics.first)
        #expect(diagnostic.id == "InvalidUTF8")
        #expect(diagnostic.range?.start == SourceLocation(line: 3, column: 3))
        #expect(content.flows.first?.summary == "ab\u{FFFD}cd")
    }

    @Test func reportsNulBytes() async throws {
        let root = try write(["index.md": Array("# T\n\nx".utf8) + [0] + Array("y\n".utf8)])
        let content = try await ContentLoader().load(from: root)
        #expect(content.diagnostics.map(\.id) == ["NulByte"])
        #expect(content.diagnostics.first?.range?.start == SourceLocation(line: 3, column: 2))
    }

    @Test func placesANulByteAfterAByteOrderMarkAtItsColumnInTheText() async throws {
        let root = try write(["index.md": [0xEF, 0xBB, 0xBF] + Array("ab".utf8) + [0] + Array("\n".utf8)])
        let content = try await ContentLoader().load(from: root)
        #expect(content.diagnostics.map(\.id) == ["NulByte"])
        #expect(content.diagnostics.first?.range?.start == SourceLocation(line: 1, column: 3))
    }

    @Test func dropsByteOrderMark() async throws {
        let root = try write(["index.md": [0xEF, 0xBB, 0xBF] + Array("# Title\n".utf8)])
        let content = try await ContentLoader().load(from: root)
        #expect(content.flows.first?.title == "Title")
        #expect(content.diagnostics.isEmpty)
    }

    @Test func throwsForMissingFolder() async throws {
        await #expect(throws: ContentError.self) {
            try await ContentLoader().load(from: URL(fileURLWithPath: "/nonexistent/flowdoc-content"))
        }
    }

    @Test func ignoresSymbolicLinkLeavingTheFolder() async throws {
        let root = try write(["index.md": Array("# T\n".utf8)])
        try FileManager.default.createSymbolicLink(
            atPath: root.appendingPathComponent("etc").path,
            withDestinationPath: "/etc"
        )
        let content = try await ContentLoader().load(from: root)
        #expect(content.diagnostics.map(\.id) == ["LinkOutsideContent"])
        #expect(content.assets.isEmpty)
    }

    @Test func readsProductModel() async throws {
        let yaml =
            "screens:\n  - title: Initiate connection\n    fields:\n      - { name: URL, required: true }\n    buttons: [Next]\nlabels: [Connections]\n"
        let root = try write(["index.md": Array("# T\n".utf8), "_product.yml": Array(yaml.utf8)])
        let content = try await ContentLoader().load(from: root)
        #expect(content.product?.screens.first?.fields == [ProductModel.Screen.Field(name: "URL", required: true)])
        #expect(content.product?.knownNames.contains("Connections") == true)
    }
}
