import FlowModel
import FlowProse

/// Builds the view model of one page from its ``FlowModel/Flow``.
struct FlowPageBuilder {
    let context: SiteContext
    let flow: Flow
    let renderer: HTMLRenderer
    let page: String
    /// Records what the page asks about other pages; `nil` when nobody needs to know.
    let trace: DependencyTrace?

    init(context: SiteContext, flow: Flow, trace: DependencyTrace? = nil) {
        self.context = context
        self.flow = flow
        self.trace = trace
        self.renderer = context.renderer(for: flow, trace: trace)
        self.page = SitePaths.page(forFlowID: flow.id)
    }

    /// Headings that start the "What's next" section, compared lowercased without punctuation.
    static let nextHeadings: Set<String> = ["whats next", "what’s next", "next steps", "see also"]

    func build() -> FlowPageView {
        let parts = bodyParts()
        let toc = parts.flatMap(\.heading).filter { $0.level <= 3 }.map {
            TOCEntry(title: Self.plain($0.html), anchor: $0.anchor, isSub: $0.level == 3)
        }
        let (previous, following) = context.neighbors(of: flow, trace: trace)
        let facets = flow.metadata.facets.map {
            FacetView(name: $0.name.prefix(1).uppercased() + $0.name.dropFirst(), value: $0.value)
        }
        return FlowPageView(
            id: flow.id,
            title: flow.title,
            isFlow: flow.kind == .flow,
            facets: facets,
            hasFacets: !facets.isEmpty,
            updated: flow.metadata.updated ?? "",
            hasUpdated: flow.metadata.updated != nil,
            toc: toc,
            hasTOC: toc.count > 1,
            parts: parts,
            previousFlow: previous.map { [context.link(to: $0, fromPage: page)] } ?? [],
            nextFlow: following.map { [context.link(to: $0, fromPage: page)] } ?? [],
            hasPager: previous != nil || following != nil,
            jsonHref: SitePaths.relative(from: page, to: SitePaths.json(forFlowID: flow.id)),
            groups: [],
            hasGroups: false
        )
    }

    // MARK: Body

    private func bodyParts() -> [PagePartView] {
        var parts: [PagePartView] = []
        var nextLevel: Int?
        var cardsPlaced = false
        for element in flow.body {
            switch element {
            case .heading(let heading):
                if let level = nextLevel, heading.level <= level {
                    if !cardsPlaced { parts.append(nextCardsPart()) }
                    cardsPlaced = true
                    nextLevel = nil
                }
                if Self.nextHeadings.contains(Self.normalizedHeading(heading.text)) { nextLevel = heading.level }
                let html = renderer.render(heading.inlines)
                parts.append(
                    PagePartView(heading: [HeadingView(level: heading.level, html: html, anchor: heading.anchor)])
                )
            case .callout(let callout):
                parts.append(PagePartView(callout: [calloutView(callout)]))
            case .procedure(let procedure):
                parts.append(PagePartView(procedure: [procedureView(procedure, number: parts.count)]))
            case .prose(let block):
                if nextLevel != nil, !cardsPlaced, Self.isLinkList(block), !flow.next.isEmpty {
                    parts.append(nextCardsPart())
                    cardsPlaced = true
                } else if nextLevel != nil, cardsPlaced, Self.isLinkList(block) {
                    continue
                } else {
                    parts.append(PagePartView(prose: [renderer.render([block])]))
                }
            }
        }
        if !cardsPlaced, !flow.next.isEmpty {
            if nextLevel == nil {
                parts.append(PagePartView(heading: [HeadingView(level: 2, html: "What’s next", anchor: "whats-next")]))
            }
            parts.append(nextCardsPart())
        }
        return parts
    }

    private func nextCardsPart() -> PagePartView {
        var seen: Set<String> = []
        let cards = flow.next.compactMap { link -> FlowLinkView? in
            let (href, target) = context.target(of: link.destination, in: flow, allowsFlowID: true, trace: trace)
            guard seen.insert(href).inserted else { return nil }
            if let target { return context.link(to: target, href: href) }
            return FlowLinkView(title: link.text, href: href, summary: "", mode: "", hasMode: false, stepCount: 0)
        }
        return cards.isEmpty ? PagePartView() : PagePartView(nextCards: [NextCardsView(flows: cards)])
    }

    private func calloutView(_ callout: Callout) -> CalloutView {
        let known = Callout.Kind.known.contains(callout.kind)
        return CalloutView(
            kind: known ? callout.kind.rawValue : "note",
            label: callout.kind.displayName,
            html: renderer.render(callout.blocks)
        )
    }

    private func procedureView(_ procedure: Procedure, number: Int) -> ProcedureView {
        ProcedureView(
            title: procedure.title,
            key: procedure.anchor.isEmpty ? "procedure-\(number)" : procedure.anchor,
            stepCount: procedure.steps.count,
            steps: procedure.steps.map { stepView($0) }
        )
    }

    // MARK: Steps

    private func stepView(_ step: Step) -> StepView {
        StepView(
            number: step.index,
            anchor: step.anchor,
            instruction: renderer.render(step.instruction.inlines),
            parts: step.elements.map { stepPart($0) }
        )
    }

    private func stepPart(_ element: StepElement) -> StepPartView {
        switch element {
        case .prose(let block): StepPartView(prose: [renderer.render([block])])
        case .callout(let callout): StepPartView(callout: [calloutView(callout)])
        case .fieldTable(let table): StepPartView(fieldTable: [fieldTableView(table)])
        case .screen(let screen): StepPartView(screen: [ScreenViewBuilder.view(of: screen)])
        case .choice(let choice): StepPartView(choice: [choiceView(choice)])
        case .substeps(let steps): StepPartView(substeps: [SubstepsView(steps: steps.map { stepView($0) })])
        case .result(let paragraph): StepPartView(result: [renderer.render(paragraph.inlines)])
        }
    }

    private func fieldTableView(_ table: FieldTable) -> FieldTableView {
        let columns = Set(table.columns.map { $0.lowercased() })
        return FieldTableView(
            hasDescription: columns.contains("description"),
            hasDefault: columns.contains("default"),
            hasExample: columns.contains("example"),
            rows: table.fields.map { field in
                FieldTableView.Row(
                    name: field.name,
                    required: field.required,
                    description: renderer.render(field.description),
                    defaultValue: field.defaultValue ?? "",
                    example: field.example ?? ""
                )
            }
        )
    }

    private func choiceView(_ choice: Choice) -> ChoiceView {
        ChoiceView(
            options: choice.options.map { option in
                let target = option.link.map { context.target(of: $0, in: flow, trace: trace) }
                return ChoiceView.Option(
                    label: option.label,
                    properties: option.properties,
                    hasProperties: !option.properties.isEmpty,
                    isSelected: option.isSelected,
                    href: target?.href ?? "",
                    hasLink: option.link != nil,
                    linkTitle: target?.flow?.title ?? "Open the \(option.label) flow"
                )
            }
        )
    }

    // MARK: Primitive

    static func normalizedHeading(_ text: String) -> String {
        String(text.lowercased().filter { $0.isLetter || $0 == " " || $0 == "’" }).trimmingSpaces
    }

    /// Whether `block` is a bullet list whose every item holds a link.
    static func isLinkList(_ block: Block) -> Bool {
        guard case .list(let list) = block, !list.isOrdered, !list.items.isEmpty else { return false }
        return list.items.allSatisfy { item in
            var links: [Inline.Link] = []
            for run in item.blocks.flatMap(\.allInlines) { Inline.collectLinks(in: run, images: false, into: &links) }
            return !links.isEmpty
        }
    }

    /// The text of simple generated HTML, tags removed and entities decoded.
    static func plain(_ html: String) -> String {
        guard html.utf8.contains(where: { $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: "&") }) else { return html }
        var text = ""
        var inTag = false
        for character in html {
            if character == "<" {
                inTag = true
            } else if character == ">" {
                inTag = false
            } else if !inTag {
                text.append(character)
            }
        }
        return text.replacingEntities
    }
}

extension String {
    var trimmingSpaces: String {
        var text = Substring(self)
        while text.first == " " { text = text.dropFirst() }
        while text.last == " " { text = text.dropLast() }
        return String(text)
    }

    /// Decodes the entities our renderers write.
    var replacingEntities: String {
        guard utf8.contains(UInt8(ascii: "&")) else { return self }
        var text = self
        for (entity, character) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#x27;", "'"), ("&amp;", "&")] {
            text = text.split(separator: entity, omittingEmptySubsequences: false).joined(separator: character)
        }
        return text
    }
}
