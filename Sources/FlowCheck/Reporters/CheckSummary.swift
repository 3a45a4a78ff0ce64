public import FlowCore

/// The totals of a check run, and what reporters need besides the diagnostics.
public struct CheckSummary: Sendable, Hashable {
    /// The pages checked, relative to the content folder.
    public var pages: [String]
    public var errors: Int
    public var warnings: Int
    public var notes: Int
    /// Whether warnings fail the run (`--warnings-as-errors`).
    public var warningsAsErrors: Bool
    /// Prepended to every path in reports, usually the content folder as the user named it (`content/`).
    public var pathPrefix: String
    /// The version of flowdoc, for SARIF.
    public var toolVersion: String

    /// Counts the diagnostics of a run.
    ///
    /// - Parameters:
    ///   - diagnostics: Everything the run reports.
    ///   - pages: The pages checked, relative to the content folder.
    ///   - pathPrefix: Prepended to every path in reports.
    ///   - warningsAsErrors: Whether warnings fail the run.
    ///   - toolVersion: The version of flowdoc.
    public init(
        diagnostics: [Diagnostic],
        pages: [String],
        pathPrefix: String = "",
        warningsAsErrors: Bool = false,
        toolVersion: String = "0.0.0"
    ) {
        self.pages = pages
        self.errors = diagnostics.count { $0.severity == .error }
        self.warnings = diagnostics.count { $0.severity == .warning }
        self.notes = diagnostics.count { $0.severity == .note }
        self.pathPrefix = pathPrefix
        self.warningsAsErrors = warningsAsErrors
        self.toolVersion = toolVersion
    }

    /// Whether the run fails: errors, or warnings with ``warningsAsErrors``.
    public var failed: Bool { errors > 0 || (warningsAsErrors && warnings > 0) }

    /// Whether a diagnostic of `severity` fails the run.
    public func fails(_ severity: DiagnosticSeverity) -> Bool {
        severity == .error || (warningsAsErrors && severity == .warning)
    }

    /// `2 errors, 1 warning in 26 pages`; notes are mentioned only when there are some.
    public var line: String {
        var parts = [Self.count(errors, "error"), Self.count(warnings, "warning")]
        if notes > 0 { parts.append(Self.count(notes, "note")) }
        return "\(parts.joined(separator: ", ")) in \(Self.count(pages.count, "page"))"
    }

    private static func count(_ value: Int, _ noun: String) -> String {
        "\(value) \(noun)\(value == 1 ? "" : "s")"
    }
}

/// Turns the diagnostics of a check run into text for a person or a tool.
public protocol Reporter: Sendable {
    /// The report for `diagnostics` (sorted by file and position) and their `summary`.
    func report(_ diagnostics: [Diagnostic], summary: CheckSummary) -> String
}

/// The output formats of `flowdoc check --format`.
public enum ReportFormat: String, Sendable, CaseIterable {
    case text, json, sarif, github, junit

    /// The reporter for this format; `colored` applies to text only.
    public func reporter(colored: Bool = false) -> any Reporter {
        switch self {
        case .text: TextReporter(colored: colored)
        case .json: JSONReporter()
        case .sarif: SARIFReporter()
        case .github: GitHubReporter()
        case .junit: JUnitReporter()
        }
    }
}
