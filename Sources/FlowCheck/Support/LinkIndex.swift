import FlowCore
import FlowModel
import FlowProse

/// What link rules need to know about a content set: a resolver, the pages by ID and their anchors.
struct LinkIndex: Sendable {
    let resolver: LinkResolver
    let flowsByID: [String: Flow]
    let anchorsByID: [String: Set<String>]
    /// Every page path and asset, for "did you mean" suggestions.
    let paths: [String]

    init(_ content: ContentSet) {
        resolver = LinkResolver(content: content)
        flowsByID = Dictionary(content.flows.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        anchorsByID = flowsByID.mapValues(\.anchors)
        paths = content.flows.map(\.source) + content.assets
    }

    /// The index of `content`, taking each page's anchors from its `facts` (one per page, in
    /// page order) rather than collecting them again.
    init(_ content: ContentSet, resolver: LinkResolver, facts: [FlowFacts]) {
        self.resolver = resolver
        flowsByID = Dictionary(content.flows.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        anchorsByID = Dictionary(facts.map { ($0.flow.id, $0.anchors) }, uniquingKeysWith: { first, _ in first })
        paths = content.flows.map(\.source) + content.assets
    }

    /// The flow IDs that the page of `facts` links to (links and next), in source order.
    func linkedFlowIDs(from facts: FlowFacts) -> [String] {
        let linked = facts.links.compactMap { link -> String? in
            if case .flow(let id, _) = link.target { id } else { nil }
        }
        return linked + nextFlowIDs(from: facts).map(\.id)
    }

    /// The flows that the next links of the page of `facts` name, with the link.
    func nextFlowIDs(from facts: FlowFacts) -> [(id: String, link: NextLink)] {
        facts.next.compactMap { next in
            if case .flow(let id, _) = next.target { (id, next.link) } else { nil }
        }
    }

    /// "; did you mean 'x'?" for the page or asset path closest to `path`, or an empty string.
    func suggestion(for path: String, from source: String) -> String {
        NearMiss.suffix(for: path, in: paths.filter { $0 != source })
    }

    /// "; did you mean '#x'?" for the anchor of `flowID` closest to `fragment`, or an empty string.
    func suggestion(forFragment fragment: String, in flowID: String) -> String {
        NearMiss.bestMatch(for: fragment, in: (anchorsByID[flowID] ?? []).sorted()).map { "; did you mean '#\($0)'?" }
            ?? ""
    }
}
