public import FlowModel
import FlowProse

/// The flow graph of a content folder: pages as nodes, the links between them as edges.
///
/// ```markdown
/// <!-- initiate.md -->
/// 4. Select the configuration mode: **Script**.
///    - **Visual** ([set up in Visual mode](visual-mode.md))
/// ## What's next
/// - [Accept the invitation](accept.md)
/// ```
/// gives the edges `initiate → accept` (``Edge/Kind-swift.enum/next``) and
/// `initiate → visual-mode` labelled `Visual` (``Edge/Kind-swift.enum/choice(_:)``).
/// An overview's links to other pages are ``Edge/Kind-swift.enum/overview`` edges.
///
/// Links are resolved with ``FlowModel/LinkResolver``; links that lead nowhere or outside the
/// content are left out (the checker reports them). Nodes are in path order, edges in source order
/// without duplicates, so renderings are deterministic.
public struct FlowGraph: Sendable, Hashable {
    /// A page of the graph.
    public struct Node: Sendable, Hashable {
        public var id: String
        public var title: String
        public var kind: Flow.Kind

        public init(id: String, title: String, kind: Flow.Kind) {
            self.id = id
            self.title = title
            self.kind = kind
        }
    }

    /// A link from one page to another.
    public struct Edge: Sendable, Hashable {
        /// Why one page leads to another.
        public enum Kind: Sendable, Hashable {
            /// From front matter `next` or the "What's next" section.
            case next
            /// From an option of a step's choice; the option's label.
            case choice(String)
            /// From a link in an overview page.
            case overview
        }

        public var from: String
        public var to: String
        public var kind: Kind

        public init(from: String, to: String, kind: Kind) {
            self.from = from
            self.to = to
            self.kind = kind
        }
    }

    public var nodes: [Node]
    public var edges: [Edge]

    /// Builds the graph of the published pages of `content`.
    public init(content: ContentSet) {
        let resolver = LinkResolver(content: content)
        let flows = content.publishedFlows
        let published = Set(flows.map(\.id))
        nodes = flows.map { Node(id: $0.id, title: $0.title, kind: $0.kind) }
        var edges: [Edge] = []
        var seen: Set<Edge> = []
        func add(_ destination: String, from flow: Flow, kind: Edge.Kind, allowsFlowID: Bool = false) {
            guard case .flow(let id, _) = resolver.resolve(destination, from: flow.source, allowsFlowID: allowsFlowID),
                id != flow.id, published.contains(id)
            else { return }
            let edge = Edge(from: flow.id, to: id, kind: kind)
            if seen.insert(edge).inserted { edges.append(edge) }
        }
        for flow in flows {
            for step in flow.steps {
                for option in step.choice?.options ?? [] {
                    if let link = option.link { add(link, from: flow, kind: .choice(option.label)) }
                }
            }
            for next in flow.next { add(next.destination, from: flow, kind: .next, allowsFlowID: true) }
            if flow.kind == .overview {
                for link in flow.links { add(link.destination, from: flow, kind: .overview) }
            }
        }
        self.edges = edges
    }
}
