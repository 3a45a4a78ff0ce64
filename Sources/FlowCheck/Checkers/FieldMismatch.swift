public import FlowCore
public import FlowModel
import FlowProse

/// Reports a step whose screen and field table describe the same form differently.
///
/// A field on one side only, or a required mark (`*`) on one side only, is reported at the field
/// with a note at the other side, and a "did you mean" when a name on the other side is close.
/// Inputs and checkboxes are compared; radio buttons are options, not fields.
public struct FieldMismatch: Checker {
    public let id = "FieldMismatch"
    public let defaultSeverity = DiagnosticSeverity.warning
    public let abstract = "A step's screen and field table disagree on a field's name or required mark"
    public let scope = RuleScope.page

    public init() {}

    public func check(_ content: ContentSet, context: CheckContext) -> [Diagnostic] {
        context.facts(of: content).flatMap { facts in
            let flow = facts.flow
            return facts.steps.flatMap { step -> [Diagnostic] in
                // Most steps have neither; look before collecting anything.
                guard step.elements.contains(where: \.isScreen), step.elements.contains(where: \.isFieldTable) else {
                    return []
                }
                let screens = step.elements.compactMap { if case .screen(let screen) = $0 { screen } else { nil } }
                guard let table = step.fieldTable, !screens.isEmpty else { return [] }
                return compare(table, screens, file: flow.source)
            }
        }
    }

    private func compare(_ table: FieldTable, _ screens: [Screen], file: String) -> [Diagnostic] {
        let screenTitle = screens[0].title.isEmpty ? "the screen" : "screen '\(screens[0].title)'"
        let screenFields = screens.flatMap { $0.elements.filter { $0.kind == .input || $0.kind == .checkbox } }
        let onScreen = Dictionary(screenFields.map { ($0.label.nameKey, $0) }, uniquingKeysWith: { first, _ in first })
        let inTable = Dictionary(table.fields.map { ($0.name.nameKey, $0) }, uniquingKeysWith: { first, _ in first })
        var found: [Diagnostic] = []
        for field in table.fields {
            guard let element = onScreen[field.name.nameKey] else {
                let candidates = screenFields.map(\.label).filter { inTable[$0.nameKey] == nil }
                let suggestion = NearMiss.bestMatch(for: field.name, in: candidates)
                let other = suggestion.flatMap { onScreen[$0.nameKey]?.range } ?? screens[0].range
                found.append(
                    diagnostic(
                        field.range,
                        file: file,
                        "Field '\(field.name)' is in the field table but not on \(screenTitle)"
                            + (suggestion.map { "; did you mean '\($0)'?" } ?? ""),
                        notes: [
                            Diagnostic.Note(
                                range: other,
                                message: suggestion.map { "Screen field '\($0)' is here" } ?? "The screen is here"
                            )
                        ]
                    )
                )
                continue
            }
            if element.required != field.required {
                let (yes, no) =
                    element.required ? ("on the screen", "in the field table") : ("in the field table", "on the screen")
                found.append(
                    diagnostic(
                        field.range,
                        file: file,
                        "Field '\(field.name)' is required \(yes) but not \(no)",
                        explanation: "Mark the field required on both sides ('Name*'), or on neither.",
                        notes: [
                            Diagnostic.Note(range: element.range, message: "Screen field '\(element.label)' is here")
                        ]
                    )
                )
            }
        }
        for element in screenFields where inTable[element.label.nameKey] == nil {
            let candidates = table.fields.map(\.name).filter { onScreen[$0.nameKey] == nil }
            let suggestion = NearMiss.bestMatch(for: element.label, in: candidates)
            let other = suggestion.flatMap { inTable[$0.nameKey]?.range } ?? table.range
            found.append(
                diagnostic(
                    element.range,
                    file: file,
                    "Field '\(element.label)' is on \(screenTitle) but not in the field table"
                        + (suggestion.map { "; did you mean '\($0)'?" } ?? ""),
                    notes: [
                        Diagnostic.Note(
                            range: other,
                            message: suggestion.map { "Field table row '\($0)' is here" } ?? "The field table is here"
                        )
                    ]
                )
            )
        }
        return found
    }
}

extension StepElement {
    /// Whether the element is a screen.
    var isScreen: Bool {
        if case .screen = self { true } else { false }
    }

    /// Whether the element is a field table.
    var isFieldTable: Bool {
        if case .fieldTable = self { true } else { false }
    }
}
