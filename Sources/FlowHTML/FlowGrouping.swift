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

    /// A group's product and platform, compared in that order.
    private struct Key: Hashable, Comparable {
        var product: String
        var platform: String

        static func < (lhs: Key, rhs: Key) -> Bool {
            (lhs.product, lhs.platform) < (rhs.product, rhs.platform)
        }
    }

    /// The groups of the pages of kind flow among `flows`, sorted by product, then platform.
    static func groups(of flows: [PageSummary]) -> [Group] {
        // Keyed by both strings, not one string made of them for each flow of the site.
        var byKey: [Key: Group] = [:]
        for flow in flows where flow.kind == .flow {
            let key = Key(product: flow.metadata.product ?? "", platform: flow.metadata.platform ?? "")
            byKey[key, default: Group(product: key.product, platform: key.platform, flows: [])].flows.append(flow)
        }
        return byKey.sorted { $0.key < $1.key }.map { _, group in
            var group = group
            if group.title.isEmpty { group.product = "Other" }
            // Each flow's key read once, not at every comparison; the places sorted, not the
            // keys and flows, whose strings were retained and released at every move.
            let keys = group.flows.map { (mode: $0.metadata.mode ?? "", title: $0.title, id: $0.id) }
            let order = keys.withUnsafeBufferPointer { keys in
                keys.indices.sorted { left, right in
                    let (first, second) = (keys[left], keys[right])
                    return (first.mode, first.title, first.id) < (second.mode, second.title, second.id)
                }
            }
            group.flows = order.map { group.flows[$0] }
            return group
        }
    }
}
