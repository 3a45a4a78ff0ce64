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
        for procedure in flow.procedures {
            for step in procedure.steps { terms.visit(step) }
        }
        self.init(steps: terms.steps, targets: Self.unique(terms.targets), fields: Self.unique(terms.fields))
    }

    /// Adds the terms of `step` and then of its sub-steps.
    private mutating func visit(_ step: Step) {
        steps.append(step.text)
        for target in step.targets { targets.append(target.name) }
        for element in step.elements {
            switch element {
            case .fieldTable(let table):
                for field in table.fields { fields.append(field.name) }
            case .screen(let screen):
                for item in screen.elements {
                    if item.kind.isField {
                        fields.append(item.label)
                    } else if item.kind == .button {
                        targets.append(item.label)
                    }
                }
            case .choice(let choice):
                for option in choice.options { targets.append(option.label) }
            case .substeps(let substeps):
                for substep in substeps { visit(substep) }
            case .prose, .callout, .result: break
            }
        }
    }

    /// `values` without repeats, in order.
    ///
    /// A page has a few dozen: comparing each with those kept costs less than hashing them, up
    /// to ``linearUniqueLimit``.
    private static func unique(_ values: [String]) -> [String] {
        if values.count <= linearUniqueLimit {
            var kept: [String] = []
            kept.reserveCapacity(values.count)
            for value in values where !kept.contains(value) { kept.append(value) }
            return kept
        }
        var seen: Set<String> = []
        return values.filter { seen.insert($0).inserted }
    }

    private static let linearUniqueLimit = 32
}
