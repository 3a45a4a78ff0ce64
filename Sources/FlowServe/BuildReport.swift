public import FlowCore

/// What one build of the site produced, as the preview server needs it.
///
/// The server does not build anything itself: ``PreviewServer`` calls a ``SiteBuild`` closure,
/// which runs the same build as `flowdoc build` and describes the outcome with this value.
public struct BuildReport: Sendable {
    /// Whether the build wrote a new site; `false` keeps the previous site in place.
    public var didWrite: Bool
    /// Every parse and check diagnostic, sorted; paths are relative to the content folder.
    public var diagnostics: [Diagnostic]
    /// The site page of each source file: `salesforce/a.md` gives `salesforce/a.html`.
    public var pagePaths: [String: String]
    /// A failure that stopped the build before the content was checked (an invalid
    /// `flowdoc.yml`, a broken theme, an unreadable folder), as one line of text.
    public var failure: String?

    /// Creates a report.
    ///
    /// - Parameters:
    ///   - didWrite: Whether a new site was written.
    ///   - diagnostics: The diagnostics of the content.
    ///   - pagePaths: The page path of each source file, relative to the site's root.
    ///   - failure: An environment failure, if the build could not run.
    public init(
        didWrite: Bool,
        diagnostics: [Diagnostic] = [],
        pagePaths: [String: String] = [:],
        failure: String? = nil
    ) {
        self.didWrite = didWrite
        self.diagnostics = diagnostics
        self.pagePaths = pagePaths
        self.failure = failure
    }

    /// The number of error diagnostics.
    public var errorCount: Int { diagnostics.filter { $0.severity == .error }.count }

    /// The page a diagnostic concerns: from ``pagePaths``, else the source path with `.md`
    /// replaced by `.html`.
    public func pagePath(forSource source: String) -> String {
        if let path = pagePaths[source] { return path }
        return source.hasSuffix(".md") ? String(source.dropLast(3)) + ".html" : source
    }
}

/// Builds the site once and reports what happened; called at start and after every change.
public typealias SiteBuild = @Sendable () async -> BuildReport
