import ArgumentParser
import FlowTestSupport
import Testing

@testable import FlowCommands

/// Every command's `--help` is part of the interface: it is checked against golden files.
@Suite struct HelpTextTests {
    static let commands: [(name: String, type: any ParsableCommand.Type)] = [
        ("flowdoc", FlowdocCommand.self),
        ("check", FlowdocCommand.Check.self),
        ("build", FlowdocCommand.Build.self),
        ("export", FlowdocCommand.Export.self),
        ("dump", FlowdocCommand.Dump.self),
        ("init", FlowdocCommand.Init.self),
        ("new", FlowdocCommand.New.self),
        ("serve", FlowdocCommand.Serve.self),
    ]

    @Test(arguments: commands.map(\.name))
    func helpMatchesGoldenFile(name: String) throws {
        let command = try #require(Self.commands.first { $0.name == name }?.type)
        let help = FlowdocCommand.helpMessage(for: command, columns: 100)
        let outcome = Snapshot.compare(help + "\n", named: "help-\(name).txt")
        #expect(outcome == .matches, "Record with RECORD_SNAPSHOTS=1 after checking the change: \(outcome)")
    }

    @Test(arguments: commands.map(\.name))
    func helpShowsExamples(name: String) throws {
        let command = try #require(Self.commands.first { $0.name == name }?.type)
        let help = FlowdocCommand.helpMessage(for: command, columns: 100)
        #expect(help.contains("Example"), "\(name) --help has no examples")
    }

    @Test func rootHelpDocumentsExitCodes() {
        let help = FlowdocCommand.helpMessage(columns: 100)
        #expect(help.contains("Exit codes: 0"))
    }
}
