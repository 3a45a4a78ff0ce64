import FlowCheck
import FlowCore
import FlowModel
import FlowParser
import Foundation

/// Loads a content folder, checks it and renders the report: the work of `flowdoc check`,
/// callable from tests without a process.
struct CheckAction {
    /// What a run produced.
    struct Result {
        /// Every diagnostic after fixes, with configured severities, sorted.
        var diagnostics: [Diagnostic]
        var summary: CheckSummary
        /// The report in the requested format.
        var report: String
        /// Messages for standard error (configuration used, files fixed).
        var messages: [String]
        /// The files `--fix` rewrote, relative to the content folder.
        var fixedFiles: [String]

        /// 0 when the run passes, 1 when it fails.
        var exitCode: Int32 { summary.failed ? 1 : 0 }
    }

    var contentURL: URL
    /// An explicit `--config` path; else `flowdoc.yml` next to the content folder is used if it exists.
    var configPath: String?
    var format: ReportFormat = .text
    var warningsAsErrors = false
    var fix = false
    var colored = false
    /// Report only what fails the run (errors; warnings too with ``warningsAsErrors``), and in
    /// the text format nothing at all when the run passes.
    var quiet = false
    var verbose = false
    /// Prepended to paths in the report, usually the content folder as the user named it.
    var pathPrefix = ""
    var today = CalendarDate.today()
    var toolVersion = FlowdocVersion.current

    /// Runs the check.
    ///
    /// - Throws: ``ConfigurationError`` for a bad `flowdoc.yml`, ``FlowParser/ContentError`` for
    ///   an unreadable content folder, and file errors when `--fix` can't write: all exit 2.
    func run() async throws -> Result {
        let (configuration, configURL) = try ConfigurationReader.load(explicitPath: configPath, contentURL: contentURL)
        var messages: [String] = []
        if verbose {
            messages.append("Using \(configURL.map { "configuration \($0.path)" } ?? "the default configuration")")
        }
        let loader = ContentLoader(options: ParseOptions(extraActionVerbs: configuration.actionVerbs))
        let context = CheckContext(configuration: configuration, today: today)
        var content = try await loader.load(from: contentURL)
        // The outcome's summaries are left to the process's exit with the content (``KeepAlive``).
        let outcome = ContentChecker().check(content, context: context, digests: [:], reusing: PageCheckCache(key: 0))
        KeepAlive.keep(outcome)
        var diagnostics = outcome.diagnostics
        var fixedFiles: [String] = []
        if fix {
            let (files, count) = try applyFixIts(in: diagnostics)
            fixedFiles = files
            if count > 0 {
                messages.append(
                    "Fixed \(count) problem\(count == 1 ? "" : "s") in \(files.count) file\(files.count == 1 ? "" : "s")"
                )
                content = try await loader.load(from: contentURL)
                diagnostics = ContentChecker().check(content, context: context)
            }
        }
        if verbose { messages.append("Checked \(content.flows.count) pages with \(Rules.all.count) rules") }
        let summary = CheckSummary(
            diagnostics: diagnostics,
            pages: content.flows.map(\.source),
            pathPrefix: pathPrefix,
            warningsAsErrors: warningsAsErrors,
            toolVersion: toolVersion
        )
        // Quiet: only what fails the run, and in the text report the summary only then.
        let shown = quiet ? diagnostics.filter { summary.fails($0.severity) } : diagnostics
        let report =
            quiet && format == .text && !summary.failed
            ? "" : format.reporter(colored: colored).report(shown, summary: summary)
        KeepAlive.keep(content)
        return Result(
            diagnostics: diagnostics,
            summary: summary,
            report: report,
            messages: messages,
            fixedFiles: fixedFiles
        )
    }

    /// Rewrites the bytes in the fix-it ranges of each affected file, and nothing else.
    ///
    /// - Returns: The files changed and the number of fix-its applied.
    private func applyFixIts(in diagnostics: [Diagnostic]) throws -> (files: [String], applied: Int) {
        var byFile: [String: [Diagnostic.FixIt.Replacement]] = [:]
        for diagnostic in diagnostics {
            for fixIt in diagnostic.fixIts {
                for replacement in fixIt.replacements {
                    byFile[replacement.range.file.isEmpty ? diagnostic.file : replacement.range.file, default: []]
                        .append(replacement)
                }
            }
        }
        var changed: [String] = []
        var applied = 0
        for file in byFile.keys.sorted() {
            guard let path = LinkResolver.normalize(file, relativeTo: "") else { continue }
            let url = contentURL.appendingPathComponent(path)
            let bytes = [UInt8](try Data(contentsOf: url))
            let result = FixItApplier.apply(byFile[file] ?? [], to: bytes)
            guard result.bytes != bytes else { continue }
            try Data(result.bytes).write(to: url)
            changed.append(file)
            applied += result.applied
        }
        return (changed, applied)
    }
}
