import FlowAdapters
import FlowModel
import FlowTestSupport
import Foundation
import Testing

/// Every format on the seed fixture, compared with `Snapshots/seed-<format>.<extension>`.
///
/// Record after checking a change with `RECORD_SNAPSHOTS=1 swift test --filter FlowAdaptersTests`.
@Suite struct GoldenFileTests {
    static let formats = ExportFormat.allCases.filter { $0 != .json }

    @Test(arguments: formats)
    func seedFixtureMatchesGoldenFile(format: ExportFormat) async throws {
        let content = try await TestContent.seed()
        let data = try format.render(content, options: ExportFormat.Options(version: "test"))
        let outcome = Snapshot.compare(
            String(decoding: data, as: UTF8.self),
            named: "seed-\(format.rawValue).\(format.fileExtension)"
        )
        #expect(outcome == .matches, "Record with RECORD_SNAPSHOTS=1 after checking the change: \(outcome)")
    }

    @Test(arguments: formats)
    func outputIsDeterministic(format: ExportFormat) async throws {
        let options = ExportFormat.Options(version: "test")
        let first = try format.render(try await TestContent.seed(), options: options)
        let second = try format.render(try await TestContent.seed(), options: options)
        #expect(first == second)
    }

    @Test func perFlowFormatsWriteOneFilePerFlowWithSteps() async throws {
        let content = try await TestContent.seed()
        for format in ExportFormat.allCases where format.isPerFlow {
            let files = try format.files(for: content, options: ExportFormat.Options(version: "test"))
            #expect(
                files.map(\.path) == [
                    "accept-invitation.\(format.fileExtension)",
                    "initiate-connection-script-mode-salesforce.\(format.fileExtension)",
                ],
                "\(format): the overview index.md has no steps, so no file"
            )
        }
    }
}
