import FlowCore
import FlowModel
import FlowParser
import Testing

@Suite struct PageParsingTests {
    func parse(_ markdown: String) -> (Flow, [Diagnostic]) {
        PageParser().parse(markdown, source: "area/page.md")
    }

    @Test(arguments: [
        ("> [!TIP]\n> Use a short name.\n", "tip"),
        ("> **Note:** It doesn't matter which side starts.\n", "note"),
        ("> **Warning**: Deleting can't be undone.\n", "warning"),
        ("Caution: this removes all data.\n", "caution"),
        ("> [!important]\n> Lowercase kinds work too.\n", "important"),
    ])
    func readsCalloutSyntaxes(markdown: String, kind: String) throws {
        let (flow, _) = parse(markdown)
        let callout = try #require(flow.callouts.first)
        #expect(callout.kind.rawValue == kind)
        #expect(!callout.blocks.isEmpty)
    }

    @Test func keepsOrdinaryQuotesAsProse() {
        let (flow, _) = parse("> Just a quote.\n")
        #expect(flow.callouts.isEmpty)
    }

    @Test func takesTitleSummaryAndIDDefaults() {
        let (flow, _) = parse(
            "# Accept an invitation\n\nAccept the code the other side sent.\n\n1. Click **Accept**.\n2. Click **Done**.\n"
        )
        #expect(flow.id == "area/page")
        #expect(flow.title == "Accept an invitation")
        #expect(flow.summary == "Accept the code the other side sent.")
        #expect(flow.kind == .flow)
    }

    @Test func pageWithoutProcedureIsOverview() {
        let (flow, _) = parse("# Area\n\nSee [the flow](flow.md).\n")
        #expect(flow.kind == .overview)
    }

    @Test func readsFrontMatterAndKeepsPositions() {
        let markdown =
            "---\nid: custom\ntitle: From front matter\nplatform: Jira Cloud\ntags: [a, b]\nnext: [other]\nowner: docs-team\n---\n# Heading\n\n1. Click **A**.\n2. Click **B**.\n"
        let (flow, diagnostics) = parse(markdown)
        #expect(diagnostics.isEmpty)
        #expect(flow.id == "custom")
        #expect(flow.title == "From front matter")
        #expect(flow.metadata.tags == ["a", "b"])
        #expect(flow.metadata.extra["owner"] == .string("docs-team"))
        #expect(flow.next.map(\.destination) == ["other"])
        #expect(flow.steps.first?.range?.start == SourceLocation(line: 11, column: 1))
    }

    @Test func reportsUnterminatedFrontMatter() throws {
        let (flow, diagnostics) = parse("---\ntitle: x\n\n1. Click **A**.\n2. Click **B**.\n")
        let diagnostic = try #require(diagnostics.first)
        #expect(diagnostic.id == "FrontMatterUnterminated")
        #expect(diagnostic.range?.start == SourceLocation(line: 1, column: 1))
        #expect(flow.steps.count == 2)
    }

    @Test func reportsInvalidYAMLWithPosition() throws {
        let (_, diagnostics) = parse("---\ntitle: ok\n\tbad: tab\n---\n# T\n")
        let diagnostic = try #require(diagnostics.first)
        #expect(diagnostic.id == "FrontMatterInvalid")
        #expect(diagnostic.range?.start.line == 3)
    }

    @Test func reportsFrontMatterThatIsAList() throws {
        let (_, diagnostics) = parse("---\n- a\n- b\n---\n# T\n")
        #expect(diagnostics.map(\.id) == ["FrontMatterNotMapping"])
        #expect(diagnostics.first?.range?.start == SourceLocation(line: 2, column: 1))
    }

    @Test func collectsNextLinksFromWhatsNextSection() {
        let markdown =
            "# T\n\n1. Click **A**.\n2. Click **B**.\n\n## What's next?\n\n- [Accept](accept.md)\n- [Configure](../sync/configure.md#step-2)\n\n## Other\n\n[not next](x.md)\n"
        let (flow, _) = parse(markdown)
        #expect(flow.next.map(\.destination) == ["accept.md", "../sync/configure.md#step-2"])
        #expect(flow.next.first?.text == "Accept")
    }

    @Test func acceptsCRLFLineEndings() {
        let (flow, _) = parse("# T\r\n\r\n1. Click **A**.\r\n2. Click **B**.\r\n")
        #expect(flow.steps.map(\.text) == ["Click A.", "Click B."])
        #expect(flow.steps[1].targets.first?.range?.start == SourceLocation(line: 4, column: 10))
    }

    @Test func flattensHostileNesting() {
        let markdown = String(repeating: "> ", count: 5000) + "deep\n"
        let (_, diagnostics) = parse(markdown)
        #expect(diagnostics.map(\.id) == ["NestingTooDeep"])
    }
}
