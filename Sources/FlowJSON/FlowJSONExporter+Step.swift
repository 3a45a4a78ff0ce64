import FlowCore
import FlowModel
import FlowProse

extension FlowJSONExporter {
    func export(_ step: Step) -> ExportStep {
        let renderer = HTMLRenderer()
        return ExportStep(
            number: step.number,
            index: step.index,
            anchor: step.anchor,
            action: step.action,
            targets: step.targets.map { ExportStep.Named(name: $0.name, position: $0.range) },
            literals: step.literals.map { ExportStep.Literal(value: $0.value, position: $0.range) },
            text: step.text,
            html: renderer.render(step.instruction.inlines),
            details: renderer.render(step.details),
            fields: step.fieldTable?.fields.map { field in
                ExportStep.Field(
                    name: field.name,
                    description: field.description.plainText,
                    required: field.required,
                    default: field.defaultValue,
                    example: field.example,
                    position: field.range
                )
            } ?? [],
            screen: step.screen.map { screen in
                ExportStep.Screen(
                    title: screen.title,
                    elements: screen.elements.map { element in
                        ExportStep.Screen.Element(
                            kind: element.kind.rawValue,
                            label: element.label,
                            required: element.required,
                            value: element.value,
                            checked: element.checked,
                            position: element.range
                        )
                    },
                    position: screen.range
                )
            },
            choices: step.choice?.options.map { option in
                ExportStep.Option(
                    label: option.label,
                    properties: option.properties,
                    link: option.link,
                    selected: option.isSelected,
                    position: option.range
                )
            } ?? [],
            substeps: step.substeps.map { export($0) },
            result: step.result.map { ExportStep.Text(text: $0.inlines.plainText, html: renderer.render($0.inlines)) },
            callouts: step.callouts.map { export($0) },
            images: step.images.map { image in
                ExportStep.Image(
                    src: image.destination,
                    alt: image.children.plainText,
                    title: image.title,
                    position: image.range
                )
            },
            links: step.links.map {
                ExportStep.Link(href: $0.destination, text: $0.children.plainText, position: $0.range)
            },
            position: step.range
        )
    }
}
