import FlowModel
import FlowParser
import FlowTestSupport
import Foundation
import Testing

@testable import FlowHTML

#if canImport(Glibc)
    import Glibc
#endif

/// The search index script is written directly; its bytes must be those of `JSONEncoder`.
@Suite struct SearchIndexTests {
    @Test(arguments: ["content", "Tests/Fixtures", "Tests/Fixtures/xss/content"])
    func writesTheEncodersBytes(folder: String) async throws {
        let content = try await ContentLoader().load(from: Fixtures.packageRoot.appendingPathComponent(folder))
        #expect(Self.scriptsAgree(content.publishedFlows))
    }

    @Test(arguments: [
        "Quotes \" and \\ back\\slash", "Tab\tand\r\nbreaks", "</script><b>&amp;", "Café 日本 👍🏽", "",
        "Bell \u{7} and DEL \u{7F}", "Line \u{2028} and paragraph \u{2029} separators",
    ])
    func escapesEveryCharacterAsTheEncoderDoes(title: String) throws {
        let flow = PageParser().parse("# Title\n\n1. Click **Next**.\n", source: "a.md").flow
        var titled = flow
        titled.title = title
        titled.summary = title
        let content = ContentSet(flows: [titled], assets: [], product: nil, diagnostics: [])
        #expect(Self.scriptsAgree(content.publishedFlows))
    }

    /// The index is written in chunks of pages on every core: with several chunks, none, and a
    /// character left to the encoder in a late chunk, the bytes stay the encoder's.
    @Test(arguments: [0, 1, 600])
    func writesTheEncodersBytesAcrossChunks(pageCount: Int) throws {
        let flow = PageParser().parse("# Title\n\n1. Click **Next**.\n", source: "a.md").flow
        let flows = (0..<pageCount).map { index in
            var page = flow
            page.id = "page-\(index)"
            page.source = "page-\(index).md"
            page.title = "Page \(index) <b>"
            return page
        }
        let content = ContentSet(flows: flows, assets: [], product: nil, diagnostics: [])
        #expect(Self.scriptsAgree(content.publishedFlows))
        guard pageCount > 500 else { return }
        var separated = flows
        separated[500].summary = "Line \u{2028} separator"
        #expect(Self.scriptsAgree(separated))
    }

    /// A rebuild makes the entries of changed pages only: the others are runs of the previous
    /// index, which the written file copies.
    @Test func aRebuildMakesOnlyTheChangedPagesEntries() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let flow = PageParser().parse("# Title\n\n1. Click **Next**.\n", source: "a.md").flow
        var pages = (0..<600).map { index in
            var page = PageSummary(flow)
            page.id = "page-\(index)"
            page.source = "page-\(index).md"
            page.title = "Page \(index)"
            return page
        }
        var digests = Dictionary(uniqueKeysWithValues: pages.map { ($0.source, UInt64(1)) })
        let terms: @Sendable (Int) -> SearchTerms = { _ in SearchTerms(flow) }
        let first = SearchIndex.script(for: pages, terms: terms, digests: digests, previous: nil)
        let firstPath = folder.appendingPathComponent("first.js").path
        try Self.write(first.contents, to: firstPath)
        var layout = try #require(first.layout)
        let stamped = layout.stamp(fileAt: firstPath)
        #expect(stamped)
        let previous = try #require(PreviousParts(fileAt: firstPath, layout: layout))

        pages[300].title = "Changed title"
        digests["page-300.md"] = 2
        let second = SearchIndex.script(for: pages, terms: terms, digests: digests, previous: previous)
        guard case .spliced(let splice) = second.contents else {
            Issue.record("The index of a rebuild is not spliced from the previous one")
            return
        }
        let made = String(decoding: splice.parts.flatMap(\.made), as: UTF8.self)
        #expect(made.contains("Changed title"))
        #expect(!made.contains("Page 299") && !made.contains("Page 301"))
        let secondPath = folder.appendingPathComponent("second.js").path
        try Self.write(second.contents, to: secondPath)
        let expected = SearchIndex.script(for: pages, terms: terms)
        #expect(try String(contentsOfFile: secondPath, encoding: .utf8) == expected)
        #expect(try splice.data() == Data(expected.utf8))
    }

    /// Writes a spliced file's contents at `path`.
    static func write(_ contents: SiteFile.Contents, to path: String) throws {
        guard case .spliced(let splice) = contents else {
            Issue.record("The index is not spliced")
            return
        }
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        try #require(descriptor >= 0)
        try SiteStaging.OutputFile(path: path, descriptor: descriptor).closing { file in
            for part in splice.parts { try part.write(to: file, from: splice.previous) }
        }
    }

    /// Whether the index of `flows` is written as the encoder writes it.
    static func scriptsAgree(_ flows: [Flow]) -> Bool {
        let pages = flows.map(PageSummary.init)
        let terms = flows.map(SearchTerms.init)
        return SearchIndex.script(for: pages) { terms[$0] } == SearchIndex.scriptWithEncoder(for: pages) { terms[$0] }
    }
}
