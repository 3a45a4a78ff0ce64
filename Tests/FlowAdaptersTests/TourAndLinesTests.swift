import FlowAdapters
import FlowModel
import Foundation
import Testing

@Suite struct TourTests {
    @Test func infersRolesFromScreensChoicesWordsAndActions() async throws {
        let content = try await TestContent.seed()
        let flow = try #require(content.flow(id: "initiate-connection-script-mode-salesforce"))
        let tour = try #require(TourExporter().tour(for: flow))
        let targets = tour.steps.map { $0.target.map { "\($0.role) \($0.name)" } ?? "-" }
        #expect(
            targets == [
                "tab Connections", "button Initiate Connection", "textbox Destination instance URL", "radio Script",
                "button Next", "-", "button Initiate", "button Copy invitation code", "button Go to remote",
            ]
        )
        #expect(
            tour.steps[1].attachTo == Tour.Attachment(element: "[aria-label=\"Initiate Connection\"]", on: "bottom")
        )
        #expect(tour.steps[5].attachTo == nil)
    }

    @Test func firstStepHasNoBackAndLastStepCompletes() async throws {
        let tour = try #require(
            TourExporter().tour(
                for: TestContent.pages([("t.md", "# T\n\n1. Click **A**.\n2. Click **B**.\n")]).flows[0]
            )
        )
        #expect(tour.steps.map { $0.buttons.map(\.action) } == [["next"], ["back", "complete"]])
        #expect(tour.id == "t" && tour.steps.map(\.id) == ["step-1", "step-2"])
    }

    @Test func selectorEscapesQuotes() {
        #expect(
            AccessibleTarget(role: .button, name: #"Say "hi" \ now"#).selector == #"[aria-label="Say \"hi\" \\ now"]"#
        )
    }
}

@Suite struct JSONLinesTests {
    @Test func writesOneSortedObjectPerStep() async throws {
        let content = try await TestContent.seed()
        let text = String(decoding: try JSONLinesExporter().export(content), as: UTF8.self)
        let lines = text.split(separator: "\n")
        #expect(lines.count == 13)
        #expect(text.hasSuffix("}\n"))
        let first = try #require(lines.first)
        #expect(
            first.hasPrefix(#"{"action":"Go","anchor":"step-1","fields":[],"flowId":"accept-invitation","#),
            "\(first)"
        )
        let records = try lines.map { try JSONDecoder().decode(JSONLinesExporter.Record.self, from: Data($0.utf8)) }
        let fields = try #require(
            records.first { $0.flowId == "initiate-connection-script-mode-salesforce" && $0.stepNumber == 6 }?.fields
        )
        #expect(
            fields.map(\.name) == [
                "Local instance short name", "Destination instance short name", "Connection name", "Description",
            ]
        )
        #expect(records.last?.url == "initiate-connection-script-mode-salesforce.html#step-9")
    }
}
