import FlowModel
import FlowParser
import FlowTestSupport
import Foundation
import Testing

@testable import FlowHTML

/// The flow map page is written in pieces (the page around the drawing, the drawing), so that its
/// drawing is not copied into the page: the pieces must be the page.
@Suite struct GraphPagePiecesTests {
    static func renderer(_ theme: Theme, builtIn: Bool = true) async throws -> PageRenderer {
        let content = try await ContentLoader().load(from: Fixtures.shippedContent)
        let context = SiteContext(content: content, options: SiteOptions(siteTitle: "Help <&>"))
        return PageRenderer(context: context, templates: try TemplateSet(theme: theme, usesBuiltInRenderers: builtIn))
    }

    @Test(arguments: [true, false])
    func cutsThePageAroundTheDrawing(builtIn: Bool) async throws {
        let renderer = try await Self.renderer(.builtIn(), builtIn: builtIn)
        let svg = FlowGraphSVG.svg(for: renderer.context, edges: FlowGraphSVG.edges(in: renderer.context))
        let pieces = try renderer.graphPagePieces()
        #expect(pieces.count == 3)
        #expect(pieces[1] == svg)
        #expect(pieces.joined() == (try renderer.graphPage(svg: svg)))
        #expect(!pieces.joined().contains(PageRenderer.drawingMarker))
    }

    /// A theme that escapes the drawing loses the marker too: the page is made whole, as before.
    @Test func makesThePageWholeWhenAThemeDoesNotKeepTheMarker() async throws {
        var theme = Theme.builtIn()
        theme.templates["graph"] = "<main>{{svg}}</main>\n"
        let renderer = try await Self.renderer(theme)
        let svg = FlowGraphSVG.svg(for: renderer.context, edges: FlowGraphSVG.edges(in: renderer.context))
        let pieces = try renderer.graphPagePieces()
        #expect(pieces == [try renderer.graphPage(svg: svg)])
        #expect(pieces[0].contains("&lt;svg class=&quot;flow-graph&quot;"))
    }

    @Test func stagingWritesThePiecesOneAfterTheOther() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let staging = SiteStaging(root: folder)
        try staging.makeFolders(for: ["a/graph.html"])
        try staging.write(SiteFile(path: "a/graph.html", contents: .texts(["<p>", "", "drawing é", "</p>\n"])))
        let written = try String(contentsOf: folder.appendingPathComponent("a/graph.html"), encoding: .utf8)
        #expect(written == "<p>drawing é</p>\n")
    }
}
