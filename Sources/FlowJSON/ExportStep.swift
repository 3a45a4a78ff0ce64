public import FlowCore

/// One step in the export.
public struct ExportStep: Sendable, Hashable, Codable {
    /// The number as the author wrote it.
    public var number: Int
    /// The 1-based position in the procedure.
    public var index: Int
    public var anchor: String
    public var action: String?
    public var targets: [Named]
    public var literals: [Literal]
    /// The instruction as plain text and as HTML.
    public var text: String
    public var html: String
    /// The step's other prose, as HTML.
    public var details: String
    public var fields: [Field]
    public var screen: Screen?
    public var choices: [Option]
    public var substeps: [ExportStep]
    public var result: Text?
    public var callouts: [ExportCallout]
    public var images: [Image]
    public var links: [Link]
    public var position: SourceRange?

    /// A UI target.
    public struct Named: Sendable, Hashable, Codable {
        public var name: String
        public var position: SourceRange?
    }

    /// A literal value to type.
    public struct Literal: Sendable, Hashable, Codable {
        public var value: String
        public var position: SourceRange?
    }

    /// A row of the step's field table.
    public struct Field: Sendable, Hashable, Codable {
        public var name: String
        public var description: String
        public var required: Bool
        public var `default`: String?
        public var example: String?
        public var position: SourceRange?
    }

    /// The step's screen wireframe.
    public struct Screen: Sendable, Hashable, Codable {
        public var title: String
        public var elements: [Element]
        public var position: SourceRange?

        /// One element of the screen.
        public struct Element: Sendable, Hashable, Codable {
            /// `input`, `checkbox`, `radio`, `button`, `heading` or `text`.
            public var kind: String
            public var label: String
            public var required: Bool
            public var value: String?
            public var checked: Bool
            public var position: SourceRange?
        }
    }

    /// An option of the step's choice.
    public struct Option: Sendable, Hashable, Codable {
        public var label: String
        public var properties: [String]
        public var link: String?
        public var selected: Bool
        public var position: SourceRange?
    }

    /// Text with its HTML.
    public struct Text: Sendable, Hashable, Codable {
        public var text: String
        public var html: String
    }

    /// An image of the step.
    public struct Image: Sendable, Hashable, Codable {
        public var src: String
        public var alt: String
        public var title: String
        public var position: SourceRange?
    }

    /// A link of the step.
    public struct Link: Sendable, Hashable, Codable {
        public var href: String
        public var text: String
        public var position: SourceRange?
    }
}
