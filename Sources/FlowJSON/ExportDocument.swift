public import FlowCore
public import FlowModel

/// The JSON document `flowdoc export` writes: every flow with its steps and field tables.
///
/// The shape is versioned by ``formatVersion`` and described by ``ExportSchema`` (`Sources/FlowJSON/Resources/flowdoc-export.schema.json`; the site ships it as `flowdoc-export.schema.json`).
/// Ordered content is in arrays; objects are written with sorted keys.
public struct ExportDocument: Sendable, Hashable, Codable {
    /// The version of this document's shape; bumped on any incompatible change.
    public static let currentFormatVersion = "1.0"

    /// The tool that wrote the document.
    public struct Generator: Sendable, Hashable, Codable {
        public var name: String
        public var version: String
    }

    public var formatVersion: String
    public var generator: Generator
    /// The flows, in path order.
    public var flows: [ExportFlow]
}

/// One page in the export.
public struct ExportFlow: Sendable, Hashable, Codable {
    public var id: String
    public var title: String
    /// The page's path relative to the content folder.
    public var source: String
    /// `flow` or `overview`.
    public var kind: String
    public var summary: String
    public var product: String?
    public var platform: String?
    public var mode: String?
    public var audience: String?
    public var updated: String?
    public var tags: [String]
    public var draft: Bool
    /// Front-matter keys flowdoc does not know, as written.
    public var metadata: [String: MetadataValue]
    public var callouts: [ExportCallout]
    public var procedures: [ExportProcedure]
    public var next: [ExportNext]
    public var position: SourceRange?
}

/// A callout with its body rendered as HTML.
public struct ExportCallout: Sendable, Hashable, Codable {
    public var kind: String
    public var text: String
    public var html: String
    public var position: SourceRange?
}

/// A procedure and its steps.
public struct ExportProcedure: Sendable, Hashable, Codable {
    public var title: String
    public var anchor: String
    public var steps: [ExportStep]
    public var position: SourceRange?
}

/// A flow that follows: resolved to a flow id where the link leads to one.
public struct ExportNext: Sendable, Hashable, Codable {
    /// The target as written.
    public var destination: String
    public var text: String
    /// The id of the flow the link leads to, `null` when it is unresolved.
    public var flow: String?
    public var position: SourceRange?
}
