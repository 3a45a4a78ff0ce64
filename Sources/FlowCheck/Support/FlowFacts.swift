import Dispatch
import FlowCore
import FlowModel
import FlowProse

/// What the rules read of one page, computed once per page for every rule.
///
/// Several rules walked each page's inlines for its links and images, or flattened its steps,
/// and resolved the same links again: together that was a fifth of `flowdoc check`.
/// ``ContentChecker`` builds the facts of all pages once, in parallel, and hands them to the
/// rules through ``CheckContext``; a rule run on its own builds them itself.
struct FlowFacts: Sendable {
    /// The page.
    let flow: Flow
    /// Every step, sub-steps included, depth first in source order (``FlowModel/Flow/allSteps``).
    let steps: [Step]
    /// Every link of the page in source order (``FlowModel/Flow/links``), with where it leads.
    let links: [ResolvedLink]
    /// Every image of the page in source order (``FlowModel/Flow/images``), with where it leads.
    let images: [ResolvedLink]
    /// Each next link with where it leads, flow IDs allowed (``FlowModel/Flow/next``).
    let next: [(link: NextLink, target: LinkResolver.Target)]
    /// Each raw HTML span of the page's inlines, nested ones included, in source order.
    let htmlSpans: [(html: String, range: SourceRange?)]

    /// A link or image and what it resolves to from its page.
    struct ResolvedLink: Sendable {
        let link: Inline.Link
        let target: LinkResolver.Target
    }

    /// Collects the facts of `flow`, resolving its links with `resolver`.
    init(_ flow: Flow, resolver: LinkResolver) {
        self.flow = flow
        steps = flow.allSteps
        let inlines = flow.allInlines
        links = Inline.links(in: inlines, images: false).map {
            ResolvedLink(link: $0, target: resolver.resolve($0.destination, from: flow.source))
        }
        images = Inline.links(in: inlines, images: true).map {
            ResolvedLink(link: $0, target: resolver.resolve($0.destination, from: flow.source))
        }
        next = flow.next.map { ($0, resolver.resolve($0.destination, from: flow.source, allowsFlowID: true)) }
        htmlSpans = inlines.flatMap(\.htmlSpans)
    }

    /// The facts of every page of `content`, in page order, computed on every core.
    ///
    /// - Parameters:
    ///   - content: The pages.
    ///   - resolver: The resolver of `content`'s links.
    /// - Returns: One value per page of ``FlowModel/ContentSet/flows``, in the same order.
    static func all(of content: ContentSet, resolver: LinkResolver) -> [FlowFacts] {
        let flows = content.flows
        let chunkSize = 64
        let chunks = (flows.count + chunkSize - 1) / chunkSize
        var facts: [[FlowFacts]] = Array(repeating: [], count: chunks)
        facts.withUnsafeMutableBufferPointer { buffer in
            // Each iteration writes only its own element of the buffer.
            nonisolated(unsafe) let results = buffer
            DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                let range = chunk * chunkSize..<min(flows.count, (chunk + 1) * chunkSize)
                results[chunk] = flows[range].map { FlowFacts($0, resolver: resolver) }
            }
        }
        return Array(facts.joined())
    }
}

extension CheckContext {
    /// The facts of every page of `content`: the shared ones when ``ContentChecker`` computed
    /// them, else computed now.
    func facts(of content: ContentSet) -> [FlowFacts] {
        if let flowFacts, flowFacts.count == content.flows.count { return flowFacts }
        let resolver = linkIndex?.resolver ?? LinkResolver(content: content)
        return content.flows.map { FlowFacts($0, resolver: resolver) }
    }
}
