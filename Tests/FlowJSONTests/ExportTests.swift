import FlowCore
import FlowJSON
import FlowModel
import FlowParser
import FlowTestSupport
import Foundation
import Testing

@Suite struct ExportTests {
    func export(_ folder: URL) async throws -> Data {
        try FlowJSONExporter(version: "test").export(try await ContentLoader().load(from: folder))
    }

    @Test func seedFixtureExportMatchesGoldenFile() async throws {
        let data = try await export(Fixtures.url("seed/content"))
        let outcome = Snapshot.compare(String(decoding: data, as: UTF8.self), named: "seed-export.json")
        #expect(outcome == .matches, "Record with RECORD_SNAPSHOTS=1 after checking the change: \(outcome)")
    }

    @Test func seedFixtureExportHasTheSeedFacts() async throws {
        let data = try await export(Fixtures.url("seed/content"))
        let document = try JSONDecoder().decode(ExportDocument.self, from: data)
        #expect(document.formatVersion == ExportDocument.currentFormatVersion)
        #expect(document.generator.name == "flowdoc")
        let flow = try #require(document.flows.first { $0.id == "initiate-connection-script-mode-salesforce" })
        let steps = try #require(flow.procedures.first?.steps)
        #expect(steps.map(\.number) == Array(1...9))
        #expect(steps[3].choices.map(\.label) == ["Basic", "Visual", "Script"])
        #expect(steps[3].choices.filter(\.selected).map(\.label) == ["Script"])
        #expect(steps[5].fields.count == 4)
        #expect(steps.compactMap(\.screen).count == 4)
        #expect(flow.callouts.map(\.kind) == ["important", "note"])
        #expect(flow.next.map(\.flow) == ["accept-invitation"])
        #expect(steps[0].targets.first?.position?.file == "initiate-connection-script-mode-salesforce.md")
    }

    @Test func exportIsDeterministic() async throws {
        let first = try await export(Fixtures.shippedContent)
        let second = try await export(Fixtures.shippedContent)
        #expect(first == second)
    }

    @Test func keepsUnknownFrontMatterKeysAsMetadata() throws {
        let (flow, _) = PageParser().parse(
            "---\nowner: docs\nreviewers: [ann, bo]\nweight: 3\n---\n# T\n",
            source: "t.md"
        )
        let content = ContentSet(flows: [flow], assets: [], product: nil, diagnostics: [])
        let exported = try #require(FlowJSONExporter(version: "test").document(for: content).flows.first)
        #expect(exported.metadata["owner"] == .string("docs"))
        #expect(exported.metadata["reviewers"] == .list([.string("ann"), .string("bo")]))
        #expect(exported.metadata["weight"] == .number(3))
    }

    @Test func rendersProseInSafeMode() throws {
        let markdown =
            "1. Click **A**.\n\n   <script>alert(1)</script>\n\n   See [x](javascript:alert(1)).\n2. Click **B**.\n"
        let (flow, _) = PageParser().parse(markdown, source: "t.md")
        let content = ContentSet(flows: [flow], assets: [], product: nil, diagnostics: [])
        let step = try #require(
            FlowJSONExporter(version: "test").document(for: content).flows.first?.procedures.first?.steps.first
        )
        #expect(!step.details.contains("<script"))
        #expect(!step.details.contains("javascript:"))
    }

    @Test(arguments: ["content", "Tests/Fixtures/seed/content"])
    func exportValidatesAgainstSchema(folder: String) async throws {
        let data = try await export(Fixtures.packageRoot.appendingPathComponent(folder))
        let output = try Fixtures.temporaryFolder().appendingPathComponent("export.json")
        try data.write(to: output)
        let result = try PythonScript.run(
            "scripts/validate-json.py",
            arguments: [
                Fixtures.packageRoot.appendingPathComponent("Sources/FlowJSON/Resources/flowdoc-export.schema.json")
                    .path, output.path,
            ]
        )
        #expect(result.status == 0, "Schema errors:\n\(result.output)")
    }
}
