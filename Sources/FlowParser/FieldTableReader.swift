import FlowCore
import FlowModel
import FlowProse

/// Reads a GFM table whose first header cell is `Field`, `Name`, `Setting`, `Parameter` or
/// `Option` into a ``FlowModel/FieldTable``.
enum FieldTableReader {
    /// The first header cells that make a table a field table (lowercased).
    static let nameHeaders: Set<String> = ["field", "name", "setting", "parameter", "option"]

    /// Whether `table` is a field table.
    static func isFieldTable(_ table: Table) -> Bool {
        guard let first = table.header.cells.first else { return false }
        return nameHeaders.contains(first.inlines.plainText.trimmingSpaces.lowercased())
    }

    /// Reads the rows of `table`.
    ///
    /// Optional columns: Description, Required, Default, Example.
    static func read(_ table: Table) -> FieldTable {
        let columns = table.header.cells.map { $0.inlines.plainText.trimmingSpaces }
        let lowered = columns.map { $0.lowercased() }
        func column(_ names: String...) -> Int? { lowered.firstIndex { names.contains($0) } }
        let description = column("description", "meaning", "what it is")
        let requiredColumn = column("required", "mandatory")
        let defaultColumn = column("default")
        let exampleColumn = column("example", "examples")
        let fields = table.rows.map { row -> FieldTable.Field in
            func text(_ index: Int?) -> String? {
                guard let index, index < row.cells.count else { return nil }
                let value = row.cells[index].inlines.plainText.trimmingSpaces
                return value.isEmpty ? nil : value
            }
            var name = text(0) ?? ""
            var required = false
            if name.hasSuffix("*") {
                required = true
                name = String(name.dropLast()).trimmingSpaces
            }
            if let flag = text(requiredColumn)?.lowercased(), ["yes", "y", "true", "required", "✓", "x"].contains(flag)
            {
                required = true
            }
            let descriptionInlines = description.flatMap { $0 < row.cells.count ? row.cells[$0].inlines : nil } ?? []
            return FieldTable.Field(
                name: name,
                description: descriptionInlines,
                required: required,
                defaultValue: text(defaultColumn),
                example: text(exampleColumn),
                range: row.cells.first?.range ?? row.range
            )
        }
        return FieldTable(columns: columns, fields: fields, table: table, range: table.range)
    }
}
