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
final class FlowFacts: Sendable {
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
    /// Each anchor of the page with where it is defined (``FlowModel/Flow/anchorDefinitions``).
    let anchorDefinitions: [(anchor: String, range: SourceRange?)]

    /// A link or image and what it resolves to from its page.
    struct ResolvedLink: Sendable {
        let link: Inline.Link
        let target: LinkResolver.Target
    }

    /// Collects the facts of `flow`, resolving its links with `resolver`.
    ///
    /// One walk over the page's inline runs collects links, images and HTML, in the order of
    /// ``FlowModel/Flow/allInlines`` but without building that array of arrays.
    init(_ flow: Flow, resolver: LinkResolver) {
        self.flow = flow
        var steps: [Step] = []
        for element in flow.body {
            if case .procedure(let procedure) = element { Self.append(procedure.steps, to: &steps) }
        }
        self.steps = steps
        var links: [Inline.Link] = []
        var images: [Inline.Link] = []
        var htmlSpans: [(html: String, range: SourceRange?)] = []
        flow.forEachInlineRun { run in
            Inline.collectLinks(in: run, images: false, into: &links)
            Inline.collectLinks(in: run, images: true, into: &images)
            Self.collectHTML(in: run, into: &htmlSpans)
        }
        self.links = links.map {
            ResolvedLink(link: $0, target: resolver.resolve($0.destination, from: flow.source))
        }
        self.images = images.map {
            ResolvedLink(link: $0, target: resolver.resolve($0.destination, from: flow.source))
        }
        self.htmlSpans = htmlSpans
        next = flow.next.map { ($0, resolver.resolve($0.destination, from: flow.source, allowsFlowID: true)) }
        anchorDefinitions = flow.anchorDefinitions
    }

    /// The set of anchors a `#fragment` link into the page may name (``FlowModel/Flow/anchors``).
    var anchors: Set<String> { Set(anchorDefinitions.map(\.anchor)) }

    /// Appends each of `list` and then its sub-steps, depth first, as ``FlowModel/Flow/allSteps`` orders them.
    private static func append(_ list: [Step], to steps: inout [Step]) {
        for step in list {
            steps.append(step)
            for element in step.elements {
                if case .substeps(let substeps) = element { append(substeps, to: &steps) }
            }
        }
    }

    /// Appends each raw HTML span of `inlines`, nested ones included, as ``htmlSpans`` orders them.
    private static func collectHTML(in inlines: [Inline], into spans: inout [(html: String, range: SourceRange?)]) {
        for inline in inlines {
            switch inline {
            case .html(let html, let range): spans.append((html, range))
            case .emphasis(let children, _), .strong(let children, _): collectHTML(in: children, into: &spans)
            case .link(let link), .image(let link): collectHTML(in: link.children, into: &spans)
            case .text, .code, .softBreak, .lineBreak: break
            }
        }
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
