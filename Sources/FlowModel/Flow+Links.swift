public import FlowProse

/// Collects the links and images of prose.
extension Inline {
    /// Appends every link (`isImage == false`) or image in `inlines` to `links`.
    public static func collectLinks(in inlines: [Inline], images: Bool, into links: inout [Inline.Link]) {
        for inline in inlines {
            switch inline {
            case .link(let link):
                if !images { links.append(link) }
                collectLinks(in: link.children, images: images, into: &links)
            case .image(let link):
                if images { links.append(link) }
            case .emphasis(let children, _), .strong(let children, _):
                collectLinks(in: children, images: images, into: &links)
            case .text, .code, .html, .softBreak, .lineBreak:
                break
            }
        }
    }
}

extension Inline {
    /// The links (or, with `images`, the images) of every inline run in `runs`, in order.
    public static func links(in runs: [[Inline]], images: Bool) -> [Inline.Link] {
        var links: [Inline.Link] = []
        for run in runs { collectLinks(in: run, images: images, into: &links) }
        return links
    }
}

extension Block {
    /// Every inline run of the block and of the blocks inside it.
    public var allInlines: [[Inline]] {
        switch self {
        case .paragraph(let paragraph): [paragraph.inlines]
        case .heading(let heading): [heading.inlines]
        case .blockQuote(let quote): quote.blocks.flatMap(\.allInlines)
        case .list(let list): list.items.flatMap { $0.blocks.flatMap(\.allInlines) }
        case .table(let table): ([table.header] + table.rows).flatMap { $0.cells.map(\.inlines) }
        case .codeBlock, .htmlBlock, .thematicBreak: []
        }
    }
}

extension Step {
    /// Every inline run of the step: instruction, prose, callouts, table cells, result, sub-steps.
    public var allInlines: [[Inline]] {
        var runs = [instruction.inlines]
        for element in elements {
            switch element {
            case .prose(let block): runs += block.allInlines
            case .callout(let callout): runs += callout.blocks.flatMap(\.allInlines)
            case .fieldTable(let table): runs += Block.table(table.table).allInlines
            case .result(let paragraph): runs.append(paragraph.inlines)
            case .substeps(let steps): runs += steps.flatMap(\.allInlines)
            case .screen, .choice: break
            }
        }
        return runs
    }

    /// The links of the step, in source order.
    public var links: [Inline.Link] { Inline.links(in: allInlines, images: false) }

    /// The images of the step, in source order.
    public var images: [Inline.Link] { Inline.links(in: allInlines, images: true) }
}

extension Flow {
    /// Every inline run of the page.
    public var allInlines: [[Inline]] {
        body.flatMap { element -> [[Inline]] in
            switch element {
            case .heading(let heading): [heading.inlines]
            case .callout(let callout): callout.blocks.flatMap(\.allInlines)
            case .procedure(let procedure): procedure.steps.flatMap(\.allInlines)
            case .prose(let block): block.allInlines
            }
        }
    }

    /// Every link of the page, in source order.
    public var links: [Inline.Link] { Inline.links(in: allInlines, images: false) }

    /// Every image of the page, in source order.
    public var images: [Inline.Link] { Inline.links(in: allInlines, images: true) }
}
