import Testing

@testable import FlowCheck

/// ``DirectedGraph`` numbers its nodes; it must find what the graph keyed by node found.
@Suite struct DirectedGraphTests {
    @Test(arguments: 0..<40)
    func findsTheSameCyclesAndReachableNodesAsBefore(seed: Int) {
        var random = SeededRandom(seed: UInt64(seed) &+ 1)
        let nodeCount = 1 + Int(random.next() % 30)
        let edgeCount = Int(random.next() % UInt64(nodeCount * 3 + 1))
        var graph = DirectedGraph<String>()
        var reference = ReferenceGraph<String>()
        for _ in 0..<edgeCount {
            let source = "n\(random.next() % UInt64(nodeCount))"
            let target = "n\(random.next() % UInt64(nodeCount))"
            if random.next() % 5 == 0 {
                graph.add(source)
                reference.add(source)
            } else {
                graph.addEdge(from: source, to: target)
                reference.addEdge(from: source, to: target)
            }
        }
        #expect(graph.nodes == reference.nodes)
        #expect(graph.cycles() == reference.cycles())
        #expect(graph.stronglyConnectedComponents() == reference.stronglyConnectedComponents())
        for node in reference.nodes + ["missing"] {
            #expect(graph.reachable(from: node) == reference.reachable(from: node))
            #expect(graph.neighbours(of: node) == reference.neighbours(of: node))
        }
    }
}

/// A small deterministic generator (SplitMix64), so that failures can be replayed.
private struct SeededRandom {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}

/// The graph as it was before it numbered its nodes.
private struct ReferenceGraph<Node: Hashable> {
    private(set) var nodes: [Node] = []
    private var edges: [Node: [Node]] = [:]

    /// Adds `node` if it is new.
    mutating func add(_ node: Node) {
        if edges[node] == nil {
            edges[node] = []
            nodes.append(node)
        }
    }

    /// Adds an edge from `source` to `target`, and both nodes.
    mutating func addEdge(from source: Node, to target: Node) {
        add(source)
        add(target)
        if edges[source]?.contains(target) == false { edges[source]?.append(target) }
    }

    /// The nodes `node` has an edge to.
    func neighbours(of node: Node) -> [Node] { edges[node] ?? [] }

    /// Every node reachable from `start`, `start` included.
    func reachable(from start: Node) -> Set<Node> {
        var seen: Set<Node> = [start]
        var stack = [start]
        while let node = stack.popLast() {
            for next in neighbours(of: node) where seen.insert(next).inserted { stack.append(next) }
        }
        return seen
    }

    /// One cycle per group of nodes that reach each other, each starting at its first-added node.
    ///
    /// A cycle `[a, b]` means `a → b → a`; a self-loop is `[a]`.
    func cycles() -> [[Node]] {
        var cycles: [[Node]] = []
        for component in stronglyConnectedComponents() {
            guard let first = component.first else { continue }
            guard component.count > 1 || neighbours(of: first).contains(first) else { continue }
            if let path = shortestPath(from: first, to: first) { cycles.append(path) }
        }
        return cycles
    }

    /// The strongly connected components (Kosaraju), each in node order, ordered by first node.
    func stronglyConnectedComponents() -> [[Node]] {
        var order: [Node] = []
        var visited = Set<Node>()
        for root in nodes where !visited.contains(root) {
            visited.insert(root)
            var stack: [(node: Node, next: Int)] = [(root, 0)]
            while let top = stack.last {
                let children = neighbours(of: top.node)
                if top.next < children.count {
                    stack[stack.count - 1].next += 1
                    let child = children[top.next]
                    if visited.insert(child).inserted { stack.append((child, 0)) }
                } else {
                    order.append(top.node)
                    stack.removeLast()
                }
            }
        }
        var reversed: [Node: [Node]] = [:]
        for node in nodes {
            for target in neighbours(of: node) { reversed[target, default: []].append(node) }
        }
        var componentOf: [Node: Int] = [:]
        var count = 0
        for root in order.reversed() where componentOf[root] == nil {
            componentOf[root] = count
            var stack = [root]
            while let node = stack.popLast() {
                for source in reversed[node] ?? [] where componentOf[source] == nil {
                    componentOf[source] = count
                    stack.append(source)
                }
            }
            count += 1
        }
        var components = Array(repeating: [Node](), count: count)
        for node in nodes { if let index = componentOf[node] { components[index].append(node) } }
        let position = Dictionary(uniqueKeysWithValues: nodes.enumerated().map { ($1, $0) })
        return components.filter { !$0.isEmpty }.sorted { position[$0[0]] ?? 0 < position[$1[0]] ?? 0 }
    }

    /// The nodes of a shortest path from `start` back to `goal` (breadth-first), `goal` not repeated at the end.
    private func shortestPath(from start: Node, to goal: Node) -> [Node]? {
        var parent: [Node: Node] = [:]
        var queue = [start]
        var head = 0
        var seen: Set<Node> = []
        while head < queue.count {
            let node = queue[head]
            head += 1
            for next in neighbours(of: node) {
                if next == goal {
                    var path = [node]
                    var cursor = node
                    while cursor != start, let previous = parent[cursor] {
                        path.append(previous)
                        cursor = previous
                    }
                    return path.reversed()
                }
                if seen.insert(next).inserted {
                    parent[next] = node
                    queue.append(next)
                }
            }
        }
        return nil
    }
}
