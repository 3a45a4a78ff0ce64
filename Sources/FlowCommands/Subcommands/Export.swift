import ArgumentParser
import FlowCore
import FlowJSON
import FlowModel
import FlowParser
import Foundation

extension FlowdocCommand {
    /// `flowdoc export`: the step model of every flow as one JSON document.
    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write every flow's steps, field tables and screens as one JSON document.",
            discussion: """
                The document has a top-level formatVersion, the generator, and flows in path order. \
                Its JSON Schema ships as schema/flowdoc-export.schema.json. Problems found while \
                parsing are printed to standard error; the export still contains what could be read.

                Examples:
                  flowdoc export                      # content/ to standard output
                  flowdoc export docs --output flows.json
                """
        )

        @OptionGroup var content: ContentOptions
        @OptionGroup var output: OutputOptions

        @Option(name: .shortAndLong, help: ArgumentHelp("Write the JSON to this file instead of standard output.", valueName: "file"))
        var outputFile: String?

        func run() async throws {
            let loaded = try await ContentLoader().load(from: content.contentURL)
            let formatter = DiagnosticFormatter(colored: output.colorsStandardError, pathPrefix: content.contentDirectory + "/")
            let shown = loaded.diagnostics.filter { !output.quiet || $0.severity == .error }
            Console.error(formatter.format(shown))
            let data = try FlowJSONExporter(version: FlowdocVersion.current).export(loaded)
            if let outputFile {
                try FileOutput.writeAtomically(data, to: URL(fileURLWithPath: outputFile))
                if output.verbose { Console.error("Wrote \(loaded.flows.count) flows to \(outputFile)\n") }
            } else {
                FileHandle.standardOutput.write(data)
            }
        }
    }
}
