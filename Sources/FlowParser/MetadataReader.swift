import FlowCore
import FlowModel
import Yams

/// Reads front-matter keys into ``FlowModel/Metadata``, reporting values of the wrong type.
///
/// The reader takes the range of each key and value from its caller, since Yams marks can only
/// come from Yams: the front-matter fast path builds the same nodes without marks.
struct MetadataReader {
    let file: String
    /// The range of a nested node's mark; nested nodes come only from Yams.
    let range: (Mark?) -> SourceRange?
    private(set) var metadata = Metadata()
    private(set) var diagnostics: [Diagnostic] = []

    /// - Parameters:
    ///   - file: The page's path, for diagnostics.
    ///   - range: The range of a nested node's mark.
    ///   - keyCount: How many keys will be read, when known: room for their ranges is made at once.
    init(file: String, range: @escaping (Mark?) -> SourceRange?, keyCount: Int = 0) {
        self.file = file
        self.range = range
        metadata.keyRanges.reserveCapacity(keyCount)
    }

    /// Reads one key and its value.
    ///
    /// - Parameters:
    ///   - keyNode: The key.
    ///   - keyRange: Where the key is written.
    ///   - value: The value.
    ///   - valueRange: Where the value starts.
    mutating func read(key keyNode: Node, keyRange: SourceRange?, value: Node, valueRange: SourceRange?) {
        guard let key = keyNode.string else { return }
        if let keyRange { metadata.keyRanges[key] = keyRange }
        switch key {
        case "id": metadata.id = string(value, at: valueRange, key: key)
        case "title": metadata.title = string(value, at: valueRange, key: key)
        case "summary": metadata.summary = string(value, at: valueRange, key: key)
        case "product": metadata.product = string(value, at: valueRange, key: key)
        case "platform": metadata.platform = string(value, at: valueRange, key: key)
        case "mode": metadata.mode = string(value, at: valueRange, key: key)
        case "audience": metadata.audience = string(value, at: valueRange, key: key)
        case "updated": metadata.updated = string(value, at: valueRange, key: key)
        case "type": metadata.type = string(value, at: valueRange, key: key)
        case "next": metadata.next = strings(value, at: valueRange, key: key)
        case "tags": metadata.tags = strings(value, at: valueRange, key: key)
        case "draft":
            if let draft = value.bool {
                metadata.draft = draft
            } else {
                invalid(at: valueRange, key: key, expected: "true or false")
            }
        default:
            var truncated = false
            metadata.extra[key] = Self.metadataValue(value, depth: 0, truncated: &truncated)
            if truncated {
                diagnostics.append(
                    Diagnostic(
                        .warning,
                        id: "FrontMatterTooDeep",
                        range: valueRange ?? metadata.keyRanges[key],
                        file: file,
                        summary:
                            "Front matter key '\(key)' nests deeper than \(Self.maximumNesting) levels; deeper values are left out"
                    )
                )
            }
        }
    }

    private mutating func string(_ node: Node, at nodeRange: SourceRange?, key: String) -> String? {
        guard case .scalar(let scalar) = node else {
            invalid(at: nodeRange, key: key, expected: "a single value")
            return nil
        }
        return scalar.string
    }

    private mutating func strings(_ node: Node, at nodeRange: SourceRange?, key: String) -> [String] {
        switch node {
        case .scalar(let scalar): return scalar.string.isEmpty ? [] : [scalar.string]
        case .sequence(let sequence):
            return sequence.compactMap { item in
                if case .scalar(let scalar) = item { return scalar.string }
                invalid(at: range(item.mark), key: key, expected: "a list of words")
                return nil
            }
        default:
            invalid(at: nodeRange, key: key, expected: "a list")
            return []
        }
    }

    private mutating func invalid(at nodeRange: SourceRange?, key: String, expected: String) {
        diagnostics.append(
            Diagnostic(
                .warning,
                id: "FrontMatterInvalidValue",
                range: nodeRange ?? metadata.keyRanges[key],
                file: file,
                summary: "Front matter key '\(key)' should be \(expected)"
            )
        )
    }

    /// How deep lists and maps may nest in a metadata value, as in the Markdown converter:
    /// the model's synthesized `Hashable`, `Codable` and `deinit` recurse once per level.
    static let maximumNesting = 64

    static func metadataValue(_ node: Node, depth: Int, truncated: inout Bool) -> MetadataValue {
        if depth >= maximumNesting, node.scalar == nil {
            truncated = true
            return .null
        }
        switch node {
        case .scalar(let scalar):
            if scalar.style == .plain {
                if let bool = node.bool { return .bool(bool) }
                if node.null != nil { return .null }
                if let int = node.int { return .number(Double(int)) }
                if let double = node.float, double.isFinite { return .number(double) }
            }
            return .string(scalar.string)
        case .sequence(let sequence):
            return .list(sequence.map { metadataValue($0, depth: depth + 1, truncated: &truncated) })
        case .mapping(let mapping):
            var map: [String: MetadataValue] = [:]
            for (key, value) in mapping {
                map[key.string ?? ""] = metadataValue(value, depth: depth + 1, truncated: &truncated)
            }
            return .map(map)
        case .alias: return .null
        }
    }
}
