import FlowCore
import FlowModel
import Yams

/// Reads front-matter keys into ``FlowModel/Metadata``, reporting values of the wrong type.
struct MetadataReader {
    let file: String
    let range: (Mark?) -> SourceRange?
    private(set) var metadata = Metadata()
    private(set) var diagnostics: [Diagnostic] = []

    init(file: String, range: @escaping (Mark?) -> SourceRange?) {
        self.file = file
        self.range = range
    }

    mutating func read(key keyNode: Node, value: Node) {
        guard let key = keyNode.string else { return }
        if let keyRange = range(keyNode.mark) { metadata.keyRanges[key] = keyRange }
        switch key {
        case "id": metadata.id = string(value, key: key)
        case "title": metadata.title = string(value, key: key)
        case "summary": metadata.summary = string(value, key: key)
        case "product": metadata.product = string(value, key: key)
        case "platform": metadata.platform = string(value, key: key)
        case "mode": metadata.mode = string(value, key: key)
        case "audience": metadata.audience = string(value, key: key)
        case "updated": metadata.updated = string(value, key: key)
        case "type": metadata.type = string(value, key: key)
        case "next": metadata.next = strings(value, key: key)
        case "tags": metadata.tags = strings(value, key: key)
        case "draft":
            if let draft = value.bool {
                metadata.draft = draft
            } else {
                invalid(value, key: key, expected: "true or false")
            }
        default:
            var truncated = false
            metadata.extra[key] = Self.metadataValue(value, depth: 0, truncated: &truncated)
            if truncated {
                diagnostics.append(
                    Diagnostic(
                        .warning,
                        id: "FrontMatterTooDeep",
                        range: range(value.mark) ?? metadata.keyRanges[key],
                        file: file,
                        summary:
                            "Front matter key '\(key)' nests deeper than \(Self.maximumNesting) levels; deeper values are left out"
                    )
                )
            }
        }
    }

    private mutating func string(_ node: Node, key: String) -> String? {
        guard case .scalar(let scalar) = node else {
            invalid(node, key: key, expected: "a single value")
            return nil
        }
        return scalar.string
    }

    private mutating func strings(_ node: Node, key: String) -> [String] {
        switch node {
        case .scalar(let scalar): return scalar.string.isEmpty ? [] : [scalar.string]
        case .sequence(let sequence):
            return sequence.compactMap { item in
                if case .scalar(let scalar) = item { return scalar.string }
                invalid(item, key: key, expected: "a list of words")
                return nil
            }
        default:
            invalid(node, key: key, expected: "a list")
            return []
        }
    }

    private mutating func invalid(_ node: Node, key: String, expected: String) {
        diagnostics.append(
            Diagnostic(
                .warning,
                id: "FrontMatterInvalidValue",
                range: range(node.mark) ?? metadata.keyRanges[key],
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
