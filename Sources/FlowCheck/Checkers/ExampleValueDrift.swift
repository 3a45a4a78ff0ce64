public import FlowCore
public import FlowModel
import FlowProse

/// Reports a field shown with different example values within one flow.
///
/// Screen inputs (`URL*: https://example.net`) and the `Example` column of field tables are
/// compared by field name; each value that differs from the first one is reported, with a note
/// at the first.
public struct ExampleValueDrift: Checker {
    public let id = "ExampleValueDrift"
    public let defaultSeverity = DiagnosticSeverity.warning
    public let abstract = "The same field has different example values within one flow"
    public let scope = RuleScope.page

    public init() {}

    private struct Example {
        var field: String
        var value: String
        var range: SourceRange?
    }

    public func check(_ content: ContentSet, context: CheckContext) -> [Diagnostic] {
        context.facts(of: content).flatMap(check)
    }

    private func check(_ facts: FlowFacts) -> [Diagnostic] {
        let flow = facts.flow
        var first: [String: Example] = [:]
        var found: [Diagnostic] = []
        // Only screens and field tables have examples; most steps have neither.
        let steps = facts.steps.filter { $0.elements.contains { $0.isScreen || $0.isFieldTable } }
        for example in steps.flatMap(examples) {
            let key = example.field.nameKey
            guard let earlier = first[key] else {
                first[key] = example
                continue
            }
            guard earlier.value != example.value else { continue }
            found.append(
                diagnostic(
                    example.range,
                    file: flow.source,
                    "Field '\(example.field)' has the example value '\(example.value)' here but '\(earlier.value)' before",
                    explanation: "Use the same example value for a field throughout a flow.",
                    notes: [Diagnostic.Note(range: earlier.range, message: "'\(earlier.value)' is used here")]
                )
            )
        }
        return found
    }

    /// The step's example values in source order.
    private func examples(_ step: Step) -> [Example] {
        var examples: [Example] = []
        for element in step.elements {
            switch element {
            case .screen(let screen):
                for input in screen.elements where input.kind == .input {
                    guard let value = input.value?.trimmingWhitespaces, !value.isEmpty else {
                        continue
                    }
                    examples.append(Example(field: input.label, value: value, range: input.range))
                }
            case .fieldTable(let table):
                let exampleColumn = table.columns.firstIndex { ["example", "examples"].contains($0.nameKey) }
                for (row, field) in zip(table.table.rows, table.fields) {
                    guard let value = field.example?.trimmingWhitespaces, !value.isEmpty else {
                        continue
                    }
                    let cell = exampleColumn.flatMap { $0 < row.cells.count ? row.cells[$0].range : nil }
                    examples.append(Example(field: field.name, value: value, range: cell ?? field.range))
                }
            case .prose, .callout, .choice, .substeps, .result:
                continue
            }
        }
        return examples
    }
}
