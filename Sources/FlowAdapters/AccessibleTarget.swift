public import FlowModel
import Foundation

/// A UI target as a host app finds it: an ARIA role and an accessible name.
///
/// ```markdown
/// 1. Navigate to the **Connections** tab.
/// ```
/// gives `role: tab, name: "Connections"`; a target that a screen of the flow shows as
/// `[Next]` gives `role: button`, and `Destination instance URL*: https://…` gives `role: textbox`
/// with the example value.
public struct AccessibleTarget: Sendable, Hashable, Codable {
    /// The ARIA roles flowdoc infers: a closed set, so every adapter handles each one.
    public enum Role: String, Sendable, Hashable, Codable, CaseIterable {
        case button, tab, textbox, checkbox, radio, link
    }

    public var role: Role
    /// The accessible name: the screen's label when a screen shows the target, else the bold text.
    public var name: String
    /// An example value for a text box, from a screen or a field table.
    public var value: String?
    /// Whether a screen shows the checkbox or radio checked.
    public var checked: Bool

    public init(role: Role, name: String, value: String? = nil, checked: Bool = false) {
        self.role = role
        self.name = name
        self.value = value
        self.checked = checked
    }

    /// A CSS selector by accessible name, for tour libraries that attach to elements:
    /// `[aria-label="Initiate Connection"]`.
    public var selector: String {
        var escaped = ""
        for character in name {
            switch character {
            case "\\": escaped += "\\\\"
            case "\"": escaped += "\\\""
            case "\n": escaped += "\\a "
            default: escaped.append(character)
            }
        }
        return "[aria-label=\"\(escaped)\"]"
    }
}

/// Infers the ``AccessibleTarget`` of each UI target of a step.
///
/// In order: a control of the step's screen (or of another screen of the flow, or of the product
/// model) with the same name, compared without case; a choice option of the step (`radio`); a role
/// word right after the target or anywhere in the instruction ("tab", "button", "field", "checkbox",
/// "option", "link"); else the action: `textbox` for Enter, Type, Paste and Fill, `button` otherwise.
public struct TargetResolver: Sendable {
    private let flow: Flow
    private let product: ProductModel?

    /// Creates a resolver for the steps of `flow`, using `product` when the content has one.
    public init(flow: Flow, product: ProductModel? = nil) {
        self.flow = flow
        self.product = product
    }

    /// The accessible targets of `step`, one per UI target, in order.
    public func targets(of step: Step) -> [AccessibleTarget] {
        step.targets.map { target(for: $0.name, in: step) }
    }

    /// The accessible target named `name` in `step`.
    public func target(for name: String, in step: Step) -> AccessibleTarget {
        let key = name.lowercased()
        let screens = (step.screen.map { [$0] } ?? []) + flow.steps.compactMap(\.screen)
        for screen in screens {
            if let element = screen.elements.first(where: { $0.label.lowercased() == key }),
                let role = Self.role(of: element.kind)
            {
                let value = element.value ?? example(for: key, in: step)
                return AccessibleTarget(role: role, name: element.label, value: value, checked: element.checked)
            }
        }
        if let option = step.choice?.options.first(where: { $0.label.lowercased() == key }) {
            return AccessibleTarget(role: .radio, name: option.label, checked: option.isSelected)
        }
        if let role = roleWord(after: name, in: step.text) ?? roleWord(in: step.text) {
            return AccessibleTarget(role: role, name: name, value: example(for: key, in: step))
        }
        if let product {
            if product.screens.contains(where: { $0.fields.contains { $0.name.lowercased() == key } }) {
                return AccessibleTarget(role: .textbox, name: name, value: example(for: key, in: step))
            }
            if product.screens.contains(where: { $0.buttons.contains { $0.lowercased() == key } }) {
                return AccessibleTarget(role: .button, name: name)
            }
        }
        let role: AccessibleTarget.Role =
            Self.typingActions.contains(step.action?.lowercased() ?? "") ? .textbox : .button
        return AccessibleTarget(role: role, name: name, value: role == .textbox ? example(for: key, in: step) : nil)
    }

    /// Actions that put text into a field.
    static let typingActions: Set<String> = ["enter", "type", "paste", "fill", "input"]

    static func role(of kind: ScreenElement.Kind) -> AccessibleTarget.Role? {
        switch kind {
        case .input: .textbox
        case .checkbox: .checkbox
        case .radio: .radio
        case .button: .button
        case .heading, .text: nil
        }
    }

    private static let roleWords: [(word: String, role: AccessibleTarget.Role)] = [
        ("tab", .tab), ("button", .button), ("field", .textbox), ("box", .textbox), ("textbox", .textbox),
        ("checkbox", .checkbox), ("option", .radio), ("radio", .radio), ("link", .link),
    ]

    private func roleWord(after name: String, in text: String) -> AccessibleTarget.Role? {
        guard let range = text.range(of: name) else { return nil }
        let next = text[range.upperBound...].split(whereSeparator: { !$0.isLetter }).first.map { $0.lowercased() }
        return Self.roleWords.first { $0.word == next }?.role
    }

    private func roleWord(in text: String) -> AccessibleTarget.Role? {
        let words = Set(text.lowercased().split(whereSeparator: { !$0.isLetter }).map(String.init))
        return Self.roleWords.first { words.contains($0.word) }?.role
    }

    /// The example (or default) value of the field named `key` in the step's field table.
    private func example(for key: String, in step: Step) -> String? {
        guard let field = step.fieldTable?.fields.first(where: { $0.name.lowercased() == key }) else { return nil }
        return field.example ?? field.defaultValue
    }
}
