public import FlowCore

/// The editor-parsable text report: one `path:line:column: severity: message [RuleID]` line per
/// problem, `note:` lines for related positions, then a one-line summary.
///
/// ```
/// content/setup.md:12:1: warning: Step number 4 follows 2; expected 3 [StepNumberGap]
/// content/setup.md:11:1: note: Step 2 is here
/// 0 errors, 1 warning in 26 pages
/// ```
public struct TextReporter: Reporter {
    /// Whether severities are coloured with ANSI escapes (only on a terminal).
    public var colored: Bool

    /// Creates a text reporter.
    public init(colored: Bool = false) {
        self.colored = colored
    }

    public func report(_ diagnostics: [Diagnostic], summary: CheckSummary) -> String {
        let formatter = DiagnosticFormatter(colored: colored, pathPrefix: summary.pathPrefix)
        return formatter.format(diagnostics) + summary.line + "\n"
    }
}
