public import FlowCore
public import FlowProse

extension Step {
    /// The stored fields of a step; their names are the keys of its `Codable` form.
    @usableFromInline struct Fields: Sendable, Hashable, Codable {
        @usableFromInline var number: Int
        @usableFromInline var index: Int
        @usableFromInline var anchor: String
        @usableFromInline var action: String?
        @usableFromInline var instruction: Paragraph
        @usableFromInline var targets: [UITarget]
        @usableFromInline var literals: [Literal]
        @usableFromInline var elements: [StepElement]
        @usableFromInline var range: SourceRange?
    }

    public static func == (lhs: Step, rhs: Step) -> Bool {
        lhs.storage === rhs.storage || lhs.storage.fields == rhs.storage.fields
    }

    public func hash(into hasher: inout Hasher) {
        storage.fields.hash(into: &hasher)
    }

    public init(from decoder: any Decoder) throws {
        storage = CopyOnWriteBox(try Fields(from: decoder))
    }

    public func encode(to encoder: any Encoder) throws {
        try storage.fields.encode(to: encoder)
    }
}
