import FlowModel
import FlowParser
import FlowTestSupport
import Foundation
import Testing

@testable import FlowHTML

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

    /// Whether the index of `flows` is written as the encoder writes it.
    static func scriptsAgree(_ flows: [Flow]) -> Bool {
        let pages = flows.map(PageSummary.init)
        let terms = flows.map(SearchTerms.init)
        return SearchIndex.script(for: pages) { terms[$0] } == SearchIndex.scriptWithEncoder(for: pages) { terms[$0] }
    }
}
