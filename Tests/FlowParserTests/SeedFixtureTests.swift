import FlowCore
import FlowModel
import FlowParser
import FlowTestSupport
import Testing

/// The project's Flow Markdown rendering of the seed page, with the seed's own inconsistencies.
@Suite struct SeedFixtureTests {
    let content: ContentSet
    let flow: Flow

    init() async throws {
        content = try await ContentLoader().load(from: Fixtures.url("seed/content"))
        flow = try #require(content.flow(id: "initiate-connection-script-mode-salesforce"))
    }

    @Test func hasNineStepsNumberedOneToNine() {
        #expect(flow.procedures.count == 1)
        #expect(flow.steps.map(\.number) == Array(1...9))
        #expect(flow.steps.map(\.anchor) == (1...9).map { "step-\($0)" })
    }

    @Test func readsModeChoiceWithScriptSelected() throws {
        let choice = try #require(flow.steps[3].choice)
        #expect(choice.options.map(\.label) == ["Basic", "Visual", "Script"])
        #expect(choice.selected?.label == "Script")
        #expect(choice.options[0].properties.first == "Automatic configuration of basic fields")
    }

    @Test func readsConnectionInformationFieldTable() throws {
        let table = try #require(flow.steps[5].fieldTable)
        #expect(table.fields.count == 4)
        #expect(table.fields.map(\.name).last == "Description")
        #expect(table.columns == ["Field", "Description"])
    }

    @Test func readsScreensOnStepsThreeFourSixAndEight() {
        let withScreens = flow.steps.filter { $0.screen != nil }.map(\.number)
        #expect(withScreens == [3, 4, 6, 8])
        let urlInput = flow.steps[2].screen?.elements.first
        #expect(urlInput?.kind == .input)
        #expect(urlInput?.required == true)
        #expect(urlInput?.value == "https://example.exalate.net")
    }

    @Test func readsImportantAndNoteCallouts() {
        #expect(flow.callouts.map(\.kind) == [.important, .note])
        #expect(flow.steps[8].callouts.map(\.kind) == [.note])
    }

    @Test func linksToTheFlowThatAcceptsTheInvitation() {
        let resolver = LinkResolver(content: content)
        let targets = flow.next.map { resolver.resolve($0.destination, from: flow.source, allowsFlowID: true) }
        #expect(targets == [.flow(id: "accept-invitation", fragment: nil)])
    }

    @Test func readsFacetsFromFrontMatter() {
        #expect(flow.metadata.product == "Exalate")
        #expect(flow.metadata.platform == "Salesforce")
        #expect(flow.metadata.mode == "Script")
        #expect(flow.metadata.updated == "2026-01-15")
    }

    @Test func parsesWithoutDiagnostics() {
        #expect(content.diagnostics.isEmpty, "Unexpected: \(content.diagnostics.map(\.summary))")
    }
}
