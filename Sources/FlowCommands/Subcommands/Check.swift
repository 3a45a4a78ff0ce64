public import ArgumentParser
import FlowCheck
import FlowParser
import Foundation

extension ReportFormat: ExpressibleByArgument {}

extension FlowdocCommand {
    /// `flowdoc check`: proves each flow is complete and matches the product.
    struct Check: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "check",
            abstract: "Check the help pages and report problems with file, line and column.",
            discussion: """
                Reads every page of the content folder, runs every rule (see docs/rules.md) and prints \
                one line per problem, sorted by file and position, then a summary. Settings are read \
                from flowdoc.yml in the content folder's parent, or from --config.

                Examples:
                  flowdoc check
                  flowdoc check content --format github
                  flowdoc check content --format sarif > flowdoc.sarif
                  flowdoc check content --warnings-as-errors --config ci/flowdoc.yml
                  flowdoc check content --fix

                Exit codes:
                  0  no errors (warnings and notes allowed)
                  1  errors, or warnings with --warnings-as-errors
                  2  usage error, invalid flowdoc.yml, or a file that can't be read or written
                """
        )

        @OptionGroup var content: ContentOptions
        @OptionGroup var output: OutputOptions

        @Option(help: "The report format: text, json, sarif (2.1.0), github (workflow annotations) or junit (XML).")
        var format: ReportFormat = .text

        @Flag(help: "Fail (exit 1) on warnings as well as errors.")
        var warningsAsErrors = false

        @Option(
            help: ArgumentHelp(
                "The configuration file (default: flowdoc.yml next to the content folder).",
                valueName: "file"
            )
        )
        var config: String?

        @Flag(help: "Apply mechanical fixes (renumbering steps) to the pages, then report what is left.")
        var fix = false

        func run() async throws {
            let action = CheckAction(
                contentURL: content.contentURL,
                configPath: config,
                format: format,
                warningsAsErrors: warningsAsErrors,
                fix: fix,
                colored: format == .text && output.colorsStandardOutput,
                quiet: output.quiet,
                verbose: output.verbose,
                pathPrefix: Self.pathPrefix(for: content.contentDirectory)
            )
            let result: CheckAction.Result
            do {
                result = try await action.run()
            } catch {
                Console.error("error: \(error)\n")
                throw ExitCode(2)
            }
            for message in result.messages { Console.error(message + "\n") }
            Console.out(result.report)
            if result.exitCode != 0 { throw ExitCode(result.exitCode) }
        }

        /// `content/` for `content`; nothing for `.`.
        static func pathPrefix(for directory: String) -> String {
            if directory == "." || directory == "./" || directory.isEmpty { return "" }
            return directory.hasSuffix("/") ? directory : directory + "/"
        }
    }
}
