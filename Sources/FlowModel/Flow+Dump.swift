import FlowCore
import FlowProse

extension Flow {
    /// A readable tree of the page's model, one value per line with its position.
    ///
    /// ```
    /// Flow id: salesforce/initiate title: "Initiate a connection" @5:1
    /// ├─ Callout important @7:1 "A connection keeps its mode."
    /// └─ Procedure "Initiate the connection" @11:1
    ///    └─ Step 1 (index 1, step-1) action: Open @13:1 "Open the Connections tab."
    ///       └─ Target "Connections" @13:10
    /// ```
    public func dump() -> String {
        var lines = ["Flow id: \(id) kind: \(kind.rawValue) title: \(quoted(title))\(at(titleRange))"]
        var children: [Node] = metadata.facets.map { Node("Facet \($0.name): \($0.value)") }
        if let updated = metadata.updated { children.append(Node("Updated \(updated)")) }
        for element in body {
            switch element {
            case .heading(let heading):
                children.append(
                    Node("Heading \(heading.level) #\(heading.anchor) \(quoted(heading.text))\(at(heading.range))")
                )
            case .callout(let callout): children.append(node(callout))
            case .procedure(let procedure):
                children.append(
                    Node("Procedure \(quoted(procedure.title))\(at(procedure.range))", procedure.steps.map(node))
                )
            case .prose(let block): children.append(Node("Prose \(kindName(block))\(at(block.range))"))
            }
        }
        children += next.map { Node("Next \($0.destination) \(quoted($0.text))\(at($0.range))") }
        Node.render(children, prefix: "", into: &lines)
        return lines.joined(separator: "\n") + "\n"
    }

    private func node(_ step: Step) -> Node {
        var children = step.targets.map { Node("Target \(quoted($0.name))\(at($0.range))") }
        children += step.literals.map { Node("Literal \(quoted($0.value))\(at($0.range))") }
        for element in step.elements {
            switch element {
            case .prose(let block): children.append(Node("Prose \(kindName(block))\(at(block.range))"))
            case .callout(let callout): children.append(node(callout))
            case .fieldTable(let table):
                children.append(
                    Node(
                        "FieldTable columns: \(table.columns.joined(separator: ", "))\(at(table.range))",
                        table.fields.map { field in
                            var text = "Field \(quoted(field.name))\(field.required ? " required" : "")"
                            if let value = field.defaultValue { text += " default: \(quoted(value))" }
                            if let value = field.example { text += " example: \(quoted(value))" }
                            return Node(text + at(field.range))
                        }
                    )
                )
            case .screen(let screen):
                children.append(
                    Node(
                        "Screen \(quoted(screen.title))\(at(screen.range))",
                        screen.elements.map { element in
                            var text = "\(element.kind.rawValue) \(quoted(element.label))"
                            if element.required { text += " required" }
                            if element.checked { text += " checked" }
                            if let value = element.value { text += " value: \(quoted(value))" }
                            return Node(text + at(element.range))
                        }
                    )
                )
            case .choice(let choice):
                children.append(
                    Node(
                        "Choice\(at(choice.range))",
                        choice.options.map { option in
                            var text = "Option \(quoted(option.label))\(option.isSelected ? " selected" : "")"
                            if let link = option.link { text += " link: \(link)" }
                            return Node(
                                text + at(option.range),
                                option.properties.map { Node("Property \(quoted($0))") }
                            )
                        }
                    )
                )
            case .substeps(let steps): children.append(Node("Substeps", steps.map(node)))
            case .result(let paragraph):
                children.append(Node("Result \(quoted(paragraph.inlines.plainText))\(at(paragraph.range))"))
            }
        }
        let action = step.action.map { " action: \($0)" } ?? ""
        return Node(
            "Step \(step.number) (index \(step.index), \(step.anchor))\(action)\(at(step.range)) \(quoted(step.text))",
            children
        )
    }

    private func node(_ callout: Callout) -> Node {
        let text = callout.blocks.flatMap(\.allInlines).map(\.plainText).joined(separator: " ")
        return Node("Callout \(callout.kind.rawValue)\(at(callout.range)) \(quoted(text))")
    }

    private func kindName(_ block: Block) -> String {
        switch block {
        case .paragraph: "paragraph"
        case .heading: "heading"
        case .blockQuote: "blockQuote"
        case .list(let list): list.isOrdered ? "orderedList" : "bulletList"
        case .codeBlock(let code): "codeBlock \(quoted(code.info))"
        case .htmlBlock: "htmlBlock"
        case .thematicBreak: "thematicBreak"
        case .table: "table"
        }
    }

    private func at(_ range: SourceRange?) -> String {
        range.map { " @\($0.start.line):\($0.start.column)-\($0.end.line):\($0.end.column)" } ?? ""
    }

    private func quoted(_ text: String) -> String {
        let short = text.count > 60 ? String(text.prefix(57)) + "..." : text
        return "\"" + short.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\\n") + "\""
    }
}

/// A line of the dump and the lines under it.
private struct Node {
    var text: String
    var children: [Node]

    init(_ text: String, _ children: [Node] = []) {
        self.text = text
        self.children = children
    }

    static func render(_ nodes: [Node], prefix: String, into lines: inout [String]) {
        for (offset, node) in nodes.enumerated() {
            let isLast = offset == nodes.count - 1
            lines.append(prefix + (isLast ? "└─ " : "├─ ") + node.text)
            render(node.children, prefix: prefix + (isLast ? "   " : "│  "), into: &lines)
        }
    }
}
