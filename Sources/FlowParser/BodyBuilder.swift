import FlowCore
import FlowModel
import FlowProse

/// Builds a page's body from its top-level blocks, in source order.
///
/// Each top-level ordered list is a procedure. A list interrupted by a paragraph, callout or
/// image and continued with the next number continues the same procedure; the interrupting
/// blocks then belong to the step before them.
struct BodyBuilder {
    let stepReader: StepReader
    private(set) var title: Heading?
    private(set) var firstParagraph: Paragraph?
    private(set) var body: [PageElement] = []
    private(set) var nextLinks: [NextLink] = []

    private var openProcedure: Procedure?
    /// Blocks after an open procedure that may still be continued by the next number.
    private var pending: [Block] = []
    private var currentHeading: SectionHeading?
    private var nextSectionLevel: Int?
    private var anchors = Slug.Registry()
    private var procedureCount = 0

    /// Headings of the section that lists the flows that follow (compared as slugs).
    static let nextSectionSlugs: Set<String> = ["whats-next", "next-steps", "see-also", "next", "whats-next-"]

    init(stepReader: StepReader) {
        self.stepReader = stepReader
    }

    mutating func add(_ block: Block, diagnostics: inout [Diagnostic]) {
        if case .heading(let heading) = block {
            addHeading(heading)
            return
        }
        if nextSectionLevel != nil { collectNextLinks(from: block) }
        if case .list(let list) = block, list.isOrdered, nextSectionLevel == nil {
            addList(list, diagnostics: &diagnostics)
            return
        }
        if case .paragraph(let paragraph) = block, firstParagraph == nil, CalloutReader.callout(from: block) == nil {
            firstParagraph = paragraph
        }
        if openProcedure != nil {
            if case .table(let table) = block, pending.isEmpty, FieldTableReader.isFieldTable(table) {
                appendToLastStep([.fieldTable(FieldTableReader.read(table))])
            } else {
                pending.append(block)
            }
            return
        }
        body.append(Self.pageElement(for: block))
    }

    mutating func finish() {
        closeProcedure()
        body = body.withoutSpareCapacity
    }

    private mutating func addHeading(_ heading: Heading) {
        if heading.level == 1, title == nil {
            title = heading
            return
        }
        closeProcedure()
        let text = heading.inlines.plainText.trimmingSpaces
        let section = SectionHeading(
            level: heading.level,
            inlines: heading.inlines,
            anchor: anchors.unique(text),
            range: heading.range
        )
        if let level = nextSectionLevel, heading.level <= level { nextSectionLevel = nil }
        if Self.nextSectionSlugs.contains(Slug.make(text)) { nextSectionLevel = heading.level }
        currentHeading = section
        body.append(.heading(section))
    }

    private mutating func addList(_ list: ListBlock, diagnostics: inout [Diagnostic]) {
        if let last = openProcedure?.steps.last, let first = list.items.first?.number, first == last.number + 1,
            first != 1
        {
            appendToLastStep(
                pending.map {
                    stepReader.element(for: $0, targets: last.targets, anchor: last.anchor, diagnostics: &diagnostics)
                }
            )
            pending = []
            let steps = readSteps(list, after: openProcedure?.steps.count ?? 0, diagnostics: &diagnostics)
            // Take the procedure out while changing it, or the append copies every step read so far.
            guard var procedure = openProcedure else { return }
            openProcedure = nil
            procedure.steps += steps
            procedure.range = procedure.range.map {
                SourceRange(file: $0.sourceFile, start: $0.start, end: list.range?.end ?? $0.end)
            }
            openProcedure = procedure
            return
        }
        closeProcedure()
        procedureCount += 1
        openProcedure = Procedure(
            title: currentHeading?.text ?? title?.inlines.plainText ?? "",
            anchor: currentHeading?.anchor ?? "",
            steps: [],
            range: list.range
        )
        let steps = readSteps(list, after: 0, diagnostics: &diagnostics)
        openProcedure?.steps = steps
    }

    private mutating func readSteps(_ list: ListBlock, after count: Int, diagnostics: inout [Diagnostic]) -> [Step] {
        let prefix =
            procedureCount == 1
            ? "step"
            : "\(openProcedure?.anchor.isEmpty == false ? openProcedure?.anchor ?? "" : "procedure-\(procedureCount)")-step"
        return list.items.enumerated().map { offset, item in
            let index = count + offset + 1
            return stepReader.read(
                item,
                index: index,
                anchor: anchors.uniqueSlug("\(prefix)-\(index)"),
                diagnostics: &diagnostics
            )
        }
    }

    private mutating func appendToLastStep(_ elements: [StepElement]) {
        guard var procedure = openProcedure, !procedure.steps.isEmpty else { return }
        openProcedure = nil  // so that changing a step doesn't copy all the others
        procedure.steps[procedure.steps.count - 1].elements += elements
        openProcedure = procedure
    }

    private mutating func closeProcedure() {
        if let procedure = openProcedure { body.append(.procedure(procedure)) }
        openProcedure = nil
        body += pending.map(Self.pageElement)
        pending = []
    }

    private mutating func collectNextLinks(from block: Block) {
        var links: [Inline.Link] = []
        for run in block.allInlines { Inline.collectLinks(in: run, images: false, into: &links) }
        nextLinks += links.map { NextLink(destination: $0.destination, text: $0.children.plainText, range: $0.range) }
    }

    private static func pageElement(for block: Block) -> PageElement {
        CalloutReader.callout(from: block).map(PageElement.callout) ?? .prose(block)
    }
}
