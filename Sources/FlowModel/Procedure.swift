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
    /// The step's fields, shared by its copies until one of them changes (copy-on-write), as
    /// ``Flow``'s are: rules and renderers copy steps (``Flow/steps``) in every loop.
    @usableFromInline var storage: CopyOnWriteBox<Fields>

    /// The number the author wrote, so gaps and repeats can be reported.
    @inlinable public var number: Int {
        _read { yield storage.fields.number }
        _modify {
            CopyOnWriteBox.makeUnique(&storage)
            yield &storage.fields.number
        }
    }
    /// The 1-based position in the procedure.
    @inlinable public var index: Int {
        _read { yield storage.fields.index }
        _modify {
            CopyOnWriteBox.makeUnique(&storage)
            yield &storage.fields.index
        }
    }
    /// The step's permanent anchor in its page, such as `step-3`.
    @inlinable public var anchor: String {
        _read { yield storage.fields.anchor }
        _modify {
            CopyOnWriteBox.makeUnique(&storage)
            yield &storage.fields.anchor
        }
    }
    /// The instruction's first word when it is an action verb (`Click`, `Enter`), else `nil`.
    @inlinable public var action: String? {
        _read { yield storage.fields.action }
        _modify {
            CopyOnWriteBox.makeUnique(&storage)
            yield &storage.fields.action
        }
    }
    /// The first paragraph of the step.
    @inlinable public var instruction: Paragraph {
        _read { yield storage.fields.instruction }
        _modify {
            CopyOnWriteBox.makeUnique(&storage)
            defer { storage.fields.text = storage.fields.instruction.inlines.plainText }
            yield &storage.fields.instruction
        }
    }
    /// Each bold span of the instruction: the tab, button, field or option to act on.
    @inlinable public var targets: [UITarget] {
        _read { yield storage.fields.targets }
        _modify {
            CopyOnWriteBox.makeUnique(&storage)
            yield &storage.fields.targets
        }
    }
    /// Each code span of the instruction: a literal value to type.
    @inlinable public var literals: [Literal] {
        _read { yield storage.fields.literals }
        _modify {
            CopyOnWriteBox.makeUnique(&storage)
            yield &storage.fields.literals
        }
    }
    /// Everything else in the step, in source order.
    @inlinable public var elements: [StepElement] {
        _read { yield storage.fields.elements }
        _modify {
            CopyOnWriteBox.makeUnique(&storage)
            yield &storage.fields.elements
        }
    }
    @inlinable public var range: SourceRange? {
        _read { yield storage.fields.range }
        _modify {
            CopyOnWriteBox.makeUnique(&storage)
            yield &storage.fields.range
        }
    }

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
        storage = CopyOnWriteBox(
            Fields(
                number: number,
                index: index,
                anchor: anchor,
                action: action,
                instruction: instruction,
                text: instruction.inlines.plainText,
                targets: targets,
                literals: literals,
                elements: elements,
                range: range
            )
        )
    }

    /// The instruction as plain text: made once with the step, since search, the JSON and the
    /// page's structured data all read it.
    @inlinable public var text: String { storage.fields.text }
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
