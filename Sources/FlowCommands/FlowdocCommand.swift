public import ArgumentParser
import FlowCore

/// The `flowdoc` command: turns Markdown help pages into guided flows.
public struct FlowdocCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "flowdoc",
        abstract: "Turn Markdown help pages into guided, checked, step-by-step flows.",
        discussion: """
            flowdoc reads the help pages in a content folder, builds a step model of every \
            procedure, checks that each flow is complete, and writes an HTML help site and JSON.

            Examples:
              flowdoc init help-center
              flowdoc new salesforce/export-data.md --title "Export data"
              flowdoc serve content
              flowdoc check content
              flowdoc build content --output site
              flowdoc export content --output flows.json
              flowdoc dump content/salesforce/initiate-connection-script-mode.md

            Exit codes: 0 success; 1 the content has errors; 2 usage or I/O failure.
            """,
        version: FlowdocVersion.current,
        // Each names itself (`commandName`): a name derived from the type is `String(describing:)`
        // of it, which scanned every protocol conformance in the binary at each start.
        subcommands: [Init.self, New.self, Check.self, Build.self, Serve.self, Export.self, Dump.self]
    )

    public init() {}

    /// Runs the command line of the `flowdoc` executable.
    ///
    /// The process ends when the command does, so the loaded content is kept until then instead of
    /// being freed (see `KeepAlive`).
    public static func runFromCommandLine() async {
        KeepAlive.enable()
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            // Usage errors exit 2, as the help says, rather than ArgumentParser's 64.
            if exitCode(for: error) == .validationFailure {
                Console.error(fullMessage(for: error) + "\n")
                exit(withError: ExitCode(2))
            }
            exit(withError: error)
        }
    }
}
