public import FlowCore
public import FlowProse

/// A numbered procedure: the steps of one top-level ordered list (and its continuations).
public struct Procedure: Sendable, Hashable, Codable {
    /// The heading the procedure stands under, or the page title when there is none.
    public var title: String
    /// The anchor of the procedure's heading, empty when it has none.
    public var anchor: String
    public var steps: [Step]
    public var range: SourceRange?

    public init(title: String, anchor: String, steps: [Step], range: SourceRange?) {
        self.title = title
        self.anchor = anchor
        self.steps = steps
        self.range = range
    }
}

/// One step of a procedure.
///
/// ```markdown
/// 3. Enter the **Destination instance URL**, for example `https://example.exalate.net`.
/// ```
/// has the action `Enter`, the target `Destination instance URL` and the literal
/// `https://example.exalate.net`.
public struct Step: Sendable, Hashable, Codable {
    /// The number the author wrote, so gaps and repeats can be reported.
    public var number: Int
    /// The 1-based position in the procedure.
    public var index: Int
    /// The step's permanent anchor in its page, such as `step-3`.
    public var anchor: String
    /// The instruction's first word when it is an action verb (`Click`, `Enter`), else `nil`.
    public var action: String?
    /// The first paragraph of the step.
    public var instruction: Paragraph
    /// Each bold span of the instruction: the tab, button, field or option to act on.
    public var targets: [UITarget]
    /// Each code span of the instruction: a literal value to type.
    public var literals: [Literal]
    /// Everything else in the step, in source order.
    public var elements: [StepElement]
    public var range: SourceRange?

    public init(
        number: Int,
        index: Int,
        anchor: String,
        action: String?,
        instruction: Paragraph,
        targets: [UITarget],
        literals: [Literal],
        elements: [StepElement],
        range: SourceRange?
    ) {
        self.number = number
        self.index = index
        self.anchor = anchor
        self.action = action
        self.instruction = instruction
        self.targets = targets
        self.literals = literals
        self.elements = elements
        self.range = range
    }

    /// The instruction as plain text.
    public var text: String { instruction.inlines.plainText }
}

/// A bold span in an instruction: the name of something in the product's UI.
public struct UITarget: Sendable, Hashable, Codable {
    public var name: String
    public var range: SourceRange?

    public init(name: String, range: SourceRange?) {
        self.name = name
        self.range = range
    }
}

/// A code span in an instruction: a value to type as written.
public struct Literal: Sendable, Hashable, Codable {
    public var value: String
    public var range: SourceRange?

    public init(value: String, range: SourceRange?) {
        self.value = value
        self.range = range
    }
}
