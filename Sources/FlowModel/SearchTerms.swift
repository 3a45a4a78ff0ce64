/// The words of a page that the site's search finds it by, in source order.
public struct SearchTerms: Sendable, Hashable {
    /// The instruction of every step, sub-steps after their step.
    public var steps: [String]
    /// UI targets, screen buttons and choice options, each once.
    public var targets: [String]
    /// Field-table rows and screen fields, each once.
    public var fields: [String]

    /// Creates search terms.
    public init(steps: [String], targets: [String], fields: [String]) {
        self.steps = steps
        self.targets = targets
        self.fields = fields
    }

    /// No terms: a page without steps, or one whose model is not at hand.
    public static let empty = SearchTerms(steps: [], targets: [], fields: [])

    /// The search terms of `flow`'s steps.
    public init(_ flow: Flow) {
        var terms = SearchTerms.empty
        flow.steps.forEach { terms.visit($0) }
        self.init(steps: terms.steps, targets: Self.unique(terms.targets), fields: Self.unique(terms.fields))
    }

    /// Adds the terms of `step` and then of its sub-steps.
    private mutating func visit(_ step: Step) {
        steps.append(step.text)
        targets += step.targets.map(\.name)
        for element in step.elements {
            switch element {
            case .fieldTable(let table): fields += table.fields.map(\.name)
            case .screen(let screen):
                for item in screen.elements {
                    if item.kind.isField {
                        fields.append(item.label)
                    } else if item.kind == .button {
                        targets.append(item.label)
                    }
                }
            case .choice(let choice): targets += choice.options.map(\.label)
            case .substeps(let substeps): substeps.forEach { visit($0) }
            case .prose, .callout, .result: break
            }
        }
    }

    private static func unique(_ values: [String]) -> [String] {
        var seen: Set<String> = []
        return values.filter { seen.insert($0).inserted }
    }
}
