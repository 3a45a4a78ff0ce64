public import ArgumentParser

/// The `flowdoc` command: turns Markdown help pages into guided flows.
public struct FlowdocCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "flowdoc",
        abstract: "Turn Markdown help pages into guided, checked, step-by-step flows.",
        discussion: """
            flowdoc reads the help pages in a content folder, builds a step model of every \
            procedure, checks that each flow is complete, and writes an HTML help site and JSON.

            Examples:
              flowdoc check content
              flowdoc build content --output site
              flowdoc export content --output flows.json
              flowdoc dump content/salesforce/initiate-connection-script-mode.md

            Exit codes: 0 success; 1 the content has errors; 2 usage or I/O failure.
            """,
        version: FlowdocVersion.current,
        subcommands: [Check.self, Build.self, Export.self, Dump.self]
    )

    public init() {}

    /// Runs the command line of the `flowdoc` executable.
    public static func runFromCommandLine() async {
        await main()
    }
}

/// The version of this build of flowdoc.
public enum FlowdocVersion {
    /// The version string, also written into the JSON export.
    public static let current = "0.1.0"
}
