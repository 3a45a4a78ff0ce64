public import FlowCore

/// GitHub Actions workflow commands, which show each problem as an annotation on the pull request.
///
/// For example:
///
/// ```
/// ::warning file=content/a.md,line=3,col=1,endLine=3,endColumn=1,title=StepNumberGap::Step number 4 follows 2; expected 3
/// ```
///
/// Notes follow the message on lines of their own; the summary ends the output as plain text.
public struct GitHubReporter: Reporter {
    /// Creates a GitHub reporter.
    public init() {}

    public func report(_ diagnostics: [Diagnostic], summary: CheckSummary) -> String {
        let prefix = summary.pathPrefix
        var output = ""
        for diagnostic in diagnostics {
            let command =
                switch diagnostic.severity {
                case .error: "error"
                case .warning: "warning"
                case .note: "notice"
                }
            var properties = ["file=\(Self.property(prefix + diagnostic.file))"]
            if let range = diagnostic.range, range.start.line > 0 {
                properties += [
                    "line=\(range.start.line)", "col=\(range.start.column)",
                    "endLine=\(range.end.line)", "endColumn=\(range.end.column)",
                ]
            }
            properties.append("title=\(Self.property(diagnostic.id))")
            var message = diagnostic.summary
            for note in diagnostic.notes {
                let position = note.range.map { ":\($0.start.line):\($0.start.column)" } ?? ""
                message += "\nnote: \(prefix)\(note.range?.file ?? diagnostic.file)\(position): \(note.message)"
            }
            output += "::\(command) \(properties.joined(separator: ","))::\(Self.data(message))\n"
        }
        return output + summary.line + "\n"
    }

    /// Escapes a command's message: `%`, carriage return and line feed.
    static func data(_ text: String) -> String {
        text.replacing("%", with: "%25").replacing("\r", with: "%0D").replacing("\n", with: "%0A")
    }

    /// Escapes a property value: as ``data(_:)`` plus `:` and `,`.
    static func property(_ text: String) -> String {
        data(text).replacing(":", with: "%3A").replacing(",", with: "%2C")
    }
}
