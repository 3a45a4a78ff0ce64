public import FlowCore

/// The JSON report, for scripts.
///
/// Its shape:
///
/// ```json
/// {"diagnostics": [{"file": "content/a.md", "line": 3, "column": 1, "severity": "warning",
///   "rule": "StepNumberGap", "message": "…", "notes": [{"file", "line", "column", "message"}]}],
///  "summary": {"errors": 0, "warnings": 1, "notes": 0, "pages": 26, "failed": false}}
/// ```
///
/// Keys are sorted; `line` and `column` are 0 when unknown, columns count UTF-8 bytes.
public struct JSONReporter: Reporter {
    /// Creates a JSON reporter.
    public init() {}

    public func report(_ diagnostics: [Diagnostic], summary: CheckSummary) -> String {
        let prefix = summary.pathPrefix
        let items = diagnostics.map { diagnostic -> JSONValue in
            var object: [String: JSONValue] = [
                "file": .string(prefix + diagnostic.file),
                "line": .int(diagnostic.line),
                "column": .int(diagnostic.column),
                "severity": .string(diagnostic.severity.rawValue),
                "rule": .string(diagnostic.id),
                "message": .string(diagnostic.summary),
                "notes": .array(
                    diagnostic.notes.map { note in
                        .object([
                            "file": .string(prefix + (note.range?.file ?? diagnostic.file)),
                            "line": .int(note.range?.start.line ?? 0),
                            "column": .int(note.range?.start.column ?? 0),
                            "message": .string(note.message),
                        ])
                    }
                ),
            ]
            if let explanation = diagnostic.explanation { object["explanation"] = .string(explanation) }
            if !diagnostic.fixIts.isEmpty {
                object["fixIts"] = .array(diagnostic.fixIts.map { .string($0.summary) })
            }
            return .object(object)
        }
        let totals: [String: JSONValue] = [
            "errors": .int(summary.errors),
            "warnings": .int(summary.warnings),
            "notes": .int(summary.notes),
            "pages": .int(summary.pages.count),
            "failed": .bool(summary.failed),
        ]
        return JSONValue.object(["diagnostics": .array(items), "summary": .object(totals)]).text
    }
}
