public import FlowCore
public import FlowProse

/// A note, tip or warning set apart from the text.
///
/// Written as a GitHub alert (`> [!IMPORTANT]`), a quote with a bold label (`> **Note:** …`)
/// or a paragraph starting with a label (`Note: …`).
public struct Callout: Sendable, Hashable, Codable {
    /// The kind of a callout.
    ///
    /// An open set: unknown kinds are kept as written, lowercased.
    public struct Kind: RawRepresentable, Sendable, Hashable, Codable, CustomStringConvertible {
        public var rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue.lowercased() }

        public static let note = Kind(rawValue: "note")
        public static let tip = Kind(rawValue: "tip")
        public static let important = Kind(rawValue: "important")
        public static let warning = Kind(rawValue: "warning")
        public static let caution = Kind(rawValue: "caution")
        /// The kinds FORMAT.md defines.
        public static let known: [Kind] = [.note, .tip, .important, .warning, .caution]

        /// The kind's display name: `Note`, `Important`.
        public var displayName: String { rawValue.prefix(1).uppercased() + rawValue.dropFirst() }
        public var description: String { rawValue }
    }

    public var kind: Kind
    /// The body, without the label.
    public var blocks: [Block]
    public var range: SourceRange?

    public init(kind: Kind, blocks: [Block], range: SourceRange?) {
        self.kind = kind
        self.blocks = blocks
        self.range = range
    }
}
