/// How serious a ``Diagnostic`` is.
public enum DiagnosticSeverity: String, Sendable, Hashable, Codable, Comparable, CaseIterable {
    /// The page can't be used as written; `check` fails and `build` stops.
    case error
    /// The output is affected; fails `check` only with `--warnings-as-errors`.
    case warning
    /// Worth knowing; never fails anything.
    case note

    private var rank: Int {
        switch self {
        case .error: 2
        case .warning: 1
        case .note: 0
        }
    }

    public static func < (lhs: DiagnosticSeverity, rhs: DiagnosticSeverity) -> Bool { lhs.rank < rhs.rank }
}

/// A problem found in a help page, addressed to the writer.
///
/// `id` is stable and user-facing (`StepNumberGap`): configuration and CI filters refer to it,
/// so never rename one casually.
public struct Diagnostic: Sendable, Hashable, Codable {
    /// A related position, such as "Field table row defined here".
    public struct Note: Sendable, Hashable, Codable {
        public var range: SourceRange?
        public var message: String

        public init(range: SourceRange?, message: String) {
            self.range = range
            self.message = message
        }
    }

    /// A mechanical fix: replace each range's text with new text.
    public struct FixIt: Sendable, Hashable, Codable {
        /// A text edit.
        ///
        /// `range` covers whole characters from `start` to `end` inclusive.
        public struct Replacement: Sendable, Hashable, Codable {
            public var range: SourceRange
            public var text: String

            public init(range: SourceRange, text: String) {
                self.range = range
                self.text = text
            }
        }

        /// A verb phrase, such as "Renumber step".
        public var summary: String
        public var replacements: [Replacement]

        public init(summary: String, replacements: [Replacement]) {
            self.summary = summary
            self.replacements = replacements
        }
    }

    public var severity: DiagnosticSeverity
    /// The rule's stable identifier, UpperCamelCase.
    public var id: String
    /// The narrowest range that shows the problem; `nil` when no position is known.
    public var range: SourceRange?
    /// The path of the file, relative to the content folder, when ``range`` is `nil`.
    public var file: String
    /// A terse, rule-like sentence without a final period.
    public var summary: String
    /// What to do about it, in a sentence or two.
    public var explanation: String?
    public var notes: [Note]
    public var fixIts: [FixIt]

    /// Creates a diagnostic.
    ///
    /// - Parameters:
    ///   - severity: How serious the problem is.
    ///   - id: The stable rule identifier.
    ///   - range: Where the problem is; its file is used as ``file``.
    ///   - file: The file, for a diagnostic that has no range.
    ///   - summary: The one-line message.
    ///   - explanation: An optional longer text, usually what to do next.
    ///   - notes: Related positions.
    ///   - fixIts: Mechanical fixes.
    public init(
        _ severity: DiagnosticSeverity,
        id: String,
        range: SourceRange?,
        file: String? = nil,
        summary: String,
        explanation: String? = nil,
        notes: [Note] = [],
        fixIts: [FixIt] = []
    ) {
        self.severity = severity
        self.id = id
        self.range = range
        self.file = file ?? range?.file ?? ""
        self.summary = summary
        self.explanation = explanation
        self.notes = notes
        self.fixIts = fixIts
    }

    /// The line of the problem, 0 when unknown.
    public var line: Int { range?.start.line ?? 0 }
    /// The UTF-8 byte column of the problem, 0 when unknown.
    public var column: Int { range?.start.column ?? 0 }
}

extension Diagnostic: Comparable {
    /// Orders by file, line, column, then rule and message, so output is stable.
    public static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        (lhs.file, lhs.line, lhs.column, lhs.id, lhs.summary) < (rhs.file, rhs.line, rhs.column, rhs.id, rhs.summary)
    }
}

extension Array where Element == Diagnostic {
    /// Whether any diagnostic is an error.
    public var containsErrors: Bool { contains { $0.severity == .error } }
}
