/// The product's UI as `content/_product.yml` describes it, to check pages against.
public struct ProductModel: Sendable, Hashable, Codable {
    /// A dialog or page of the product.
    public struct Screen: Sendable, Hashable, Codable {
        /// A field of a screen.
        public struct Field: Sendable, Hashable, Codable {
            public var name: String
            public var required: Bool

            public init(name: String, required: Bool) {
                self.name = name
                self.required = required
            }
        }

        public var title: String
        public var fields: [Field]
        public var buttons: [String]

        public init(title: String, fields: [Field], buttons: [String]) {
            self.title = title
            self.fields = fields
            self.buttons = buttons
        }
    }

    public var screens: [Screen]
    /// Names of tabs, buttons, menus and options.
    public var labels: [String]
    /// The path of the model file, relative to the content folder.
    public var source: String

    public init(screens: [Screen], labels: [String], source: String) {
        self.screens = screens
        self.labels = labels
        self.source = source
    }

    /// Every name a UI target may use: labels, screen titles, field names and buttons.
    public var knownNames: Set<String> {
        var names = Set(labels)
        for screen in screens {
            names.insert(screen.title)
            names.formUnion(screen.fields.map(\.name))
            names.formUnion(screen.buttons)
        }
        return names
    }
}
