public import ArgumentParser

public struct FlowdocCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(commandName: "flowdoc")
    public init() {}

    /// Runs the command line of the `flowdoc` executable.
    public static func runFromCommandLine() async {
        await main()
    }
}
