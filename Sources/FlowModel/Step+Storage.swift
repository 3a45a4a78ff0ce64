public import FlowCore
public import FlowProse

extension Step {
    /// The stored fields of a step; their names are the keys of its `Codable` form, but for
    /// `text`, which is made from the instruction.
    @usableFromInline struct Fields: Sendable, Hashable {
        @usableFromInline var number: Int
        @usableFromInline var index: Int
        @usableFromInline var anchor: String
        @usableFromInline var action: String?
        @usableFromInline var instruction: Paragraph
        /// The instruction as plain text (``Step/text``).
        @usableFromInline var text: String
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

extension Step.Fields: Codable {
    @usableFromInline enum CodingKeys: String, CodingKey {
        case number, index, anchor, action, instruction, targets, literals, elements, range
    }

    @usableFromInline init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        number = try container.decode(Int.self, forKey: .number)
        index = try container.decode(Int.self, forKey: .index)
        anchor = try container.decode(String.self, forKey: .anchor)
        action = try container.decodeIfPresent(String.self, forKey: .action)
        instruction = try container.decode(Paragraph.self, forKey: .instruction)
        text = instruction.inlines.plainText
        targets = try container.decode([UITarget].self, forKey: .targets)
        literals = try container.decode([Literal].self, forKey: .literals)
        elements = try container.decode([StepElement].self, forKey: .elements)
        range = try container.decodeIfPresent(SourceRange.self, forKey: .range)
    }
}
