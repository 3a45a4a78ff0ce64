import ArgumentParser
import FlowCore
import FlowHTML
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

extension FlowdocCommand {
    /// `flowdoc build`: the static help site.
    struct Build: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "build",
            abstract: "Build the static help site from the content folder.",
            discussion: """
                Writes one page per flow at <id>.html, a home page listing the flows by product, \
                platform and mode, a flow map, a search page, a 404 page, sitemap.xml, the assets, \
                the images of the content folder and the JSON export, compact (flows.json, \
                json/<id>.json).

                The build stops without touching the output folder when the content has errors. \
                The site is written to a temporary folder beside the output folder and swapped in \
                only when complete. flowdoc refuses an output folder that is /, your home folder, \
                the content folder or a folder containing it, and a non-empty folder it did not write.

                A theme/ folder beside the content folder (or --theme) overrides any template \
                (flow.mustache, layout.mustache, ...) or asset (flowdoc.css, flowdoc.js) by name.

                A build after the first one reuses what can't have changed (cache: \
                .<output>.flowdoc-cache beside the output folder). --verbose tells how long \
                reading, checking and building took, and how many pages were parsed, rendered \
                and reused.

                Examples:
                  flowdoc build                          # content/ to site/
                  flowdoc build docs --output public
                  flowdoc build --verbose                # each step's time, what was reused
                  flowdoc build --theme brand --base-url https://help.example.com/
                """
        )

        @OptionGroup var content: ContentOptions
        @OptionGroup var output: OutputOptions

        @Option(
            name: [.customShort("o"), .customLong("output")],
            help: ArgumentHelp("The folder to write the site to.", valueName: "dir")
        )
        var outputDirectory: String = "site"

        @Option(
            help: ArgumentHelp(
                "A folder of templates and assets that override the built-in theme by name.",
                valueName: "dir"
            )
        )
        var theme: String?

        @Option(
            help: ArgumentHelp(
                "The URL the site is published at, for sitemap.xml and structured data (default: relative URLs).",
                valueName: "url"
            )
        )
        var baseURL: String?

        @Option(
            help: ArgumentHelp(
                "The site name in every page's header (default: the title of index.md).",
                valueName: "title"
            )
        )
        var siteTitle: String?

        @Option(
            help: ArgumentHelp(
                "The configuration file (default: flowdoc.yml next to the content folder).",
                valueName: "file"
            )
        )
        var config: String?

        @Flag(
            inversion: .prefixedNo,
            help:
                "Reuse the pages of the previous build whose output can't have changed (cache: .<output>.flowdoc-cache beside the output folder)."
        )
        var incremental = true

        func run() async throws {
            let started = ContinuousClock.now
            let progress = output.quiet || isatty(STDERR_FILENO) == 0 ? nil : BuildProgress(started: started)
            var action = BuildAction(
                contentURL: content.contentURL,
                outputURL: URL(fileURLWithPath: outputDirectory).standardizedFileURL,
                themeURL: theme.map { URL(fileURLWithPath: $0).standardizedFileURL },
                options: SiteOptions(siteTitle: siteTitle, baseURL: baseURL),
                configPath: config
            )
            action.incremental = incremental
            action.keepsContentUntilExit = true
            if let progress {
                action.progress = { done, total in progress.update(done: done, total: total) }
            }
            let result: BuildAction.Result
            do {
                result = try await action.perform()
                progress?.clear()
            } catch {
                progress?.clear()
                Console.error("error: \(error)\n")
                throw ExitCode(2)
            }
            let formatter = DiagnosticFormatter(
                colored: output.colorsStandardError,
                pathPrefix: content.contentDirectory + "/"
            )
            let shown = result.diagnostics.filter { !output.quiet || $0.severity == .error }
            Console.error(formatter.format(shown))
            if output.verbose { Console.error(result.timingLines.map { $0 + "\n" }.joined()) }
            guard result.didWrite else {
                let count = result.diagnostics.filter { $0.severity == .error }.count
                Console.error(
                    "error: build stopped: \(count) error\(count == 1 ? "" : "s") in the content; \(outputDirectory) was not changed\n"
                )
                throw ExitCode.failure
            }
            if let progress, let report = result.report {
                let seconds = (ContinuousClock.now - started).seconds
                Console.error(progress.summary(report, seconds: seconds, output: outputDirectory))
            } else if !output.quiet {
                Console.out("Built \(result.fileCount) files into \(outputDirectory)\n")
            }
        }
    }
}
