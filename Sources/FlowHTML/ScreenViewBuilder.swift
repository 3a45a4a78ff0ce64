import FlowCore
import FlowModel

/// Turns a ``FlowModel/Screen`` into the lines of its wireframe.
///
/// Buttons written next to each other (`[< Previous] [Initiate]`) share one row, and the last
/// button of a row is drawn as the primary action unless it goes back (`< Previous`).
enum ScreenViewBuilder {
    static func view(of screen: Screen) -> ScreenView {
        var lines: [ScreenView.Line] = []
        for element in screen.elements {
            switch element.kind {
            case .button:
                let button = ScreenView.Button(label: element.label, isPrimary: false)
                if var last = lines.last, last.isButtons, last.buttons.count < 4,
                    lastButtonLine(of: screen, before: element) == element.range?.start.line
                {
                    last.buttons.append(button)
                    lines[lines.count - 1] = last
                } else {
                    lines.append(ScreenView.Line(isButtons: true, buttons: [button]))
                }
            case .input:
                lines.append(
                    ScreenView.Line(
                        isInput: true,
                        label: element.label,
                        required: element.required,
                        value: element.value ?? "",
                        hasValue: element.value != nil
                    )
                )
            case .checkbox:
                lines.append(ScreenView.Line(isCheckbox: true, label: element.label, checked: element.checked))
            case .radio:
                lines.append(ScreenView.Line(isRadio: true, label: element.label, checked: element.checked))
            case .heading:
                lines.append(ScreenView.Line(isHeading: true, label: element.label))
            case .text:
                lines.append(ScreenView.Line(isText: true, label: element.label))
            }
        }
        for index in lines.indices where lines[index].isButtons {
            if let last = lines[index].buttons.indices.last, !lines[index].buttons[last].label.hasPrefix("<") {
                lines[index].buttons[last].isPrimary = true
            }
        }
        return ScreenView(title: screen.title, lines: lines)
    }

    /// The source line of the button written just before `element`, if the previous element is a button.
    private static func lastButtonLine(of screen: Screen, before element: ScreenElement) -> Int? {
        guard let index = screen.elements.firstIndex(of: element), index > 0 else { return nil }
        let previous = screen.elements[index - 1]
        guard previous.kind == .button else { return nil }
        return previous.range?.start.line ?? element.range?.start.line
    }
}
