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
        try assembler.add(chunk: 2, Self.chunk("\"c\"", isFirst: false))
        try assembler.add(chunk: 0, Self.chunk("\"a\"", isFirst: true))
        try assembler.add(chunk: 1, Self.chunk("\"b\"", isFirst: false))
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
        try assembler.add(chunk: 1, Self.chunk("\"b\"", isFirst: false))
        #expect(throws: SiteWriterError.self) { try assembler.finish() }
    }

    static func chunk(_ json: String, isFirst: Bool) -> FlowsJSONChunk {
        var chunk = FlowsJSONChunk()
        chunk.append(Data(json.utf8), isFirst: isFirst)
        return chunk
    }

    /// Parts of the previous file that follow each other are copied as one range, with the
    /// commas between them; a part that moves to the front loses its comma, one that leaves it gains one.
    @Test func copiesRunsOfThePreviousFile() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let old = "[\"a\",\"b\",\"c\",\"d\"]"
        let url = folder.appendingPathComponent("old.json")
        try Data(old.utf8).write(to: url)
        var layout = PartLayout(
            prefixLength: 1,
            parts: ["a", "b", "c", "d"].map { .init(source: $0, digest: 1, length: 3) }
        )
        let stamped = layout.stamp(fileAt: url.path)
        #expect(stamped)
        let previous = try #require(PreviousParts(fileAt: url.path, layout: layout))
        // The new file's order: b, c, d, e, a; each part looked for first at its new place.
        let places = ["b": 0, "c": 1, "d": 2, "a": 4]
        let range = { (source: String) in
            let place = try #require(places[source])
            return try #require(previous.range(of: source, digest: 1, at: place))
        }
        #expect(previous.range(of: "a", digest: 2, at: 0) == nil, "Another digest, at the part's place")
        #expect(previous.range(of: "a", digest: 2, at: 3) == nil, "Another digest, elsewhere")
        #expect(previous.range(of: "e", digest: 1, at: 3) == nil, "No such part")
        #expect(previous.range(of: "c", digest: 1, at: 2) == 9..<12, "At its place")
        #expect(previous.range(of: "c", digest: 1, at: 9) == 9..<12, "Past the last place")
        var chunk = FlowsJSONChunk()
        chunk.appendPrevious(try range("b"), prefixLength: 1, isFirst: true)
        chunk.appendPrevious(try range("c"), prefixLength: 1, isFirst: false)
        chunk.appendPrevious(try range("d"), prefixLength: 1, isFirst: false)
        chunk.append(Data("\"e\"".utf8), isFirst: false)
        chunk.appendPrevious(try range("a"), prefixLength: 1, isFirst: false)
        #expect(chunk.pieces.count == 3, "b to d in one copy, e and the comma before a made: \(chunk.pieces)")
        let staging = SiteStaging(root: folder)
        let file = try staging.open("new.json")
        for piece in chunk.pieces {
            switch piece {
            case .made(let bytes): try file.append(chunk.made[bytes])
            case .previous(let bytes): try previous.copy(bytes, to: file)
            }
        }
        file.close()
        let written = try String(contentsOf: folder.appendingPathComponent("new.json"), encoding: .utf8)
        #expect(written == "\"b\",\"c\",\"d\",\"e\",\"a\"")
        #expect(chunk.count == written.utf8.count)
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
