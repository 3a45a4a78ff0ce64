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
        /// Every page of the content, drafts included.
        var site: ContentSummary
        /// The page of each source file, relative to the site's root (`a/b.md` → `a/b.html`),
        /// drafts included: made when asked (the preview server asks), not by every build.
        var pagePaths: [String: String] {
            Dictionary(
                site.pages.map { ($0.source, SitePaths.page(forFlowID: $0.id)) },
                uniquingKeysWith: { first, _ in first }
            )
        }
        /// The number of pages parsed while the content was loaded; the others had not changed
        /// since the last build (the site's generator parses those it has to render again).
        var parsedPages = 0
        /// How long each step took.
        var timings = BuildTimings()

        /// What `--verbose` prints of the build: each step's time, and what the caches spared.
        var timingLines: [String] {
            timings.lines(pages: site.pages.count, parsed: parsedPages, report: report)
        }
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
    /// Whether the loaded content is left to the process's exit rather than freed (``KeepAlive``):
    /// `flowdoc build` sets it; the preview server, which builds again and again, does not.
    var keepsContentUntilExit = false
    /// Parse results kept from build to build by the preview server; `nil` parses every page.
    var parseCache: ParseCache?

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
    /// One build at a time writes to an output folder: the build takes the output's
    /// ``FlowHTML/BuildLock`` first and holds it until the site is swapped in.
    ///
    /// - Returns: The diagnostics and whether the site was written.
    /// - Throws: ``FlowHTML/BuildLockError`` when another build holds the output,
    ///   ``FlowHTML/SiteWriterError`` for a refused output folder, ``FlowParser/ContentError``
    ///   for an unreadable content folder, ``FlowHTML/ThemeError`` for a broken theme, or
    ///   ``BuildFailure`` for a failed write (the previous site is then as it was).
    func perform() async throws -> Result {
        let writer = SiteWriter(output: outputURL, content: contentURL)
        try writer.validate()
        let lock = try BuildLock.acquire(for: outputURL)
        defer { lock.release() }
        let (configuration, configURL) = try ConfigurationReader.load(explicitPath: configPath, contentURL: contentURL)
        let loader = ContentLoader(
            options: ParseOptions(extraActionVerbs: configuration.actionVerbs),
            cache: parseCache
        )
        // A changed configuration can change how pages parse and what the rules report.
        let configurationBytes = configURL.flatMap { FileManager.default.contents(atPath: $0.path) } ?? Data()
        let checked = try await loadAndCheck(
            with: loader,
            configuration: configuration,
            configurationBytes: configurationBytes
        )
        // The caches are written beside the site; the build ends when they are.
        do {
            var result = try await build(checked, into: writer, with: loader, configuration, configurationBytes)
            await checked.cacheWrites.value
            result.timings = checked.timings
            result.timings.site = .now - checked.checkedAt
            return result
        } catch {
            await checked.cacheWrites.value
            throw error
        }
    }

    /// Builds the site of the checked content, unless the check found errors.
    private func build(
        _ checked: CheckedContent,
        into writer: SiteWriter,
        with loader: ContentLoader,
        _ configuration: CheckConfiguration,
        _ configurationBytes: Data
    ) async throws -> Result {
        let content = checked.loaded.content
        if keepsContentUntilExit { KeepAlive.keep(checked) }
        let diagnostics = checked.outcome.diagnostics
        guard !diagnostics.containsErrors else {
            return Result(
                diagnostics: diagnostics,
                fileCount: 0,
                didWrite: false,
                report: nil,
                site: checked.outcome.site,
                parsedPages: content.flows.count
            )
        }
        var theme = Theme.builtIn()
        if let themeURL = effectiveThemeURL { theme = try theme.overridden(by: themeURL) }
        var options = options
        options.allowsRawHTML = configuration.unsafeHTML
        var generator = SiteGenerator(
            content: content,
            contentRoot: contentURL,
            theme: theme,
            options: options,
            site: checked.outcome.site
        )
        generator.loadPage = pageLoader(loader, digests: checked.loaded.digests)
        let store = checked.store
        generator.storedSearchTerms = { store.searchTerms(of: $0) }
        generator.linkResolver = checked.outcome.resolver
        var builder = SiteBuilder(
            generator: generator,
            writer: writer,
            sourceDigests: checked.loaded.digests,
            incremental: incremental
        )
        builder.configurationKey = configurationBytes
        builder.siteFingerprint = checked.outcome.cache.site?.fingerprint
        builder.previousBuild = checked.previousBuild
        if keepsContentUntilExit {
            builder.keepUntilExit = { KeepAlive.keep($0) }
            KeepAlive.keep(generator)
        }
        let report: SiteBuilder.Report
        do {
            report = try await builder.build(progress: progress)
        } catch {
            let kept = FileManager.default.fileExists(atPath: outputURL.path)
            throw BuildFailure(output: outputURL.path, underlying: error, previousSiteKept: kept)
        }
        return Result(
            diagnostics: diagnostics,
            fileCount: report.fileCount,
            didWrite: true,
            report: report,
            site: checked.outcome.site,
            parsedPages: content.flows.count
        )
    }
}

/// A build that failed while writing the site; the output folder was not changed.
struct BuildFailure: Error, CustomStringConvertible {
    /// The output folder.
    var output: String
    /// What went wrong: a ``FlowHTML/SiteWriterError`` naming the file and the system's reason, or a theme error.
    var underlying: any Error
    /// Whether a previous site is in the output folder (untouched).
    var previousSiteKept = true

    var description: String {
        let outcome = previousSiteKept ? "the previous site was left as it was" : "nothing was written"
        return "can't build the site into \(output): \(underlying); \(outcome)"
    }
}
