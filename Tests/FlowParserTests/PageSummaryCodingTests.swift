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

    /// A summary with a detail of each kind, and front-matter keys, in `a/b.md`.
    static let detailed: PageSummary = {
        let here = SourceRange(file: "a/b.md", line: 2, column: 3)
        return PageSummary(
            id: "b",
            source: "a/b.md",
            kind: .flow,
            title: "B",
            titleRange: here,
            summary: "",
            metadata: Metadata(
                id: "b",
                keyRanges: ["id": here, "title": SourceRange(file: "c.md", line: 1, column: 1)]
            ),
            stepCount: 2,
            next: [NextLink(destination: "c.md", text: "C", range: here)],
            links: [.init(destination: "c.md#x", range: here)],
            images: [.init(destination: "i.png", range: nil)],
            anchors: ["step-1", "ünïcode"],
            choiceLinks: ["c.md"]
        )
    }()

    @Test func aSummaryReadBackIsWrittenAgainAsItWasRead() throws {
        var writer = ByteWriter()
        Self.detailed.write(to: &writer)
        var reader = ByteReader(writer.bytes[...])
        let read = try PageSummary(reading: &reader)
        var again = ByteWriter()
        read.write(to: &again)
        #expect(again.bytes == writer.bytes)
        #expect(read.siteFactsDigest == Self.detailed.siteFactsDigest)
    }

    @Test func aDetailOfASummaryReadBackChangesInItAlone() throws {
        let read = try Self.roundTrip(Self.detailed)
        var changed = read
        changed.anchors.append("step-2")
        changed.metadata.keyRanges["tags"] = SourceRange(file: "a/b.md", line: 5, column: 1)
        #expect(changed.anchors == ["step-1", "ünïcode", "step-2"])
        #expect(changed.metadata.keyRanges["id"] == Self.detailed.metadata.keyRanges["id"])
        #expect(read == Self.detailed)
        #expect(changed != read)
        #expect(try Self.roundTrip(changed) == changed)
    }

    @Test func tasksReadingTheDetailsAtOnceAllGetThem() async throws {
        let read = try Self.roundTrip(Self.detailed)
        let seen = await withTaskGroup(of: [String].self) { group in
            for _ in 0..<64 { group.addTask { read.anchors + read.links.map(\.destination) } }
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(seen.count == 64)
        #expect(seen.allSatisfy { $0 == ["step-1", "ünïcode", "c.md#x"] })
        #expect(read.titleRange == Self.detailed.titleRange)
    }

    /// Bytes kept to be read later are checked when the summary is read: damage found then, not
    /// half-way through a build.
    @Test(arguments: ["step-1", "C", "c.md#x"])
    func damageInTheDetailsOrKeyPositionsIsFoundOnReading(damaged text: String) throws {
        var writer = ByteWriter()
        Self.detailed.write(to: &writer)
        var bytes = writer.bytes
        let needle = Array(text.utf8)
        let start = try #require(
            bytes.indices.first { bytes[$0..<min(bytes.count, $0 + needle.count)].elementsEqual(needle) }
        )
        bytes[start] = 0xFF
        var reader = ByteReader(bytes[...])
        #expect(throws: ByteReader.Malformed.self) { try PageSummary(reading: &reader) }
    }

    /// The file of the title key's position (the first "c.md" of the bytes) made not UTF-8, or
    /// the count of keys (2, before the length of "id" and "id") made 1.
    @Test(arguments: [(Array("c.md".utf8), 0, UInt8(0xFF)), ([2, 2] + Array("id".utf8), 0, 1)])
    func damagedKeyPositionsAreFoundOnReading(needle: [UInt8], offset: Int, byte: UInt8) throws {
        var writer = ByteWriter()
        Self.detailed.write(to: &writer)
        var bytes = writer.bytes
        let start = try #require(bytes.indices.first { bytes[$0..<$0 + needle.count].elementsEqual(needle) })
        bytes[start + offset] = byte
        var reader = ByteReader(bytes[...])
        #expect(throws: ByteReader.Malformed.self) { try PageSummary(reading: &reader) }
    }

    /// The bytes of a summary with one key ("id") whose position is made none: well formed, but
    /// a key is always written with its position.
    @Test func aKeyWithoutAPositionIsFoundOnReading() throws {
        var summary = Self.detailed
        summary.metadata.keyRanges = ["id": SourceRange(file: "a/b.md", line: 2, column: 3)]
        var writer = ByteWriter()
        summary.write(to: &writer)
        var bytes = writer.bytes
        // The keys' length, one key, "id", a range in the page's own file (1) and its four numbers.
        let needle: [UInt8] = [1, 2] + Array("id".utf8) + [1]
        let start = try #require(bytes.indices.first { bytes[$0..<$0 + needle.count].elementsEqual(needle) })
        bytes[start + 4] = 0
        bytes.removeSubrange(start + 5..<start + 9)
        bytes[start - 1] -= 4
        var reader = ByteReader(bytes[...])
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
