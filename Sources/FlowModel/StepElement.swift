public import FlowCore
public import FlowProse

/// A part of a step after its instruction, in source order.
public enum StepElement: Sendable, Hashable, Codable {
    /// An explanation paragraph, image, list or other prose.
    case prose(Block)
    case callout(Callout)
    /// Boxed: a field table takes 136 bytes, and stored in place it made every element of every
    /// step that size (most are prose, of 72); boxed, `check` on 10,000 pages peaks 5 MB lower.
    indirect case fieldTable(FieldTable)
    case screen(Screen)
    case choice(Choice)
    /// A nested ordered list.
    case substeps([Step])
    /// A paragraph starting with `Result:`; the label is not part of ``Paragraph/inlines``.
    case result(Paragraph)
}

extension Step {
    /// The prose blocks of the step.
    public var details: [Block] {
        elements.compactMap { if case .prose(let block) = $0 { block } else { nil } }
    }

    /// The callouts inside the step.
    public var callouts: [Callout] {
        elements.compactMap { if case .callout(let callout) = $0 { callout } else { nil } }
    }

    /// The step's first field table.
    public var fieldTable: FieldTable? {
        elements.lazy.compactMap { if case .fieldTable(let table) = $0 { table } else { nil } }.first
    }

    /// The step's first screen.
    public var screen: Screen? {
        elements.lazy.compactMap { if case .screen(let screen) = $0 { screen } else { nil } }.first
    }

    /// The step's first choice.
    public var choice: Choice? {
        elements.lazy.compactMap { if case .choice(let choice) = $0 { choice } else { nil } }.first
    }

    /// The step's sub-steps.
    public var substeps: [Step] {
        elements.flatMap { element -> [Step] in if case .substeps(let steps) = element { steps } else { [] } }
    }

    /// The step's result paragraph.
    public var result: Paragraph? {
        elements.lazy.compactMap { if case .result(let paragraph) = $0 { paragraph } else { nil } }.first
    }
}

/// A field table: the fields of a form, one row each.
///
/// ```markdown
/// | Field | Description |
/// | --- | --- |
/// | Connection name* | Name of the connection |
/// ```
public struct FieldTable: Sendable, Hashable, Codable {
    /// One row.
    public struct Field: Sendable, Hashable, Codable {
        /// The name without the required mark.
        public var name: String
        public var description: [Inline]
        /// From a trailing `*` on the name or a `Required` column saying yes.
        public var required: Bool
        public var defaultValue: String?
        public var example: String?
        public var range: SourceRange?

        public init(
            name: String,
            description: [Inline],
            required: Bool,
            defaultValue: String?,
            example: String?,
            range: SourceRange?
        ) {
            self.name = name
            self.description = description
            self.required = required
            self.defaultValue = defaultValue
            self.example = example
            self.range = range
        }
    }

    /// The header cells as written (`Field`, `Description`, ...).
    public var columns: [String]
    public var fields: [Field]
    /// The table as written, for rendering.
    public var table: Table
    public var range: SourceRange?

    public init(columns: [String], fields: [Field], table: Table, range: SourceRange?) {
        self.columns = columns
        self.fields = fields
        self.table = table
        self.range = range
    }
}

/// A choice between options: a bullet list whose items each begin with a bold label.
public struct Choice: Sendable, Hashable, Codable {
    /// One option.
    public struct Option: Sendable, Hashable, Codable {
        public var label: String
        /// The nested bullets and any text after the label, as plain text.
        public var properties: [String]
        /// The first link of the option's line, usually the flow for this option.
        public var link: String?
        /// Whether the instruction names this option in bold.
        public var isSelected: Bool
        public var range: SourceRange?

        public init(label: String, properties: [String], link: String?, isSelected: Bool, range: SourceRange?) {
            self.label = label
            self.properties = properties
            self.link = link
            self.isSelected = isSelected
            self.range = range
        }
    }

    public var options: [Option]
    public var range: SourceRange?

    public init(options: [Option], range: SourceRange?) {
        self.options = options
        self.range = range
    }

    /// The selected option, if the instruction names one.
    public var selected: Option? { options.first(where: \.isSelected) }
}
