import ArgumentParser
import FlowAdapters
import FlowCore
import FlowJSON
import FlowModel
import FlowParser
import Foundation

/// `--format`: an ``ExportFormat`` by name (a wrapper, since a conformance of the public type would
/// need a public import of ArgumentParser).
struct ExportFormatArgument: ExpressibleByArgument {
    var format: ExportFormat

    init(_ format: ExportFormat) { self.format = format }

    init?(argument: String) {
        guard let format = ExportFormat(rawValue: argument) else { return nil }
        self.format = format
    }

    var defaultValueDescription: String { format.rawValue }
    static var allValueStrings: [String] { ExportFormat.allCases.map(\.rawValue) }
}

extension FlowdocCommand {
    /// `flowdoc export`: the step model as JSON, or in a format another tool reads.
    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export",
            abstract: "Write every flow's steps, field tables and screens as JSON, or in a format another tool reads.",
            discussion: """
                Formats (--format):
                  json        the full model as one document (the default)
                  jsonl       one JSON object per step and line, for search and chat
                  howto       schema.org HowTo JSON-LD, per flow
                  tour        a Shepherd.js / Intro.js guided tour, per flow
                  playwright  a Playwright TypeScript test skeleton, per flow
                  mermaid     the flow graph as a Mermaid flowchart
                  dot         the flow graph as a Graphviz digraph

                The json document has a top-level formatVersion, the generator, and flows in \
                path order; its JSON Schema ships as flowdoc-export.schema.json (written into every built site). Tours \
                and tests name UI targets by accessible name (role and label).

                howto, tour and playwright are per flow. When --output names a folder (an \
                existing folder, or a path ending in / or without an extension), each flow with \
                steps gets its own file there: <flow-id>.jsonld, <flow-id>.json or \
                <flow-id>.spec.ts. Otherwise, and on standard output, the flows are combined: \
                a JSON array for howto and tour, one spec file with a test per flow for \
                playwright. The other formats always write one file. Only json includes drafts \
                and overviews.

                Problems found while parsing are printed to standard error; the export still \
                contains what could be read.

                Examples:
                  flowdoc export                      # content/ as JSON to standard output
                  flowdoc export docs --output flows.json
                  flowdoc export --format jsonl --output steps.jsonl
                  flowdoc export --format howto --base-url https://help.example.com -o ld/
                  flowdoc export --format tour --output tours.json   # one array
                  flowdoc export --format playwright --output e2e/flows
                  flowdoc export --format dot | dot -Tsvg > flows.svg
                """
        )

        @OptionGroup var content: ContentOptions
        @OptionGroup var output: OutputOptions

        @Option(name: .customLong("format"), help: ArgumentHelp("The format to write.", valueName: "format"))
        var formatArgument = ExportFormatArgument(.json)

        var format: ExportFormat { formatArgument.format }

        @Option(
            name: [.customShort("o"), .customLong("output"), .customLong("output-file")],
            help: ArgumentHelp(
                "Write to this file, or for howto, tour and playwright to this folder, instead of standard output.",
                valueName: "path"
            )
        )
        var outputPath: String?

        @Option(
            help: ArgumentHelp("The site's public URL, to make the URLs of howto and jsonl absolute.", valueName: "url")
        )
        var baseURL: String?

        func validate() throws {
            if let outputPath, !format.isPerFlow, Self.isExistingFolder(outputPath) || outputPath.hasSuffix("/") {
                throw ValidationError("--format \(format.rawValue) writes one file; '\(outputPath)' is a folder.")
            }
        }

        func run() async throws {
            let loaded = try await ContentLoader().load(from: content.contentURL)
            KeepAlive.keep(loaded)
            let formatter = DiagnosticFormatter(
                colored: output.colorsStandardError,
                pathPrefix: content.contentDirectory + "/"
            )
            let shown = loaded.diagnostics.filter { !output.quiet || $0.severity == .error }
            Console.error(formatter.format(shown))
            let options = ExportFormat.Options(version: FlowdocVersion.current, pageURL: PageURL(baseURL: baseURL))
            if format == .json {
                // Streamed flow by flow: the document is never in memory as a whole.
                let exporter = FlowJSONExporter(version: options.version)
                if let outputPath {
                    try FileOutput.writeAtomically(to: URL(fileURLWithPath: outputPath)) { append in
                        try exporter.write(loaded, to: append)
                    }
                    if output.verbose { Console.error("Wrote \(loaded.flows.count) flows as json to \(outputPath)\n") }
                } else {
                    try exporter.write(loaded) { FileHandle.standardOutput.write(Data($0)) }
                }
                return
            }
            guard let outputPath else {
                FileHandle.standardOutput.write(try format.render(loaded, options: options))
                return
            }
            if format.isPerFlow, Self.namesFolder(outputPath) {
                let folder = URL(fileURLWithPath: outputPath, isDirectory: true)
                let files = try format.files(for: loaded, options: options)
                for file in files {
                    let url = folder.appendingPathComponent(file.path)
                    try Self.createFolder(url.deletingLastPathComponent())
                    try FileOutput.writeAtomically(file.data, to: url)
                }
                if output.verbose { Console.error("Wrote \(files.count) \(format.rawValue) files to \(outputPath)\n") }
            } else {
                try FileOutput.writeAtomically(
                    try format.render(loaded, options: options),
                    to: URL(fileURLWithPath: outputPath)
                )
                if output.verbose {
                    Console.error("Wrote \(loaded.flows.count) flows as \(format.rawValue) to \(outputPath)\n")
                }
            }
        }

        /// Whether `path` names a folder: an existing one, or a path ending in `/` or without an extension.
        static func namesFolder(_ path: String) -> Bool {
            isExistingFolder(path) || path.hasSuffix("/") || URL(fileURLWithPath: path).pathExtension.isEmpty
        }

        static func isExistingFolder(_ path: String) -> Bool {
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
        }

        static func createFolder(_ url: URL) throws {
            do {
                try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
            } catch {
                throw ValidationFailure("can't create \(url.path): \(error.localizedDescription)")
            }
        }
    }
}
