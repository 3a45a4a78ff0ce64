public import FlowModel
import FlowProse
public import Foundation

/// One line per step, for search and chat indexes (JSON Lines).
///
/// ```markdown
/// # Accept a connection invitation
/// ## Accept the invitation
/// 2. Click **Accept Invitation**.
/// ```
/// becomes the line
/// ```json
/// {"action":"Click","anchor":"step-2","fields":[],"flowId":"accept-invitation","flowTitle":"Accept a connection invitation","index":2,"literals":[],"procedureTitle":"Accept the invitation","stepNumber":2,"targets":["Accept Invitation"],"text":"Click Accept Invitation.","url":"accept-invitation.html#step-2"}
/// ```
///
/// Keys are sorted and every line ends with a newline. Only published flows are exported; sub-steps
/// are part of their step's `details`.
public struct JSONLinesExporter: Sendable {
    /// One step as one JSON object.
    public struct Record: Sendable, Hashable, Codable {
        public var flowId: String
        public var flowTitle: String
        public var procedureTitle: String
        /// The number the author wrote.
        public var stepNumber: Int
        /// The 1-based position in the procedure.
        public var index: Int
        public var anchor: String
        /// The page URL with the step's fragment: `accept-invitation.html#step-2`.
        public var url: String
        /// The instruction as plain text.
        public var text: String
        public var action: String?
        public var targets: [String]
        public var literals: [String]
        public var fields: [Field]
        /// The step's other prose (explanations, callouts, sub-steps), as plain text.
        public var details: String?
        /// The step's `Result:` paragraph as plain text.
        public var result: String?
    }

    /// A row of the step's field table.
    public struct Field: Sendable, Hashable, Codable {
        public var name: String
        public var required: Bool
        public var description: String
        public var example: String?
        public var `default`: String?
    }

    public var pageURL: PageURL

    /// Creates an exporter whose URLs are built by `pageURL` (relative by default).
    public init(pageURL: PageURL = PageURL()) {
        self.pageURL = pageURL
    }

    /// The records of every step of the published flows, in path and step order.
    public func records(for content: ContentSet) -> [Record] {
        content.publishedFlows.flatMap(records(for:))
    }

    /// The records of the steps of `flow`.
    public func records(for flow: Flow) -> [Record] {
        flow.procedures.flatMap { procedure in
            procedure.steps.map { step in
                let details = detailText(of: step)
                return Record(
                    flowId: flow.id,
                    flowTitle: flow.title,
                    procedureTitle: procedure.title,
                    stepNumber: step.number,
                    index: step.index,
                    anchor: step.anchor,
                    url: pageURL.url(forFlowID: flow.id, fragment: step.anchor),
                    text: step.text,
                    action: step.action,
                    targets: step.targets.map(\.name),
                    literals: step.literals.map(\.value),
                    fields: step.fieldTable?.fields.map { field in
                        Field(
                            name: field.name,
                            required: field.required,
                            description: field.description.plainText,
                            example: field.example,
                            default: field.defaultValue
                        )
                    } ?? [],
                    details: details.isEmpty ? nil : details,
                    result: step.result?.inlines.plainText
                )
            }
        }
    }

    /// The JSON Lines text of `content`: one compact object per line, keys sorted.
    ///
    /// - Throws: An `EncodingError` if a value can't be encoded.
    public func export(_ content: ContentSet) throws -> Data {
        try Self.lines(records(for: content))
    }

    /// Encodes each record on its own line.
    static func lines(_ records: [Record]) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var data = Data()
        for record in records {
            data.append(try encoder.encode(record))
            data.append(UInt8(ascii: "\n"))
        }
        return data
    }

    private func detailText(of step: Step) -> String {
        var runs: [[Inline]] = []
        for element in step.elements {
            switch element {
            case .prose(let block): runs += block.allInlines
            case .callout(let callout): runs += callout.blocks.flatMap(\.allInlines)
            case .substeps(let steps): runs += steps.flatMap(\.allInlines)
            case .fieldTable, .screen, .choice, .result: break
            }
        }
        return runs.map(\.plainText).filter { !$0.isEmpty }.joined(separator: "\n")
    }
}
