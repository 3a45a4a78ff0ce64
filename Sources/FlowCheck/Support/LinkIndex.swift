import FlowCore
import FlowModel
import FlowProse

/// What link rules need to know about a site: a resolver, the pages by ID and their anchors.
struct LinkIndex: Sendable {
    let resolver: LinkResolver
    let pagesByID: [String: PageSummary]
    let anchorsByID: [String: Set<String>]
    /// Every page path and asset, for "did you mean" suggestions.
    let paths: [String]

    /// The index of `site`, with `resolver` for its links (by default, a new one).
    init(_ site: ContentSummary, resolver: LinkResolver? = nil) {
        self.resolver = resolver ?? site.linkResolver
        pagesByID = Dictionary(site.pages.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        anchorsByID = pagesByID.mapValues { Set($0.anchors) }
        paths = site.pages.map(\.source) + site.assets
    }

    /// The flow IDs that the page of `facts` links to (links and next), in source order.
    func linkedFlowIDs(from facts: SiteFacts) -> [String] {
        let linked = facts.links.compactMap { link -> String? in
            if case .flow(let id, _) = link.target { id } else { nil }
        }
        return linked + nextFlowIDs(from: facts).map(\.id)
    }

    /// The flows that the next links of the page of `facts` name, with the link.
    func nextFlowIDs(from facts: SiteFacts) -> [(id: String, link: NextLink)] {
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
