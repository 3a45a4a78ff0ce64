/// Formats diagnostics the way compilers do, so editors and terminals can jump to them.
///
/// ```
/// content/setup.md:12:3: warning: Step 'Open settings' has no UI target [StepMissingTarget]
/// content/setup.md:9:1: note: Procedure starts here
/// ```
public struct DiagnosticFormatter: Sendable {
    /// Whether to colour the severity with ANSI escapes.
    public var colored: Bool
    /// Prepended to every file path, usually the content folder as the user named it.
    public var pathPrefix: String

    public init(colored: Bool = false, pathPrefix: String = "") {
        self.colored = colored
        self.pathPrefix = pathPrefix
    }

    /// Formats one diagnostic and its notes as lines of text, each ending in a newline.
    public func format(_ diagnostic: Diagnostic) -> String {
        var text = line(
            file: diagnostic.file,
            range: diagnostic.range,
            label: severityLabel(diagnostic.severity),
            message: "\(diagnostic.summary) [\(diagnostic.id)]"
        )
        for note in diagnostic.notes {
            text += line(
                file: note.range?.file ?? diagnostic.file,
                range: note.range,
                label: severityLabel(.note),
                message: note.message
            )
        }
        return text
    }

    /// Formats all diagnostics, sorted by file and position.
    public func format(_ diagnostics: [Diagnostic]) -> String {
        diagnostics.sorted().map(format).joined()
    }

    private func line(file: String, range: SourceRange?, label: String, message: String) -> String {
        let position = range.map { ":\($0.start.line):\($0.start.column)" } ?? ""
        return "\(pathPrefix)\(file)\(position): \(label): \(message)\n"
    }

    private func severityLabel(_ severity: DiagnosticSeverity) -> String {
        guard colored else { return severity.rawValue }
        let code =
            switch severity {
            case .error: "1;31"
            case .warning: "1;33"
            case .note: "1;36"
            }
        return "\u{1B}[\(code)m\(severity.rawValue)\u{1B}[0m"
    }
}
