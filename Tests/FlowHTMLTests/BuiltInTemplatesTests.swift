import FlowModel
import FlowParser
import FlowTestSupport
import Foundation
import Testing

@testable import FlowHTML

/// The built-in templates written in Swift (`BuiltInTemplates`) give the bytes Mustache gives
/// for the same templates, on every kind of page and construct.
@Suite struct BuiltInTemplatesTests {
    /// Content folders with every construct: the shipped help center, the test fixtures (the
    /// "everything" page, the seed, hostile text) and a generated corpus.
    static let folders: [(name: String, url: URL, rawHTML: Bool)] = [
        ("shipped content", Fixtures.shippedContent, false),
        ("fixtures", Fixtures.url(""), false),
        ("xss with raw HTML", Fixtures.url("xss/content"), true),
    ]

    @Test(arguments: folders.indices)
    func builtInRenderersWriteTheBytesOfMustache(folder: Int) async throws {
        let (name, url, rawHTML) = Self.folders[folder]
        let content = try await ContentLoader().load(from: url)
        try Self.expectSamePages(content, options: SiteOptions(allowsRawHTML: rawHTML), name: name)
    }

    @Test func builtInRenderersWriteTheBytesOfMustacheOnAGeneratedCorpus() async throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let corpus = folder.appendingPathComponent("corpus")
        let result = try PythonScript.run("Benchmarks/generate-corpus.py", arguments: ["150", corpus.path])
        try #require(result.status == 0, "generate-corpus.py failed: \(result.output)")
        let content = try await ContentLoader().load(from: corpus)
        try Self.expectSamePages(content, options: SiteOptions(siteTitle: "Corpus <&\"'>"), name: "corpus")
    }

    @Test func aPageWithoutProcedureOrIndexRendersTheSame() throws {
        let flow = Flow(
            id: "a/b",
            source: "a/b.md",
            kind: .overview,
            title: "Only <text> & \"quotes\"",
            titleRange: nil,
            summary: "",
            metadata: Metadata(),
            body: [],
            next: []
        )
        let content = ContentSet(flows: [flow], assets: [], product: nil, diagnostics: [])
        try Self.expectSamePages(content, options: SiteOptions(baseURL: "https://x.test/'docs'/"), name: "overview")
    }

    @Test func aThemeThatOverridesAPartialIsRenderedByMustache() throws {
        var theme = Theme.builtIn()
        #expect(BuiltInTemplates.renderable(in: theme.templates) == ["flow", "overview", "layout", "graph"])
        theme.templates["step"] = "<li>{{number}} overridden</li>\n"
        #expect(BuiltInTemplates.renderable(in: theme.templates) == ["layout", "graph"])
        theme.templates["layout"] = "{{{body}}}"
        #expect(BuiltInTemplates.renderable(in: theme.templates) == ["graph"])
        theme.templates["graph"] = "<main>{{{svg}}}</main>\n"
        #expect(BuiltInTemplates.renderable(in: theme.templates).isEmpty)

        let page = try Fixtures.text("everything.md")
        let flow = PageParser().parse(page, source: "everything.md").flow
        let content = ContentSet(flows: [flow], assets: [], product: nil, diagnostics: [])
        let context = SiteContext(content: content, options: SiteOptions())
        let html = try PageRenderer(context: context, templates: TemplateSet(theme: theme)).flowPage(flow)
        #expect(html.contains("<li>1 overridden</li>"))
        #expect(!html.contains("<!DOCTYPE html>"))
    }

    /// Renders every page of `content` with the built-in renderers and with Mustache alone and
    /// expects the same text.
    private static func expectSamePages(_ content: ContentSet, options: SiteOptions, name: String) throws {
        let context = SiteContext(content: content, options: options)
        let fast = PageRenderer(context: context, templates: try TemplateSet(theme: .builtIn()))
        let mustache = PageRenderer(
            context: context,
            templates: try TemplateSet(theme: .builtIn(), usesBuiltInRenderers: false)
        )
        try #require(!content.publishedFlows.isEmpty, "\(name): no page")
        for flow in content.publishedFlows {
            let expected = try mustache.flowPage(flow)
            let actual = try fast.flowPage(flow)
            if actual != expected {
                Issue.record("\(name): \(flow.source) differs at \(firstDifference(actual, expected))")
            }
        }
        #expect(try fast.homeWithoutIndex() == mustache.homeWithoutIndex())
        #expect(try fast.notFoundPage() == mustache.notFoundPage())
        #expect(try fast.graphPage() == mustache.graphPage())
        #expect(try fast.searchPage() == mustache.searchPage())
    }

    /// The line of the first difference, from both texts, to read in a failure message.
    private static func firstDifference(_ actual: String, _ expected: String) -> String {
        let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
        for (index, line) in actualLines.enumerated() where index >= expectedLines.count || expectedLines[index] != line
        {
            let other = index < expectedLines.count ? String(expectedLines[index]) : "<end>"
            return "line \(index + 1): \(line.debugDescription) but Mustache wrote \(other.debugDescription)"
        }
        return "the end (Mustache wrote \(expectedLines.count) lines, the built-in renderer \(actualLines.count))"
    }
}
