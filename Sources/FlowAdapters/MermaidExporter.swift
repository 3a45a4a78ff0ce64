import FlowModel

/// The flow graph as a Mermaid `flowchart LR`.
///
/// ```text
/// flowchart LR
///   accept_invitation["Accept a connection invitation"]
///   initiate["Initiate a connection"]
///   initiate --> accept_invitation
///   initiate -.->|"Visual"| visual_mode
/// ```
///
/// Node ids are the flow ids with every character other than a letter, digit or `_` replaced by `_`
/// (and a number added when two ids would clash); labels are quoted, with `"` written `#quot;`.
/// Overviews are drawn as `[[subroutine]]` boxes; next edges are arrows, choice edges dashed arrows
/// labelled with the option, overview links plain arrows.
public struct MermaidExporter: Sendable {
    /// Creates an exporter.
    public init() {}

    /// The Mermaid source of `graph`, ending with a newline.
    public func render(_ graph: FlowGraph) -> String {
        let ids = GraphNodeIDs(graph.nodes.map(\.id))
        var lines = ["flowchart LR"]
        for node in graph.nodes {
            let label = "\"" + Self.escape(node.title) + "\""
            let shape = node.kind == .overview ? "[[\(label)]]" : "[\(label)]"
            lines.append("  \(ids[node.id])\(shape)")
        }
        for edge in graph.edges {
            let from = ids[edge.from]
            let to = ids[edge.to]
            switch edge.kind {
            case .next, .overview: lines.append("  \(from) --> \(to)")
            case .choice(let label): lines.append("  \(from) -.->|\"\(Self.escape(label))\"| \(to)")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Text safe inside a quoted Mermaid label: entity codes for `"`, `#`, `<`, `>`, no line breaks.
    static func escape(_ text: String) -> String {
        var escaped = ""
        for character in text {
            switch character {
            case "\"": escaped += "#quot;"
            case "#": escaped += "#35;"
            case "<": escaped += "#lt;"
            case ">": escaped += "#gt;"
            case "\n", "\r": escaped += " "
            default: escaped.append(character)
            }
        }
        return escaped
    }
}

/// Identifiers for graph languages that allow only letters, digits and `_`, unique and stable.
struct GraphNodeIDs {
    private var byFlowID: [String: String] = [:]

    init(_ flowIDs: [String]) {
        var used: Set<String> = []
        for flowID in flowIDs {
            var base = String(flowID.map { $0.isASCII && ($0.isLetter || $0.isNumber) ? $0 : "_" })
            if base.first?.isNumber ?? true { base = "f_" + base }
            var candidate = base
            var count = 2
            while used.contains(candidate) {
                candidate = "\(base)_\(count)"
                count += 1
            }
            used.insert(candidate)
            byFlowID[flowID] = candidate
        }
    }

    subscript(flowID: String) -> String { byFlowID[flowID] ?? "missing" }
}
