public import FlowCore

/// A text wireframe of a dialog or page of the product: a fenced block with info string `screen`.
///
/// ````markdown
/// ```screen Initiate connection
/// Destination instance URL*: https://example.exalate.net
/// [ ] I don't have a URL
/// [Next]
/// ```
/// ````
public struct Screen: Sendable, Hashable, Codable {
    public var title: String
    public var elements: [ScreenElement]
    public var range: SourceRange?

    public init(title: String, elements: [ScreenElement], range: SourceRange?) {
        self.title = title
        self.elements = elements
        self.range = range
    }

    /// The elements a user fills in: inputs, checkboxes and radio options.
    public var fields: [ScreenElement] { elements.filter(\.kind.isField) }
}

/// One element of a ``Screen``, one line of the wireframe (a button line may hold several).
public struct ScreenElement: Sendable, Hashable, Codable {
    /// What kind of control a line shows.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// `Label`, `Label*` or `Label*: example`.
        case input
        /// `[ ] Label` or `[x] Label`.
        case checkbox
        /// `( ) Label` or `(x) Label`.
        case radio
        /// `[Next]`.
        case button
        /// `## Heading`: a group.
        case heading
        /// `> text`: static text.
        case text

        /// Whether the element is a form field.
        public var isField: Bool { self == .input || self == .checkbox || self == .radio }
    }

    public var kind: Kind
    public var label: String
    public var required: Bool
    /// The example value of an input.
    public var value: String?
    /// Whether a checkbox or radio is checked.
    public var checked: Bool
    public var range: SourceRange?

    public init(
        kind: Kind,
        label: String,
        required: Bool = false,
        value: String? = nil,
        checked: Bool = false,
        range: SourceRange?
    ) {
        self.kind = kind
        self.label = label
        self.required = required
        self.value = value
        self.checked = checked
        self.range = range
    }
}
