import FlowModel

/// The flow graph as a Graphviz `digraph`.
///
/// ```dot
/// digraph flows {
///   rankdir=LR;
///   node [shape=box, style=rounded];
///   "accept-invitation" [label="Accept a connection invitation"];
///   "initiate" [label="Initiate a connection"];
///   "initiate" -> "accept-invitation";
///   "initiate" -> "visual-mode" [style=dashed, label="Visual"];
/// }
/// ```
///
/// Node ids are the flow ids as quoted strings; `"` and `\` are escaped and line breaks become
/// `\n`. Overviews are drawn as folders, choice edges dashed and labelled with the option, overview
/// links grey. Render with `dot -Tsvg flows.dot > flows.svg`.
public struct DOTExporter: Sendable {
    /// Creates an exporter.
    public init() {}

    /// The DOT source of `graph`, ending with a newline.
    public func render(_ graph: FlowGraph) -> String {
        var lines = ["digraph flows {", "  rankdir=LR;", "  node [shape=box, style=rounded];"]
        for node in graph.nodes {
            let shape = node.kind == .overview ? ", shape=folder, style=solid" : ""
            lines.append("  \(Self.quoted(node.id)) [label=\(Self.quoted(node.title))\(shape)];")
        }
        for edge in graph.edges {
            var line = "  \(Self.quoted(edge.from)) -> \(Self.quoted(edge.to))"
            switch edge.kind {
            case .next: break
            case .choice(let label): line += " [style=dashed, label=\(Self.quoted(label))]"
            case .overview: line += " [color=gray50]"
            }
            lines.append(line + ";")
        }
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }

    /// `text` as a DOT double-quoted string.
    static func quoted(_ text: String) -> String {
        var quoted = "\""
        for character in text {
            switch character {
            case "\"": quoted += "\\\""
            case "\\": quoted += "\\\\"
            case "\n": quoted += "\\n"
            case "\r": break
            default: quoted.append(character)
            }
        }
        return quoted + "\""
    }
}
