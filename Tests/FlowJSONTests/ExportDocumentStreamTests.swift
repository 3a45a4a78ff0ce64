import FlowModel
import FlowParser
import FlowTestSupport
import Foundation
import Testing

@testable import FlowJSON

/// The streamed export (`FlowJSONExporter.write`) writes the bytes of the whole-document export.
@Suite struct ExportDocumentStreamTests {
    @Test(arguments: ["content", "Tests/Fixtures", "Tests/Fixtures/xss/content"])
    func streamedExportEqualsTheWholeDocument(folder: String) async throws {
        let content = try await ContentLoader().load(from: Fixtures.packageRoot.appendingPathComponent(folder))
        try #require(!content.flows.isEmpty)
        try expectSameBytes(content)
    }

    @Test func streamedExportOfNoFlowEqualsTheWholeDocument() throws {
        try expectSameBytes(ContentSet(flows: [], assets: [], product: nil, diagnostics: []))
    }

    @Test func streamedExportEncodesMoreFlowsThanOneBatch() throws {
        let flows = (0..<600).map { index in
            PageParser().parse("# Page \(index)\n\n1. Click **Next**.\n", source: "p\(index).md").flow
        }
        try expectSameBytes(ContentSet(flows: flows, assets: [], product: nil, diagnostics: []))
    }

    /// A flow with front-matter keys flowdoc does not know is left to the encoder, and then
    /// indented into the document as the writer nests the others.
    @Test func aFlowLeftToTheEncoderStandsInTheStreamAsTheOthers() throws {
        let custom = PageParser().parse("---\nteam: billing\n---\n# A\n\n1. Click **B**.\n", source: "a.md").flow
        try #require(!custom.metadata.extra.isEmpty)
        let plain = PageParser().parse("# B\n\n1. Click **C**.\n", source: "b.md").flow
        for flows in [[custom, plain], [plain, custom]] {
            try expectSameBytes(ContentSet(flows: flows, assets: [], product: nil, diagnostics: []))
        }
    }

    /// Each flow's JSON in the document is its own JSON, every line indented by four spaces.
    @Test(arguments: ["content", "Tests/Fixtures/xss/content"])
    func aFlowInTheDocumentIsItsJSONIndented(folder: String) async throws {
        let content = try await ContentLoader().load(from: Fixtures.packageRoot.appendingPathComponent(folder))
        let exporter = FlowJSONExporter(version: "test")
        let resolver = LinkResolver(content: content)
        for flow in content.flows {
            var indented: [UInt8] = []
            ExportDocumentStream.indent(try exporter.exportFlow(flow, resolver: resolver), into: &indented)
            let nested = try exporter.exportFlowInDocument(flow, resolver: resolver)
            #expect(nested.starts(with: Data("    {".utf8)), "\(flow.id)")
            #expect(nested.dropLast() == Data(indented), "\(flow.id)")
        }
    }

    @Test func aFailingOutputStopsTheStream() throws {
        struct Full: Error {}
        let content = ContentSet(
            flows: [PageParser().parse("# A\n\n1. Click **B**.\n", source: "a.md").flow],
            assets: [],
            product: nil,
            diagnostics: []
        )
        #expect(throws: Full.self) { try FlowJSONExporter(version: "test").write(content) { _ in throw Full() } }
    }

    @Test(arguments: ["content", "Tests/Fixtures/xss/content"])
    func compactPiecesMakeTheCompactDocument(folder: String) async throws {
        let content = try await ContentLoader().load(from: Fixtures.packageRoot.appendingPathComponent(folder))
        let exporter = FlowJSONExporter(version: "test")
        let frame = try ExportDocumentStream.frame(generator: exporter.generator, layout: .compact)
        let resolver = LinkResolver(content: content)
        var joined = frame.opening
        for (index, flow) in content.flows.enumerated() {
            let json = try exporter.exportFlow(flow, resolver: resolver, layout: .compact)
            ExportDocumentStream.appendFlow(json, isFirst: index == 0, layout: .compact, to: &joined)
        }
        joined += frame.closing
        #expect(Data(joined) == (try exporter.export(content, layout: .compact)))
        let empty = ContentSet(flows: [], assets: [], product: nil, diagnostics: [])
        #expect(Data(frame.empty) == (try exporter.export(empty, layout: .compact)))
    }

    private func expectSameBytes(_ content: ContentSet) throws {
        let exporter = FlowJSONExporter(version: "test")
        var streamed: [UInt8] = []
        var pieces = 0
        try exporter.write(content) {
            streamed += $0
            pieces += 1
        }
        #expect(Data(streamed) == (try exporter.export(content)))
        #expect(pieces == (content.flows.isEmpty ? 1 : content.flows.count + 2))
    }
}
