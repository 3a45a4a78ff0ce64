import ArgumentParser
import FlowCore
import FlowJSON
import FlowParser
import FlowTestSupport
import Foundation
import Testing

@testable import FlowCommands

/// `flowdoc export --output file` streams the JSON document to the file.
@Suite struct ExportCommandTests {
    @Test func writesTheWholeDocumentToTheOutputFile() async throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("export.json")
        try Data("previous".utf8).write(to: output)
        let command = try FlowdocCommand.Export.parse([
            Fixtures.shippedContent.path, "--output", output.path, "--quiet",
        ])
        try await command.run()

        let content = try await ContentLoader().load(from: Fixtures.shippedContent)
        let expected = try FlowJSONExporter(version: FlowdocVersion.current).export(content)
        #expect(try Data(contentsOf: output) == expected)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["export.json"])
    }

    @Test func anUnwritableOutputIsAClearErrorAndLeavesNothing() async throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("missing/export.json")
        let command = try FlowdocCommand.Export.parse([Fixtures.seedContentPath, "--output", output.path, "--quiet"])
        await #expect(throws: ValidationFailure.self) { try await command.run() }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }
}

extension Fixtures {
    /// The seed fixture's content folder, as a path.
    fileprivate static var seedContentPath: String { url("seed/content").path }
}
