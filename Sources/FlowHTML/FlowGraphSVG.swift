import Dispatch
import FlowCore
import FlowModel

/// Draws the flow graph at build time as inline SVG: flows as linked boxes, arrows for
/// "What's next" edges (solid) and choice branches (dashed).
///
/// Flows are placed in columns by their longest distance from a flow nothing leads to, and
/// sorted by title within a column, so the drawing is the same for the same content.
enum FlowGraphSVG {
    struct Edge: Hashable {
        var from: String
        var to: String
        var isChoice: Bool
    }

    static let nodeWidth = 230, nodeHeight = 58, columnGap = 90, rowGap = 22, margin = 16

    /// The edges between published flows, sorted; the links of the flows are resolved on every core.
    static func edges(in context: SiteContext) -> [Edge] {
        let flows = context.readingOrder
        var edgesByFlow = [[Edge]](repeating: [], count: flows.count)
        edgesByFlow.withUnsafeMutableBufferPointer { buffer in
            // Each iteration writes only its own element of the buffer.
            nonisolated(unsafe) let edgesByFlow = buffer
            DispatchQueue.concurrentPerform(iterations: flows.count) { index in
                edgesByFlow[index] = edges(from: flows[index], in: context)
            }
        }
        let unique = Set(edgesByFlow.joined())
        return unique.sorted { ($0.from, $0.to, $0.isChoice ? 1 : 0) < ($1.from, $1.to, $1.isChoice ? 1 : 0) }
    }

    /// The edges that leave `flow`: its next links and its choices that lead to another published flow.
    private static func edges(from flow: Flow, in context: SiteContext) -> [Edge] {
        var edges: [Edge] = []
        func add(_ target: Int?, isChoice: Bool) {
            guard let target, context.published[target].kind == .flow, context.published[target].id != flow.id
            else { return }
            edges.append(Edge(from: flow.id, to: context.published[target].id, isChoice: isChoice))
        }
        for link in flow.next {
            add(context.linkedIndex(link.destination, in: flow, allowsFlowID: true), isChoice: false)
        }
        for case .procedure(let procedure) in flow.body {
            for step in procedure.steps {
                for option in step.choice?.options ?? [] {
                    if let link = option.link { add(context.linkedIndex(link, in: flow), isChoice: true) }
                }
            }
        }
        return edges
    }

    /// A hash of everything the graph shows: each flow's id and title in reading order, and the edges.
    static func fingerprint(of flows: [Flow], edges: [Edge]) -> UInt64 {
        var hasher = StableHasher()
        hasher.combine(UInt64(flows.count))
        for flow in flows {
            hasher.combine(flow.id)
            hasher.combine(flow.title)
        }
        hasher.combine(UInt64(edges.count))
        for edge in edges {
            hasher.combine(edge.from)
            hasher.combine(edge.to)
            hasher.combine(edge.isChoice ? "choice" : "next")
        }
        return hasher.value
    }

    /// The graph of `context`'s flows, given their ``edges(in:)``.
    static func svg(for context: SiteContext, edges: [Edge]) -> String {
        let flows = context.readingOrder
        let columns = columns(of: flows, edges: edges)
        var position: [String: (x: Int, y: Int)] = [:]
        var height = 0
        for (column, ids) in columns.enumerated() {
            for (row, id) in ids.enumerated() {
                let x = margin + column * (nodeWidth + columnGap)
                let y = margin + row * (nodeHeight + rowGap)
                position[id] = (x, y)
                height = max(height, y + nodeHeight + margin)
            }
        }
        let width = margin * 2 + max(columns.count, 1) * nodeWidth + max(columns.count - 1, 0) * columnGap
        // Room for every edge (about 110 bytes) and node (about 230) at once: grown by doubling,
        // the map of a large site briefly held its old and new storage, three times its size.
        var svg = ""
        svg.reserveCapacity(1024 + edges.count * 128 + flows.count * 288)
        svg +=
            "<svg class=\"flow-graph\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(width) \(max(height, 80))\""
        svg += " width=\"\(width)\" height=\"\(max(height, 80))\" role=\"group\" aria-labelledby=\"graph-title\">\n"
        svg += "<title id=\"graph-title\">Flow map: \(flows.count) flows, \(edges.count) links</title>\n"
        svg +=
            "<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\">"
        svg += "<path d=\"M0 0L10 5L0 10z\" class=\"graph-arrow\"/></marker></defs>\n"
        for edge in edges {
            guard let from = position[edge.from], let to = position[edge.to] else { continue }
            svg += edgePath(from: from, to: to, isChoice: edge.isChoice)
        }
        let byID = Dictionary(flows.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for id in columns.flatMap({ $0 }) {
            guard let flow = byID[id], let point = position[id] else { continue }
            svg += node(flow, at: point)
        }
        svg += "</svg>"
        return svg
    }

    /// Flow ids by column: a flow's column is its shortest distance from an entry flow.
    ///
    /// Entry flows are those with the fewest incoming "What's next" edges (usually none); a
    /// breadth-first walk from them keeps cycles from stretching the drawing. Flows the walk
    /// does not reach go in the first column.
    static func columns(of flows: [Flow], edges: [Edge]) -> [[String]] {
        let ordered = flows.sorted { ($0.title, $0.id) < ($1.title, $1.id) }.map(\.id)
        var successors: [String: [String]] = [:]
        var inDegree: [String: Int] = Dictionary(ordered.map { ($0, 0) }, uniquingKeysWith: { first, _ in first })
        for edge in edges {
            successors[edge.from, default: []].append(edge.to)
            if !edge.isChoice { inDegree[edge.to, default: 0] += 1 }
        }
        let fewest = inDegree.values.min() ?? 0
        var depth: [String: Int] = [:]
        var queue = ordered.filter { inDegree[$0] == fewest }
        for id in queue { depth[id] = 0 }
        var index = 0
        while index < queue.count {
            let id = queue[index]
            index += 1
            for next in successors[id] ?? [] where depth[next] == nil {
                depth[next] = (depth[id] ?? 0) + 1
                queue.append(next)
            }
        }
        let maximum = depth.values.max() ?? 0
        var columns = Array(repeating: [String](), count: maximum + 1)
        for id in ordered { columns[depth[id] ?? 0].append(id) }
        return columns.filter { !$0.isEmpty }
    }

    private static func edgePath(from: (x: Int, y: Int), to: (x: Int, y: Int), isChoice: Bool) -> String {
        let startX = from.x + nodeWidth, startY = from.y + nodeHeight / 2
        let endX = to.x, endY = to.y + nodeHeight / 2
        let path: String
        if endX > startX {
            let bend = (endX - startX) / 2
            path = "M\(startX) \(startY)C\(startX + bend) \(startY) \(endX - bend) \(endY) \(endX) \(endY)"
        } else {
            let loop = max(startY, endY) + nodeHeight
            path = "M\(startX) \(startY)C\(startX + 60) \(loop) \(endX - 60) \(loop) \(endX) \(endY)"
        }
        let kind = isChoice ? "graph-edge graph-edge-choice" : "graph-edge"
        return "<path d=\"\(path)\" class=\"\(kind)\" marker-end=\"url(#arrow)\"/>\n"
    }

    private static func node(_ flow: Flow, at point: (x: Int, y: Int)) -> String {
        let lines = wrap(flow.title, width: 30, maxLines: 2)
        let href = SitePaths.relative(from: "graph.html", to: SitePaths.page(forFlowID: flow.id))
        var node = "<a href=\"\(escape(href))\" class=\"graph-node\">"
        node += "<title>\(escape(flow.title))</title>"
        node += "<rect x=\"\(point.x)\" y=\"\(point.y)\" width=\"\(nodeWidth)\" height=\"\(nodeHeight)\" rx=\"8\"/>"
        let top = point.y + nodeHeight / 2 - (lines.count - 1) * 8 + 5
        for (index, line) in lines.enumerated() {
            node += "<text x=\"\(point.x + 12)\" y=\"\(top + index * 17)\">\(escape(line))</text>"
        }
        return node + "</a>\n"
    }

    /// Breaks `text` into lines of at most `width` characters, ending with `…` when cut.
    static func wrap(_ text: String, width: Int, maxLines: Int) -> [String] {
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ") {
            if current.isEmpty {
                current = String(word)
            } else if current.count + 1 + word.count <= width {
                current += " " + word
            } else {
                lines.append(current)
                current = String(word)
            }
        }
        if !current.isEmpty { lines.append(current) }
        if lines.count > maxLines {
            lines = Array(lines.prefix(maxLines))
            lines[maxLines - 1] = String(lines[maxLines - 1].prefix(width - 1)) + "…"
        }
        return lines
    }

    static func escape(_ text: String) -> String { Escaping.markup(text) }
}
