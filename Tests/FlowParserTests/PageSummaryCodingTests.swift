import FlowCore
import FlowModel
import FlowParser
import FlowTestSupport
import Foundation
import Testing

/// A build keeps each page's summary in its cache: what it reads back must be what it wrote.
@Suite struct PageSummaryCodingTests {
    @Test(arguments: ["content", "Tests/Fixtures", "Tests/Fixtures/xss/content", "Tests/Fixtures/seed/content"])
    func everyPageReadsBackAsWritten(folder: String) async throws {
        let content = try await ContentLoader().load(from: Fixtures.packageRoot.appendingPathComponent(folder))
        try #require(!content.flows.isEmpty)
        for flow in content.flows {
            var summary = PageSummary(flow)
            summary.searchTerms = SearchTerms(flow)
            #expect(try Self.roundTrip(summary) == summary, "\(flow.source)")
        }
    }

    @Test func everyKindOfValueReadsBackAsWritten() throws {
        let elsewhere = SourceRange(file: "other.md", line: 3, column: 4)
        let here = SourceRange(file: "a/b.md", line: 1, column: 1)
        let metadata = Metadata(
            id: "b",
            title: "Café 日本 👍🏽",
            mode: "",
            next: ["x.md"],
            tags: ["t1", "t2"],
            draft: true,
            extra: [
                "nested": .map(["list": .list([.number(-1.5e300), .bool(false), .null]), "s": .string("\t\n")]),
                "zero": .number(0),
            ],
            keyRanges: ["id": here, "title": elsewhere]
        )
        let summary = PageSummary(
            id: "b",
            source: "a/b.md",
            kind: .overview,
            title: "",
            titleRange: nil,
            summary: "Line \u{2028} separator",
            metadata: metadata,
            stepCount: 300,
            next: [NextLink(destination: "c.md", text: "C", range: elsewhere)],
            links: [.init(destination: "../x.md#y", range: nil)],
            images: [.init(destination: "i.png", range: here)],
            anchors: ["step-1", "step-1"],
            choiceLinks: [],
            searchTerms: SearchTerms(steps: [""], targets: [], fields: ["F"])
        )
        #expect(try Self.roundTrip(summary) == summary)
        var withoutTerms = summary
        withoutTerms.searchTerms = nil
        #expect(try Self.roundTrip(withoutTerms) == withoutTerms)
    }

    @Test func cutOrAlteredBytesAreRejected() throws {
        let flow = PageParser().parse("# Title\n\n1. Click **Next**.\n", source: "a.md").flow
        var writer = ByteWriter()
        PageSummary(flow).write(to: &writer)
        let bytes = writer.bytes
        for end in [0, 1, bytes.count / 2, bytes.count - 1] {
            var reader = ByteReader(bytes[0..<end])
            #expect(throws: ByteReader.Malformed.self) { try PageSummary(reading: &reader) }
        }
        var invalid = bytes
        invalid[1] = 0xFF  // the first byte of the id: not UTF-8
        var reader = ByteReader(invalid[...])
        #expect(throws: ByteReader.Malformed.self) { try PageSummary(reading: &reader) }
    }

    static func roundTrip(_ summary: PageSummary) throws -> PageSummary {
        var writer = ByteWriter()
        summary.write(to: &writer)
        var reader = ByteReader(writer.bytes[...])
        let read = try PageSummary(reading: &reader)
        #expect(reader.isAtEnd)
        return read
    }
}
