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

    /// The flow IDs that `flow` links to (links and next), in source order.
    func linkedFlowIDs(from flow: Flow) -> [String] {
        let linked = flow.links.compactMap { link -> String? in
            if case .flow(let id, _) = resolver.resolve(link.destination, from: flow.source) { id } else { nil }
        }
        return linked + nextFlowIDs(from: flow).map(\.id)
    }

    /// The flows that `flow`'s next links name, with the link.
    func nextFlowIDs(from flow: Flow) -> [(id: String, link: NextLink)] {
        flow.next.compactMap { link in
            if case .flow(let id, _) = resolver.resolve(link.destination, from: flow.source, allowsFlowID: true) {
                (id, link)
            } else {
                nil
            }
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
