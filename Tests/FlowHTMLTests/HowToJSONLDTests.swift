import FlowModel
import FlowParser
import FlowTestSupport
import Foundation
import Testing

@testable import FlowHTML

/// The schema.org script written directly is the encoder's, byte for byte.
@Suite struct HowToJSONLDTests {
    @Test(arguments: ["content", "Tests/Fixtures/xss/content"])
    func everyFlowOfAContentFolderIsWrittenAsTheEncoderWritesIt(folder: String) async throws {
        let content = try await ContentLoader().load(from: Fixtures.packageRoot.appendingPathComponent(folder))
        let context = SiteContext(content: content, options: SiteOptions(baseURL: "https://help.example.com/"))
        #expect(content.flows.count > 3)
        for flow in content.flows {
            let script = HowToJSONLD.script(for: flow, context: context)
            #expect(script == HowToJSONLD.scriptWithEncoder(for: flow, context: context), "\(flow.id)")
        }
    }

    /// Every character the direct writing escapes, before, inside and after a block of sixteen
    /// bytes; text it leaves to the encoder (non-ASCII, control characters) in the last pages.
    @Test(arguments: [
        #"A "quoted" title"#,
        #"Sixteen bytes ok then \back\slash, <tag>, & and "quote" at the end""#,
        "Tabs\tand\r\nbreaks far enough along to cross the first block\t",
        "<&>",
        "A title with a non-ASCII letter: café",
        "A title with a control character \u{1} in it",
    ])
    func escapesWhatTheEncoderEscapes(title: String) throws {
        let page = "# \(title.replacingOccurrences(of: "\n", with: " "))\n\n\(title)\n\n1. Click **\(title)**.\n"
        let flow = PageParser().parse(page, source: "a.md").flow
        let context = SiteContext(
            content: ContentSet(flows: [flow], assets: [], product: nil, diagnostics: []),
            options: SiteOptions()
        )
        let script = HowToJSONLD.script(for: flow, context: context)
        #expect(script == HowToJSONLD.scriptWithEncoder(for: flow, context: context))
        #expect(!script.contains("<"))
    }
}
