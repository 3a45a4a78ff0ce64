/// A page's front matter, with the keys FORMAT.md names as fields and the rest in ``extra``.
public struct Metadata: Sendable, Hashable, Codable {
    public var id: String?
    public var title: String?
    public var summary: String?
    public var product: String?
    public var platform: String?
    public var mode: String?
    public var audience: String?
    /// The date of the last change, as written (`YYYY-MM-DD` when valid).
    public var updated: String?
    public var next: [String]
    public var tags: [String]
    /// `flow` or `overview` as written; `nil` when the page does not say.
    public var type: String?
    public var draft: Bool
    /// Unknown keys, kept so they travel to the JSON.
    public var extra: [String: MetadataValue]
    /// Where each key was written, for diagnostics.
    public var keyRanges: KeyRanges

    public init(
        id: String? = nil,
        title: String? = nil,
        summary: String? = nil,
        product: String? = nil,
        platform: String? = nil,
        mode: String? = nil,
        audience: String? = nil,
        updated: String? = nil,
        next: [String] = [],
        tags: [String] = [],
        type: String? = nil,
        draft: Bool = false,
        extra: [String: MetadataValue] = [:],
        keyRanges: KeyRanges = [:]
    ) {
        self.id = id
        self.title = title
        self.summary = summary
        self.product = product
        self.platform = platform
        self.mode = mode
        self.audience = audience
        self.updated = updated
        self.next = next
        self.tags = tags
        self.type = type
        self.draft = draft
        self.extra = extra
        self.keyRanges = keyRanges
    }

    /// The grouping facets by name (`product`, `platform`, `mode`, `audience`), only those set.
    public var facets: [(name: String, value: String)] {
        [("product", product), ("platform", platform), ("mode", mode), ("audience", audience)]
            .compactMap { name, value in value.map { (name, $0) } }
    }
}

/// A front-matter value of a key flowdoc does not know, as YAML gave it.
public indirect enum MetadataValue: Sendable, Hashable, Codable {
    case string(String)
    case number(Double)
    case bool(Bool)
    case list([MetadataValue])
    case map([String: MetadataValue])
    case null

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .string(let value): try container.encode(value)
        case .number(let value): try container.encode(value)
        case .bool(let value): try container.encode(value)
        case .list(let value): try container.encode(value)
        case .map(let value): try container.encode(value)
        case .null: try container.encodeNil()
        }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([MetadataValue].self) {
            self = .list(value)
        } else {
            self = .map(try container.decode([String: MetadataValue].self))
        }
    }
}
