public import FlowCore
import FlowProse

extension Flow {
    /// The stored fields of a page; their names are the keys of its `Codable` form.
    @usableFromInline struct Fields: Sendable, Hashable, Codable {
        @usableFromInline var id: String
        @usableFromInline var source: String
        @usableFromInline var kind: Kind
        @usableFromInline var title: String
        @usableFromInline var titleRange: SourceRange?
        @usableFromInline var summary: String
        @usableFromInline var metadata: Metadata
        @usableFromInline var body: [PageElement]
        @usableFromInline var next: [NextLink]
    }

    public static func == (lhs: Flow, rhs: Flow) -> Bool {
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
