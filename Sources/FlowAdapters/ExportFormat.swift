import FlowJSON
public import FlowModel
public import Foundation

/// The formats `flowdoc export --format` writes, and how each is produced.
///
/// `json`, `jsonl`, `mermaid` and `dot` describe the whole content in one output. `howto`, `tour`
/// and `playwright` are per flow: ``files(for:)`` gives one file per flow with steps, and
/// ``render(_:)`` combines them (a JSON array, or one spec file with a test per flow).
public enum ExportFormat: String, Sendable, Hashable, CaseIterable {
    /// The full model, versioned (``FlowJSON/ExportDocument``).
    case json
    /// One JSON object per step and line (``JSONLinesExporter``).
    case jsonl
    /// schema.org `HowTo` JSON-LD per flow (``HowToExporter``).
    case howto
    /// A Shepherd.js / Intro.js tour per flow (``TourExporter``).
    case tour
    /// A Playwright TypeScript test per flow (``PlaywrightExporter``).
    case playwright
    /// The flow graph as a Mermaid flowchart (``MermaidExporter``).
    case mermaid
    /// The flow graph as a Graphviz digraph (``DOTExporter``).
    case dot

    /// Whether the format has one file per flow.
    public var isPerFlow: Bool {
        switch self {
        case .howto, .tour, .playwright: true
        case .json, .jsonl, .mermaid, .dot: false
        }
    }

    /// The file name extension of one output file, without the dot: `spec.ts` for Playwright.
    public var fileExtension: String {
        switch self {
        case .json, .tour: "json"
        case .jsonl: "jsonl"
        case .howto: "jsonld"
        case .playwright: "spec.ts"
        case .mermaid: "mmd"
        case .dot: "dot"
        }
    }

    /// Settings shared by the formats.
    public struct Options: Sendable {
        /// The generator version recorded by `json`.
        public var version: String
        /// How `jsonl` and `howto` write page URLs.
        public var pageURL: PageURL

        public init(version: String, pageURL: PageURL = PageURL()) {
            self.version = version
            self.pageURL = pageURL
        }
    }

    /// The whole output for `content`: the document, or every flow's output combined.
    ///
    /// - Throws: An `EncodingError` if a value can't be encoded.
    public func render(_ content: ContentSet, options: Options) throws -> Data {
        switch self {
        case .json: try FlowJSONExporter(version: options.version).export(content)
        case .jsonl: try JSONLinesExporter(pageURL: options.pageURL).export(content)
        case .howto: try AdapterJSON.encode(HowToExporter(pageURL: options.pageURL).howTos(for: content))
        case .tour: try AdapterJSON.encode(TourExporter().tours(for: content))
        case .playwright: Data(PlaywrightExporter().spec(for: content.publishedFlows, product: content.product).utf8)
        case .mermaid: Data(MermaidExporter().render(FlowGraph(content: content)).utf8)
        case .dot: Data(DOTExporter().render(FlowGraph(content: content)).utf8)
        }
    }

    /// One file per published flow with steps, named `<flow id>.<extension>`; empty for formats
    /// that are not per flow.
    ///
    /// - Throws: An `EncodingError` if a value can't be encoded.
    public func files(for content: ContentSet, options: Options) throws -> [(path: String, data: Data)] {
        var files: [(path: String, data: Data)] = []
        for flow in content.publishedFlows {
            let data: Data?
            switch self {
            case .howto: data = try HowToExporter(pageURL: options.pageURL).jsonLD(for: flow)
            case .tour:
                data = try TourExporter().tour(for: flow, product: content.product).map { try AdapterJSON.encode($0) }
            case .playwright:
                data = PlaywrightExporter().spec(for: flow, product: content.product).map { Data($0.utf8) }
            case .json, .jsonl, .mermaid, .dot: data = nil
            }
            if let data { files.append((flow.id + "." + fileExtension, data)) }
        }
        return files
    }
}
