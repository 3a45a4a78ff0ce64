import FlowCore
import FlowModel
import FlowParser
import FlowTestSupport
import Testing

/// One page that uses every construct of the format; its model dump is a golden file.
@Suite struct EverythingFixtureTests {
    @Test func dumpMatchesGoldenFile() throws {
        let text = try Fixtures.text("everything.md")
        let (flow, diagnostics) = PageParser().parse(text, source: "everything.md")
        #expect(diagnostics.isEmpty, "Unexpected: \(diagnostics.map(\.summary))")
        let outcome = Snapshot.compare(flow.dump(), named: "everything.dump.txt")
        #expect(outcome == .matches, "Record with RECORD_SNAPSHOTS=1 after checking the change: \(outcome)")
    }
}
