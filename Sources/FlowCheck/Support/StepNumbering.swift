import FlowCore
import FlowModel

/// Finds step numbers that skip or repeat in each procedure and list of sub-steps.
enum StepNumbering {
    /// A step whose written number is not the one after its predecessor's.
    struct Problem {
        enum Kind { case gap, repeated }
        var kind: Kind
        var step: Step
        /// The step before, `nil` for the first step of a list.
        var previous: Step?
        /// The whole list the step belongs to, for the fix-it.
        var list: [Step]
    }

    /// Every numbering problem of `flow`, in source order.
    static func problems(in flow: Flow) -> [Problem] {
        flow.procedures.flatMap { problems(in: $0.steps) }
    }

    private static func problems(in list: [Step]) -> [Problem] {
        var found: [Problem] = []
        // Numbers are compared by index; a step is copied only into a problem.
        for offset in list.indices {
            let number = list[offset].number
            let previousNumber = offset > 0 ? list[offset - 1].number : nil
            if let previousNumber, number == previousNumber {
                found.append(Problem(kind: .repeated, step: list[offset], previous: list[offset - 1], list: list))
            } else if number != (previousNumber ?? 0) + 1 {
                let previous = offset > 0 ? list[offset - 1] : nil
                found.append(Problem(kind: .gap, step: list[offset], previous: previous, list: list))
            }
        }
        for step in list where step.elements.contains(where: \.isSubsteps) {
            found += problems(in: step.substeps)
        }
        return found
    }

    /// "Renumber steps": replaces each written number of `list` that is not its position.
    static func fixIt(for list: [Step]) -> Diagnostic.FixIt? {
        let replacements = list.enumerated().compactMap { offset, step -> Diagnostic.FixIt.Replacement? in
            guard step.number != offset + 1, let range = numberRange(of: step) else { return nil }
            return Diagnostic.FixIt.Replacement(range: range, text: String(offset + 1))
        }
        return replacements.isEmpty ? nil : Diagnostic.FixIt(summary: "Renumber steps", replacements: replacements)
    }

    /// The range of the digits of the step's list marker, which starts its range.
    static func numberRange(of step: Step) -> SourceRange? {
        guard let range = step.range else { return nil }
        let digits = String(step.number).utf8.count
        return SourceRange(
            file: range.sourceFile,
            line: range.start.line,
            column: range.start.column,
            endLine: range.start.line,
            endColumn: range.start.column + digits - 1
        )
    }
}

extension StepElement {
    /// Whether the element is a list of sub-steps.
    fileprivate var isSubsteps: Bool {
        if case .substeps = self { true } else { false }
    }
}
