import FlowModel

/// Groups flows for the home page: by product and platform, then by mode and title.
enum FlowGrouping {
    /// A product and platform with its flows.
    struct Group: Sendable {
        var product: String
        var platform: String
        var flows: [PageSummary]

        /// `Exalate · Salesforce`, or one of them alone.
        var title: String {
            [product, platform].filter { !$0.isEmpty }.joined(separator: " · ")
        }
    }

    /// The groups of the pages of kind flow among `flows`, sorted by product, then platform.
    static func groups(of flows: [PageSummary]) -> [Group] {
        var byKey: [String: Group] = [:]
        for flow in flows where flow.kind == .flow {
            let product = flow.metadata.product ?? ""
            let platform = flow.metadata.platform ?? ""
            byKey["\(product)\u{0}\(platform)", default: Group(product: product, platform: platform, flows: [])]
                .flows.append(flow)
        }
        return byKey.sorted { $0.key < $1.key }.map { _, group in
            var group = group
            if group.title.isEmpty { group.product = "Other" }
            // Each flow's key read once, not at every comparison.
            let keyed = group.flows.map { (key: ($0.metadata.mode ?? "", $0.title, $0.id), flow: $0) }
            group.flows = keyed.sorted { $0.key < $1.key }.map(\.flow)
            return group
        }
    }
}
