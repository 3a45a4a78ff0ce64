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
        let (configuration, _) = try ConfigurationReader.load(explicitPath: configPath, contentURL: contentURL)
        let content = try await ContentLoader(options: ParseOptions(extraActionVerbs: configuration.actionVerbs)).load(from: contentURL)
        let context = CheckContext(configuration: configuration, today: today)
        let diagnostics = ContentChecker().check(content, context: context)
        guard !diagnostics.containsErrors else {
            return Result(diagnostics: diagnostics, fileCount: 0, didWrite: false)
        }
        var theme = try Theme.builtIn()
        if let themeURL = effectiveThemeURL { theme = try theme.overridden(by: themeURL) }
        var options = options
        options.allowsRawHTML = configuration.unsafeHTML
        let generator = SiteGenerator(content: content, contentRoot: contentURL, theme: theme, options: options)
        let files = try generator.generate()
        try writer.write(files)
        return Result(diagnostics: diagnostics, fileCount: files.count, didWrite: true)
    }
}
