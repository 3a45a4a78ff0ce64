import FlowCore
public import FlowModel
import FlowProse
public import Foundation

/// Turns a ``FlowModel/ContentSet`` into the export JSON.
///
/// Output is deterministic: the same content gives the same bytes (sorted keys, flows in path
/// order, positions relative to the content folder, no timestamps).
public struct FlowJSONExporter: Sendable {
    /// The generator recorded in the document.
    public var generator: ExportDocument.Generator
    private let renderer = HTMLRenderer()

    /// Creates an exporter that names `version` of flowdoc as the generator.
    public init(version: String) {
        self.generator = ExportDocument.Generator(name: "flowdoc", version: version)
    }

    /// The export document of every flow in `content`, drafts included.
    public func document(for content: ContentSet) -> ExportDocument {
        let resolver = LinkResolver(content: content)
        return ExportDocument(
            formatVersion: ExportDocument.currentFormatVersion,
            generator: generator,
            flows: content.flows.map { export($0, resolver: resolver) }
        )
    }

    /// The export JSON of `content`, with sorted keys and a final newline; pretty-printed unless `layout` says otherwise.
    public func export(_ content: ContentSet, layout: JSONLayout = .pretty) throws -> Data {
        try Self.encode(document(for: content), layout: layout)
    }

    /// The JSON of a single flow, shaped like one element of `flows`.
    public func exportFlow(_ flow: Flow, in content: ContentSet) throws -> Data {
        try Self.encode(export(flow, resolver: LinkResolver(content: content)))
    }

    /// The JSON of a single flow, with a resolver built once for the whole content set.
    ///
    /// Use this when exporting many flows: ``exportFlow(_:in:)`` builds a resolver per call.
    public func exportFlow(_ flow: Flow, resolver: LinkResolver, layout: JSONLayout = .pretty) throws -> Data {
        try Self.encode(export(flow, resolver: resolver), layout: layout)
    }

    /// The JSON of `flow` as it stands in a pretty export document (``ExportDocumentStream``):
    /// ``exportFlow(_:resolver:layout:)``'s, every line indented by four spaces, and a final newline.
    func exportFlowInDocument(_ flow: Flow, resolver: LinkResolver) throws -> Data {
        let values = export(flow, resolver: resolver)
        if let data = ExportJSONWriter.encodeInDocument(values) { return data }
        var indented: [UInt8] = []
        ExportDocumentStream.indent(try Self.encodeWithFoundation(values), into: &indented)
        indented.append(UInt8(ascii: "\n"))
        return Data(indented)
    }

    /// Encodes `value` the way every flowdoc JSON file is written: sorted keys, slashes as they
    /// are, a final newline, and the spacing of `layout`.
    public static func encode(_ value: some Encodable, layout: JSONLayout = .pretty) throws -> Data {
        // The export types have a writer of their own that gives the encoder's bytes much faster.
        if let flow = value as? ExportFlow, let data = ExportJSONWriter.encode(flow, layout: layout) { return data }
        if let document = value as? ExportDocument, let data = ExportJSONWriter.encode(document, layout: layout) {
            return data
        }
        return try encodeWithFoundation(value, layout: layout)
    }

    /// Encodes `value` with Foundation's `JSONEncoder`, the reference for ``encode(_:layout:)``'s bytes.
    public static func encodeWithFoundation(_ value: some Encodable, layout: JSONLayout = .pretty) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        if layout == .pretty { encoder.outputFormatting.insert(.prettyPrinted) }
        var data = try encoder.encode(value)
        data.append(UInt8(ascii: "\n"))
        return data
    }

    func export(_ flow: Flow, resolver: LinkResolver) -> ExportFlow {
        ExportFlow(
            id: flow.id,
            title: flow.title,
            source: flow.source,
            kind: flow.kind.rawValue,
            summary: flow.summary,
            product: flow.metadata.product,
            platform: flow.metadata.platform,
            mode: flow.metadata.mode,
            audience: flow.metadata.audience,
            updated: flow.metadata.updated,
            tags: flow.metadata.tags,
            draft: flow.metadata.draft,
            metadata: flow.metadata.extra,
            callouts: flow.callouts.map { export($0) },
            procedures: flow.procedures.map { procedure in
                ExportProcedure(
                    title: procedure.title,
                    anchor: procedure.anchor,
                    steps: procedure.steps.map { export($0) },
                    position: procedure.range
                )
            },
            next: flow.next.map { next in
                var id: String?
                if case .flow(let target, _) = resolver.resolve(next.destination, from: flow.source, allowsFlowID: true)
                {
                    id = target
                }
                return ExportNext(destination: next.destination, text: next.text, flow: id, position: next.range)
            },
            position: flow.titleRange
        )
    }

    func export(_ callout: Callout) -> ExportCallout {
        ExportCallout(
            kind: callout.kind.rawValue,
            text: callout.blocks.flatMap(\.allInlines).map(\.plainText).joined(separator: "\n"),
            html: renderer.render(callout.blocks),
            position: callout.range
        )
    }
}
