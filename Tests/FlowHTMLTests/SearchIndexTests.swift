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
        let context = SiteContext(content: content, options: SiteOptions())
        #expect(SearchIndex.script(for: context) == SearchIndex.scriptWithEncoder(for: context))
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
        let context = SiteContext(content: content, options: SiteOptions())
        #expect(SearchIndex.script(for: context) == SearchIndex.scriptWithEncoder(for: context))
    }
}
