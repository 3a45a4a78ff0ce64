public import FlowCore
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
        var runs: [[Inline]] = []
        forEachInlineRun { runs.append($0) }
        return runs
    }

    /// Calls `body` with each inline run of the block and of the blocks inside it, in the order
    /// of ``allInlines``, without collecting them.
    public func forEachInlineRun(_ body: ([Inline]) -> Void) {
        switch self {
        case .paragraph(let paragraph): body(paragraph.inlines)
        case .heading(let heading): body(heading.inlines)
        case .blockQuote(let quote): for block in quote.blocks { block.forEachInlineRun(body) }
        case .list(let list):
            for item in list.items {
                for block in item.blocks { block.forEachInlineRun(body) }
            }
        case .table(let table): Self.forEachInlineRun(of: table, body)
        case .codeBlock, .htmlBlock, .thematicBreak: break
        }
    }

    /// The cells of the header, then of each row.
    fileprivate static func forEachInlineRun(of table: Table, _ body: ([Inline]) -> Void) {
        for cell in table.header.cells { body(cell.inlines) }
        for row in table.rows {
            for cell in row.cells { body(cell.inlines) }
        }
    }
}

extension Step {
    /// Every inline run of the step: instruction, prose, callouts, table cells, result, sub-steps.
    public var allInlines: [[Inline]] {
        var runs: [[Inline]] = []
        forEachInlineRun { runs.append($0) }
        return runs
    }

    /// Calls `body` with each inline run of the step, in the order of ``allInlines``.
    public func forEachInlineRun(_ body: ([Inline]) -> Void) {
        body(instruction.inlines)
        for element in elements {
            switch element {
            case .prose(let block): block.forEachInlineRun(body)
            case .callout(let callout): for block in callout.blocks { block.forEachInlineRun(body) }
            case .fieldTable(let table): Block.forEachInlineRun(of: table.table, body)
            case .result(let paragraph): body(paragraph.inlines)
            case .substeps(let steps): for step in steps { step.forEachInlineRun(body) }
            case .screen, .choice: break
            }
        }
    }

    /// The links of the step, in source order.
    public var links: [Inline.Link] { Inline.links(in: allInlines, images: false) }

    /// The images of the step, in source order.
    public var images: [Inline.Link] { Inline.links(in: allInlines, images: true) }
}

extension Flow {
    /// Every inline run of the page.
    public var allInlines: [[Inline]] {
        var runs: [[Inline]] = []
        forEachInlineRun { runs.append($0) }
        return runs
    }

    /// Calls `body` with each inline run of the page, in the order of ``allInlines``.
    public func forEachInlineRun(_ body: ([Inline]) -> Void) {
        for element in self.body {
            switch element {
            case .heading(let heading): body(heading.inlines)
            case .callout(let callout): for block in callout.blocks { block.forEachInlineRun(body) }
            case .procedure(let procedure): for step in procedure.steps { step.forEachInlineRun(body) }
            case .prose(let block): block.forEachInlineRun(body)
            }
        }
    }

    /// Every link of the page, in source order.
    public var links: [Inline.Link] { Inline.links(in: allInlines, images: false) }

    /// Every image of the page, in source order.
    public var images: [Inline.Link] { Inline.links(in: allInlines, images: true) }
}

extension Flow {
    /// Each anchor of the page (section headings, steps and sub-steps) with where it is defined.
    public var anchorDefinitions: [(anchor: String, range: SourceRange?)] {
        var anchors: [(anchor: String, range: SourceRange?)] = []
        for element in body {
            switch element {
            case .heading(let heading): anchors.append((heading.anchor, heading.range))
            case .procedure(let procedure): Self.appendAnchors(of: procedure.steps, to: &anchors)
            case .callout, .prose: break
            }
        }
        return anchors
    }

    /// Appends the anchor of each of `steps` and then of its sub-steps, depth first, without copying steps.
    private static func appendAnchors(of steps: [Step], to anchors: inout [(anchor: String, range: SourceRange?)]) {
        for step in steps {
            anchors.append((step.anchor, step.range))
            for element in step.elements {
                if case .substeps(let substeps) = element { appendAnchors(of: substeps, to: &anchors) }
            }
        }
    }
}
