import Dispatch
import FlowCore
import FlowModel

/// Draws the flow graph at build time as inline SVG: flows as linked boxes, arrows for
/// "What's next" edges (solid) and choice branches (dashed).
///
/// Flows are placed in columns by their longest distance from a flow nothing leads to, and
/// sorted by title within a column, so the drawing is the same for the same content.
enum FlowGraphSVG {
    /// An arrow between two flows, given by their positions in the site's reading order
    /// (``SiteContext/readingOrder``): the map of a large site sorted and looked up its edges
    /// by id, a string comparison or hash each time.
    struct Edge: Hashable {
        var from: Int
        var to: Int
        var isChoice: Bool
    }

    static let nodeWidth = 230, nodeHeight = 58, columnGap = 90, rowGap = 22, margin = 16

    /// The edges between published flows, sorted by the ids of their ends; the links of the
    /// flows are resolved on every core.
    static func edges(in context: SiteContext) -> [Edge] {
        let flows = context.readingOrder
        // Where each published flow is drawn: the first flow of the reading order with its id.
        let readingIndex = context.published.map { $0.kind == .flow ? context.readingPosition[$0.id] : nil }
        var edgesByFlow = [[Edge]](repeating: [], count: flows.count)
        edgesByFlow.withUnsafeMutableBufferPointer { buffer in
            // Each iteration writes only its own element of the buffer.
            nonisolated(unsafe) let edgesByFlow = buffer
            DispatchQueue.concurrentPerform(iterations: flows.count) { index in
                edgesByFlow[index] = edges(from: flows[index], in: context, readingIndex: readingIndex)
            }
        }
        let unique = Set(edgesByFlow.joined())
        // Each flow's place in id order, so that edges sort by numbers, as they sorted by ids.
        var rank = [Int](repeating: 0, count: flows.count)
        for (place, index) in flows.indices.sorted(by: { flows[$0].id < flows[$1].id }).enumerated() {
            rank[index] = place
        }
        return unique.sorted {
            (rank[$0.from], rank[$0.to], $0.isChoice ? 1 : 0) < (rank[$1.from], rank[$1.to], $1.isChoice ? 1 : 0)
        }
    }

    /// The edges that leave `flow`: its next links and its choices that lead to another published flow.
    ///
    /// A flow is drawn once per id: edges start and end at the first flow of the reading order with their id.
    private static func edges(from flow: PageSummary, in context: SiteContext, readingIndex: [Int?]) -> [Edge] {
        var edges: [Edge] = []
        guard let from = context.readingPosition[flow.id] else { return [] }
        func add(_ target: Int?, isChoice: Bool) {
            guard let target, let to = readingIndex[target], context.published[target].id != flow.id else { return }
            edges.append(Edge(from: from, to: to, isChoice: isChoice))
        }
        for link in flow.next {
            add(context.linkedIndex(link.destination, in: flow, allowsFlowID: true), isChoice: false)
        }
        for link in flow.choiceLinks { add(context.linkedIndex(link, in: flow), isChoice: true) }
        return edges
    }

    /// A hash of everything the graph shows: each flow's id and title in reading order, and the edges.
    static func fingerprint(of flows: [PageSummary], edges: [Edge]) -> UInt64 {
        var hasher = StableHasher()
        hasher.combine(UInt64(flows.count))
        for flow in flows {
            hasher.combine(flow.id)
            hasher.combine(flow.title)
        }
        hasher.combine(UInt64(edges.count))
        for edge in edges {
            hasher.combine(flows[edge.from].id)
            hasher.combine(flows[edge.to].id)
            hasher.combine(edge.isChoice ? "choice" : "next")
        }
        return hasher.value
    }

    /// The graph of `context`'s flows, given their ``edges(in:)``.
    static func svg(for context: SiteContext, edges: [Edge]) -> String {
        let flows = context.readingOrder
        let columns = columns(of: flows, edges: edges)
        var position = [(x: Int, y: Int)?](repeating: nil, count: flows.count)
        var height = 0
        for (column, indices) in columns.enumerated() {
            for (row, index) in indices.enumerated() {
                let x = margin + column * (nodeWidth + columnGap)
                let y = margin + row * (nodeHeight + rowGap)
                position[index] = (x, y)
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
        // Thousands of edges and nodes: each appended in pieces, without a string of its own.
        for edge in edges {
            guard let from = position[edge.from], let to = position[edge.to] else { continue }
            appendEdge(from: from, to: to, isChoice: edge.isChoice, to: &svg)
        }
        for index in columns.joined() {
            guard let point = position[index] else { continue }
            appendNode(flows[index], at: point, to: &svg)
        }
        svg += "</svg>"
        return svg
    }

    /// The flows by column, as positions in `flows`: a flow's column is its shortest distance
    /// from an entry flow, and a column is sorted by title, then id.
    ///
    /// Entry flows are those with the fewest incoming "What's next" edges (usually none); a
    /// breadth-first walk from them keeps cycles from stretching the drawing. Flows the walk
    /// does not reach go in the first column. A flow whose id an earlier flow has is left out.
    static func columns(of flows: [PageSummary], edges: [Edge]) -> [[Int]] {
        var ids = Set<String>()
        let ordered = flows.indices.filter { ids.insert(flows[$0].id).inserted }
            .sorted { (flows[$0].title, flows[$0].id) < (flows[$1].title, flows[$1].id) }
        var successors = [[Int]](repeating: [], count: flows.count)
        var inDegree = [Int](repeating: 0, count: flows.count)
        for edge in edges {
            successors[edge.from].append(edge.to)
            if !edge.isChoice { inDegree[edge.to] += 1 }
        }
        let fewest = ordered.lazy.map { inDegree[$0] }.min() ?? 0
        var depth = [Int?](repeating: nil, count: flows.count)
        var queue = ordered.filter { inDegree[$0] == fewest }
        for index in queue { depth[index] = 0 }
        var next = 0
        while next < queue.count {
            let index = queue[next]
            next += 1
            for successor in successors[index] where depth[successor] == nil {
                depth[successor] = (depth[index] ?? 0) + 1
                queue.append(successor)
            }
        }
        let maximum = depth.lazy.compactMap { $0 }.max() ?? 0
        var columns = Array(repeating: [Int](), count: maximum + 1)
        for index in ordered { columns[depth[index] ?? 0].append(index) }
        return columns.filter { !$0.isEmpty }
    }

    private static func appendEdge(
        from: (x: Int, y: Int),
        to: (x: Int, y: Int),
        isChoice: Bool,
        to svg: inout String
    ) {
        let startX = from.x + nodeWidth, startY = from.y + nodeHeight / 2
        let endX = to.x, endY = to.y + nodeHeight / 2
        // A curve to the next column, or a loop below both ends back to an earlier one.
        let first: (x: Int, y: Int), second: (x: Int, y: Int)
        if endX > startX {
            let bend = (endX - startX) / 2
            (first, second) = ((startX + bend, startY), (endX - bend, endY))
        } else {
            let loop = max(startY, endY) + nodeHeight
            (first, second) = ((startX + 60, loop), (endX - 60, loop))
        }
        svg += "<path d=\"M"
        for (index, value) in [startX, startY, first.x, first.y, second.x, second.y, endX, endY].enumerated() {
            if index == 2 { svg += "C" } else if index > 0 { svg += " " }
            svg += String(value)
        }
        svg += isChoice ? "\" class=\"graph-edge graph-edge-choice\"" : "\" class=\"graph-edge\""
        svg += " marker-end=\"url(#arrow)\"/>\n"
    }

    private static func appendNode(_ flow: PageSummary, at point: (x: Int, y: Int), to svg: inout String) {
        let lines = wrap(flow.title, width: 30, maxLines: 2)
        svg += "<a href=\""
        Escaping.appendMarkup(SitePaths.relative(from: "graph.html", to: SitePaths.page(forFlowID: flow.id)), to: &svg)
        svg += "\" class=\"graph-node\"><title>"
        Escaping.appendMarkup(flow.title, to: &svg)
        svg += "</title><rect x=\""
        svg += String(point.x)
        svg += "\" y=\""
        svg += String(point.y)
        svg += "\" width=\"\(nodeWidth)\" height=\"\(nodeHeight)\" rx=\"8\"/>"
        let top = point.y + nodeHeight / 2 - (lines.count - 1) * 8 + 5
        for (index, line) in lines.enumerated() {
            svg += "<text x=\""
            svg += String(point.x + 12)
            svg += "\" y=\""
            svg += String(top + index * 17)
            svg += "\">"
            Escaping.appendMarkup(line, to: &svg)
            svg += "</text>"
        }
        svg += "</a>\n"
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
}
