/// A small directed graph over hashable nodes, for reachability and cycles in the flow graph.
///
/// Iteration follows the order in which nodes and edges were added, so results are deterministic.
/// Nodes are numbered in that order and the algorithms work on the numbers: hashing a flow ID
/// for every step of a search was most of the cost of the graph rules.
struct DirectedGraph<Node: Hashable> {
    private(set) var nodes: [Node] = []
    /// The number of each node: its position in ``nodes``.
    private var numbers: [Node: Int] = [:]
    /// The targets of each node's edges, by number, in the order they were added.
    private var targets: [[Int]] = []

    /// Adds `node` if it is new.
    mutating func add(_ node: Node) {
        _ = number(adding: node)
    }

    /// Adds an edge from `source` to `target`, and both nodes.
    mutating func addEdge(from source: Node, to target: Node) {
        let from = number(adding: source)
        let to = number(adding: target)
        if !targets[from].contains(to) { targets[from].append(to) }
    }

    /// The nodes `node` has edges to, in the order they were added.
    func neighbours(of node: Node) -> [Node] {
        guard let number = numbers[node] else { return [] }
        return targets[number].map { nodes[$0] }
    }

    /// Every node reachable from `start`, `start` included.
    func reachable(from start: Node) -> Set<Node> {
        guard let first = numbers[start] else { return [start] }
        var seen = Array(repeating: false, count: nodes.count)
        seen[first] = true
        var stack = [first]
        while let node = stack.popLast() {
            for next in targets[node] where !seen[next] {
                seen[next] = true
                stack.append(next)
            }
        }
        var reached: Set<Node> = [start]
        for (number, wasSeen) in seen.enumerated() where wasSeen { reached.insert(nodes[number]) }
        return reached
    }

    /// One cycle per group of nodes that reach each other, each starting at its first-added node.
    ///
    /// A cycle `[a, b]` means `a → b → a`; a self-loop is `[a]`.
    func cycles() -> [[Node]] {
        var cycles: [[Node]] = []
        for component in componentNumbers() {
            guard let first = component.first else { continue }
            guard component.count > 1 || targets[first].contains(first) else { continue }
            if let path = shortestPath(from: first, to: first) { cycles.append(path.map { nodes[$0] }) }
        }
        return cycles
    }

    /// The strongly connected components (Kosaraju), each in node order, ordered by first node.
    func stronglyConnectedComponents() -> [[Node]] {
        componentNumbers().map { $0.map { nodes[$0] } }
    }

    /// ``stronglyConnectedComponents()`` by node number.
    private func componentNumbers() -> [[Int]] {
        let count = nodes.count
        var order: [Int] = []
        var visited = Array(repeating: false, count: count)
        for root in 0..<count where !visited[root] {
            visited[root] = true
            var stack: [(node: Int, next: Int)] = [(root, 0)]
            while let top = stack.last {
                let children = targets[top.node]
                if top.next < children.count {
                    stack[stack.count - 1].next += 1
                    let child = children[top.next]
                    if !visited[child] {
                        visited[child] = true
                        stack.append((child, 0))
                    }
                } else {
                    order.append(top.node)
                    stack.removeLast()
                }
            }
        }
        var reversed = Array(repeating: [Int](), count: count)
        for node in 0..<count {
            for target in targets[node] { reversed[target].append(node) }
        }
        var componentOf = Array(repeating: -1, count: count)
        var components = 0
        for root in order.reversed() where componentOf[root] < 0 {
            componentOf[root] = components
            var stack = [root]
            while let node = stack.popLast() {
                for source in reversed[node] where componentOf[source] < 0 {
                    componentOf[source] = components
                    stack.append(source)
                }
            }
            components += 1
        }
        var members = Array(repeating: [Int](), count: components)
        for node in 0..<count where componentOf[node] >= 0 { members[componentOf[node]].append(node) }
        // Numbers are insertion positions, so ordering by the first member orders by first node.
        return members.filter { !$0.isEmpty }.sorted { $0[0] < $1[0] }
    }

    /// The nodes of a shortest path from `start` back to `goal` (breadth-first), `goal` not repeated at the end.
    private func shortestPath(from start: Int, to goal: Int) -> [Int]? {
        var parent: [Int: Int] = [:]
        var queue = [start]
        var head = 0
        var seen = Array(repeating: false, count: nodes.count)
        while head < queue.count {
            let node = queue[head]
            head += 1
            for next in targets[node] {
                if next == goal {
                    var path = [node]
                    var cursor = node
                    while cursor != start, let previous = parent[cursor] {
                        path.append(previous)
                        cursor = previous
                    }
                    return path.reversed()
                }
                if !seen[next] {
                    seen[next] = true
                    parent[next] = node
                    queue.append(next)
                }
            }
        }
        return nil
    }

    /// The number of `node`, added first if it is new.
    private mutating func number(adding node: Node) -> Int {
        if let number = numbers[node] { return number }
        let number = nodes.count
        numbers[node] = number
        nodes.append(node)
        targets.append([])
        return number
    }
}
