import ArgumentParser
import FlowCore
import FlowModel
import FlowParser
import Foundation

extension FlowdocCommand {
    /// `flowdoc dump`: a readable tree of one page's model, for debugging pages and the parser.
    struct Dump: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "dump",
            abstract: "Print a readable tree of one page's step model.",
            discussion: """
                Shows every procedure, step, target, literal, field table, screen, choice and \
                callout the parser found, each with its position (line:column, columns in UTF-8 bytes).

                Example:
                  flowdoc dump content/salesforce/initiate-connection-script-mode.md
                """
        )

        @Argument(
            help: ArgumentHelp("The Markdown page to show.", valueName: "file.md"),
            completion: .file(extensions: ["md"])
        )
        var file: String

        @OptionGroup var output: OutputOptions

        func run() async throws {
            guard let data = FileManager.default.contents(atPath: file) else {
                throw ValidationFailure("can't read \(file): no such file or not readable")
            }
            let text = String(decoding: data, as: UTF8.self)
            let (flow, diagnostics) = PageParser().parse(text, source: file)
            Console.out(flow.dump())
            Console.error(DiagnosticFormatter(colored: output.colorsStandardError).format(diagnostics))
        }
    }
}
