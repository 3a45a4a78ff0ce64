import ArgumentParser
import FlowCheck
import FlowCore
import FlowHTML
import FlowModel
import FlowParser
import FlowServe
import Foundation

extension FlowdocCommand {
    /// `flowdoc serve`: live preview while writing.
    struct Serve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "serve",
            abstract: "Preview the help site while you write: build, serve, rebuild on change, reload the browser.",
            discussion: """
                Builds the site the way flowdoc build does (into a temporary folder, or --output), \
                serves it at http://127.0.0.1:8000/ and watches the content folder, flowdoc.yml and \
                the theme. After every change it rebuilds, and open pages reload by themselves, \
                keeping their scroll position and guided-mode step.

                Problems found by check are printed here and shown in a panel on the page they \
                concern, with line numbers. When the content has errors, the last good version of \
                the site stays on screen, with the panel saying what to fix.

                The server listens on loopback only unless --host says otherwise. Stop it with Ctrl-C.

                Examples:
                  flowdoc serve
                  flowdoc serve docs/content --port 8080
                  flowdoc serve --output /tmp/preview --theme brand
                """
        )

        @OptionGroup var content: ContentOptions
        @OptionGroup var output: OutputOptions

        @Option(help: ArgumentHelp("The port to listen on (0: any free port).", valueName: "n"))
        var port: Int = 8000

        @Option(
            help: ArgumentHelp(
                "The address to listen on; 0.0.0.0 exposes the preview to your network.",
                valueName: "address"
            )
        )
        var host: String = "127.0.0.1"

        @Option(
            name: [.customShort("o"), .customLong("output")],
            help: ArgumentHelp(
                "The folder to build the site into (default: a temporary folder, removed on exit).",
                valueName: "dir"
            )
        )
        var outputDirectory: String?

        @Option(
            help: ArgumentHelp(
                "A folder of templates and assets that override the built-in theme by name.",
                valueName: "dir"
            )
        )
        var theme: String?

        @Option(
            help: ArgumentHelp(
                "The configuration file (default: flowdoc.yml next to the content folder).",
                valueName: "file"
            )
        )
        var config: String?

        func validate() throws {
            guard (0...65_535).contains(port) else { throw ValidationError("--port must be between 0 and 65535.") }
            guard !host.isEmpty else { throw ValidationError("--host can't be empty.") }
        }

        func run() async throws {
            let contentURL = content.contentURL
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: contentURL.path, isDirectory: &isDirectory),
                isDirectory.boolValue
            else {
                Console.error("error: \(content.contentDirectory): no such folder; create one with flowdoc init\n")
                throw ExitCode(2)
            }
            var temporary: URL?
            let outputURL: URL
            if let outputDirectory {
                outputURL = URL(fileURLWithPath: outputDirectory).standardizedFileURL
            } else {
                let folder = FileManager.default.temporaryDirectory
                    .appendingPathComponent(
                        "flowdoc-serve-\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: 0 ... .max))"
                    )
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                temporary = folder
                outputURL = folder.appendingPathComponent("site")
            }
            defer { if let temporary { try? FileManager.default.removeItem(at: temporary) } }

            let builder = PreviewBuilder(
                contentURL: contentURL,
                outputURL: outputURL,
                themeURL: theme.map { URL(fileURLWithPath: $0).standardizedFileURL },
                configPath: config,
                pathPrefix: Check.pathPrefix(for: content.contentDirectory),
                colored: output.colorsStandardError,
                quiet: output.quiet
            )
            // Refuse an output folder flowdoc build would refuse, before serving anything.
            do {
                try SiteWriter(output: outputURL, content: contentURL).validate()
            } catch {
                Console.error("error: \(error)\n")
                throw ExitCode(2)
            }
            let server = PreviewServer(
                configuration: .init(
                    host: host,
                    port: port,
                    siteRoot: outputURL,
                    watchedPaths: builder.watchedPaths,
                    sourcePrefix: builder.pathPrefix,
                    build: { await builder.build() },
                    log: { line in Console.error(line + "\n") }
                )
            )
            do {
                try await server.run(handlesSignals: true)
            } catch {
                Console.error("error: can't serve on \(host):\(port): \(error)\n")
                throw ExitCode(2)
            }
            Console.error("Stopped.\n")
        }
    }
}

/// One preview build: `flowdoc build`'s ``BuildAction`` with the settings of `flowdoc.yml`,
/// the diagnostics printed to the terminal, and each page's source for the problem panel.
struct PreviewBuilder: Sendable {
    var contentURL: URL
    var outputURL: URL
    var themeURL: URL?
    var configPath: String?
    /// The content folder as the user named it, with `/`, for paths in messages.
    var pathPrefix: String
    var colored = false
    var quiet = false
    /// Where messages go; standard error by default.
    var print: @Sendable (String) -> Void = { Console.error($0) }
    /// The parse results of the previous build: a save parses only the pages it changed.
    let parseCache = ParseCache()

    /// The content folder, the configuration file and the theme folder (watched even before they exist).
    var watchedPaths: [URL] {
        let config =
            configPath.map { URL(fileURLWithPath: $0).standardizedFileURL }
            ?? contentURL.deletingLastPathComponent().appendingPathComponent(ConfigurationReader.fileName)
        let theme = themeURL ?? contentURL.deletingLastPathComponent().appendingPathComponent("theme")
        return [contentURL, config, theme]
    }

    /// Builds the site and reports the outcome; never throws: failures become the report's `failure`.
    func build() async -> BuildReport {
        do {
            var action = BuildAction(
                contentURL: contentURL,
                outputURL: outputURL,
                themeURL: themeURL,
                options: SiteOptions()
            )
            action.configPath = configPath
            action.parseCache = parseCache
            let result = try await action.perform()
            report(result.diagnostics)
            return BuildReport(didWrite: result.didWrite, diagnostics: result.diagnostics, pagePaths: result.pagePaths)
        } catch {
            print("error: \(error)\n")
            return BuildReport(didWrite: false, failure: "\(error)")
        }
    }

    private func report(_ diagnostics: [Diagnostic]) {
        let shown = quiet ? diagnostics.filter { $0.severity == .error } : diagnostics
        let text = DiagnosticFormatter(colored: colored, pathPrefix: pathPrefix).format(shown)
        if !text.isEmpty { print(text.hasSuffix("\n") ? text : text + "\n") }
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.filter { $0.severity == .warning }.count
        if errors > 0 {
            print(
                "Build stopped: \(errors) error\(errors == 1 ? "" : "s"); fix \(errors == 1 ? "it" : "them") and save to rebuild\n"
            )
        } else if !quiet {
            print("Built the site: \(warnings) warning\(warnings == 1 ? "" : "s")\n")
        }
    }
}
