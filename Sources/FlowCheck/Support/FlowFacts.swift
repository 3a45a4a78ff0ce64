import FlowCore
import FlowModel
import FlowProse

/// What the page rules read of one page, computed once per page for every rule.
///
/// Several rules walked each page's inlines for its links and images, or flattened its steps,
/// and resolved the same links again: together that was a fifth of `flowdoc check`.
/// ``ContentChecker`` builds the facts of each page it checks and hands them to the page rules
/// through ``CheckContext``; a rule run on its own builds them itself. The site rules read
/// ``SiteFacts`` instead.
final class FlowFacts: Sendable {
    /// The page.
    let flow: Flow
    /// Every step of every procedure, each followed by its sub-steps, depth first in source order.
    let steps: [Step]
    /// Every link of the page in source order (``FlowModel/Flow/links``), with where it leads.
    let links: [ResolvedLink]
    /// Every image of the page in source order (``FlowModel/Flow/images``), with where it leads.
    let images: [ResolvedLink]
    /// Each raw HTML span of the page's inlines, nested ones included, in source order.
    let htmlSpans: [(html: String, range: SourceRange?)]
    /// Each anchor of the page with where it is defined (`Flow.anchorDefinitions`).
    let anchorDefinitions: [(anchor: String, range: SourceRange?)]
    /// Each HTML block of the page, nested ones included (in block quotes, lists, callouts, steps), in source order.
    let htmlBlocks: [HTMLBlock]

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
            Self.collect(in: run, links: &links, images: &images, html: &htmlSpans, insideImage: false)
        }
        self.links = links.map {
            ResolvedLink(link: $0, target: resolver.resolve($0.destination, from: flow.source))
        }
        self.images = images.map {
            ResolvedLink(link: $0, target: resolver.resolve($0.destination, from: flow.source))
        }
        self.htmlSpans = htmlSpans
        anchorDefinitions = flow.anchorDefinitions
        var htmlBlocks: [HTMLBlock] = []
        for element in flow.body {
            switch element {
            case .heading: break
            case .callout(let callout): Self.collectHTML(in: callout.blocks, into: &htmlBlocks)
            case .procedure(let procedure): Self.collectHTML(in: procedure.steps, into: &htmlBlocks)
            case .prose(let block): Self.collectHTML(in: [block], into: &htmlBlocks)
            }
        }
        self.htmlBlocks = htmlBlocks
    }

    /// Appends the HTML blocks of `steps`: prose, callouts and sub-steps, in source order.
    private static func collectHTML(in steps: [Step], into blocks: inout [HTMLBlock]) {
        for step in steps {
            for element in step.elements {
                switch element {
                case .prose(let block): collectHTML(in: [block], into: &blocks)
                case .callout(let callout): collectHTML(in: callout.blocks, into: &blocks)
                case .substeps(let substeps): collectHTML(in: substeps, into: &blocks)
                case .fieldTable, .screen, .choice, .result: break
                }
            }
        }
    }

    /// Appends the HTML blocks among `list` and the blocks nested in them, each before its nested ones.
    private static func collectHTML(in list: [Block], into blocks: inout [HTMLBlock]) {
        for block in list {
            switch block {
            case .htmlBlock(let html): blocks.append(html)
            case .blockQuote(let quote): collectHTML(in: quote.blocks, into: &blocks)
            case .list(let listBlock):
                for item in listBlock.items { collectHTML(in: item.blocks, into: &blocks) }
            case .paragraph, .heading, .codeBlock, .thematicBreak, .table: break
            }
        }
    }

    /// Appends each of `list` and then its sub-steps, depth first.
    private static func append(_ list: [Step], to steps: inout [Step]) {
        for step in list {
            steps.append(step)
            for element in step.elements {
                if case .substeps(let substeps) = element { append(substeps, to: &steps) }
            }
        }
    }

    /// Appends the links, images and raw HTML spans of `inlines` in one walk, each in the order
    /// of ``FlowModel/Inline/collectLinks(in:images:into:)``: links and images inside an image's
    /// description are not links of the page, HTML spans there are.
    private static func collect(
        in inlines: [Inline],
        links: inout [Inline.Link],
        images: inout [Inline.Link],
        html spans: inout [(html: String, range: SourceRange?)],
        insideImage: Bool
    ) {
        for inline in inlines {
            switch inline {
            case .html(let html, let range): spans.append((html, range))
            case .emphasis(let children, _), .strong(let children, _):
                collect(in: children, links: &links, images: &images, html: &spans, insideImage: insideImage)
            case .link(let link):
                if !insideImage { links.append(link) }
                collect(in: link.children, links: &links, images: &images, html: &spans, insideImage: insideImage)
            case .image(let link):
                if !insideImage { images.append(link) }
                collect(in: link.children, links: &links, images: &images, html: &spans, insideImage: true)
            case .text, .code, .softBreak, .lineBreak: break
            }
        }
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
