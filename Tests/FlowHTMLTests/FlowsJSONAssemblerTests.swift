import FlowJSON
import FlowTestSupport
import Foundation
import Testing

@testable import FlowHTML

/// `flows.json` is written chunk by chunk as the build's tasks finish, in whatever order they do.
@Suite struct FlowsJSONAssemblerTests {
    @Test func writesChunksInTheirOrderWhateverOrderTheyComeIn() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let staging = SiteStaging(root: folder)
        let exporter = FlowJSONExporter(version: "1.0")
        let assembler = try FlowsJSONAssembler(chunkCount: 3, flowCount: 3, exporter: exporter, in: staging)
        try assembler.add(chunk: 2, Array(",\"c\"".utf8))
        try assembler.add(chunk: 0, Array("\"a\"".utf8))
        try assembler.add(chunk: 1, Array(",\"b\"".utf8))
        try assembler.finish()
        let frame = try ExportDocumentStream.frame(generator: exporter.generator, layout: .compact)
        let written = try Data(contentsOf: folder.appendingPathComponent("flows.json"))
        #expect(written == Data(frame.opening + Array("\"a\",\"b\",\"c\"".utf8) + frame.closing))
    }

    @Test func refusesToFinishWithAChunkMissing() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let assembler = try FlowsJSONAssembler(
            chunkCount: 2,
            flowCount: 2,
            exporter: FlowJSONExporter(version: "1.0"),
            in: SiteStaging(root: folder)
        )
        try assembler.add(chunk: 1, Array(",\"b\"".utf8))
        #expect(throws: SiteWriterError.self) { try assembler.finish() }
    }

    /// Forty pages make three chunks: the built `flows.json` is the exporter's document.
    @Test func aBuildOfSeveralChunksWritesTheExportersDocument() async throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let content = folder.appendingPathComponent("content")
        try FileManager.default.createDirectory(at: content, withIntermediateDirectories: true)
        for number in 1...40 {
            let page = "---\nproduct: P\n---\n\n# Page \(number)\n\n1. Click **Next**.\n2. Click **Done**.\n"
            try Data(page.utf8).write(to: content.appendingPathComponent(String(format: "page-%02d.md", number)))
        }
        let generated = try await SiteTestSupport.generate(content)
        let expected = try #require(generated.first { $0.path == "flows.json" })
        let site = folder.appendingPathComponent("site")
        let report = try await IncrementalBuildTests.build(content, into: site)
        #expect(report.pageCount == 40)
        let built = try Data(contentsOf: site.appendingPathComponent("flows.json"))
        #expect(built == (try SiteTestSupport.bytes(expected)))
    }
}
