import FlowCheck
import FlowCore
import FlowHTML
import FlowModel
import FlowParser
import Foundation

/// Builds the help site: loads the content, stops on errors, generates the pages and swaps
/// them into the output folder.
struct BuildAction {
    /// What a build did.
    struct Result {
        /// Every diagnostic found, sorted.
        var diagnostics: [Diagnostic]
        /// The number of files written; 0 when the build stopped on errors.
        var fileCount: Int
        /// Whether the site was written.
        var didWrite: Bool
        /// Pages built and reused, when the site was written.
        var report: SiteBuilder.Report?
    }

    var contentURL: URL
    var outputURL: URL
    /// A theme folder given with `--theme`; else `theme/` beside the content folder, when it exists.
    var themeURL: URL?
    var options: SiteOptions
    /// An explicit `--config` path; else `flowdoc.yml` next to the content folder is used if it exists.
    var configPath: String?
    /// The date `updated` is compared with.
    var today: CalendarDate = .today()
    /// Whether pages of the previous build may be reused (`--no-incremental` turns it off).
    var incremental = true
    /// Called from any task with the pages rendered and the pages in all.
    var progress: (@Sendable (_ done: Int, _ total: Int) -> Void)?

    /// The theme folder in force, if any.
    var effectiveThemeURL: URL? {
        if let themeURL { return themeURL }
        let beside = contentURL.deletingLastPathComponent().appendingPathComponent("theme")
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: beside.path, isDirectory: &isDirectory) && isDirectory.boolValue
            ? beside : nil
    }

    /// Runs the build.
    ///
    /// - Returns: The diagnostics and whether the site was written.
    /// - Throws: ``FlowHTML/SiteWriterError`` for a refused output folder, ``FlowParser/ContentError``
    ///   for an unreadable content folder, ``FlowHTML/ThemeError`` for a broken theme, or a write error.
    func perform() async throws -> Result {
        let writer = SiteWriter(output: outputURL, content: contentURL)
        try writer.validate()
        let (configuration, configURL) = try ConfigurationReader.load(explicitPath: configPath, contentURL: contentURL)
        let loaded = try await ContentLoader(options: ParseOptions(extraActionVerbs: configuration.actionVerbs))
            .loadWithDigests(from: contentURL)
        let content = loaded.content
        let context = CheckContext(configuration: configuration, today: today)
        let diagnostics = ContentChecker().check(content, context: context)
        guard !diagnostics.containsErrors else {
            return Result(diagnostics: diagnostics, fileCount: 0, didWrite: false, report: nil)
        }
        var theme = try Theme.builtIn()
        if let themeURL = effectiveThemeURL { theme = try theme.overridden(by: themeURL) }
        var options = options
        options.allowsRawHTML = configuration.unsafeHTML
        let generator = SiteGenerator(content: content, contentRoot: contentURL, theme: theme, options: options)
        var builder = SiteBuilder(generator: generator, writer: writer, sourceDigests: loaded.digests, incremental: incremental)
        // A changed configuration can change how pages parse: it rebuilds everything.
        builder.configurationKey = configURL.flatMap { FileManager.default.contents(atPath: $0.path) } ?? Data()
        let report = try await builder.build(progress: progress)
        return Result(diagnostics: diagnostics, fileCount: report.fileCount, didWrite: true, report: report)
    }
}
