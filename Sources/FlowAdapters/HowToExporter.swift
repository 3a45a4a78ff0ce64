public import FlowModel
public import Foundation

/// schema.org `HowTo` JSON-LD for each flow, for search engines and assistants.
///
/// ```markdown
/// # Accept a connection invitation
/// 1. Go to the **Connections** tab.
/// ```
/// becomes
/// ```json
/// {
///   "@context" : "https://schema.org",
///   "@type" : "HowTo",
///   "description" : "Accept a connection invitation with the invitation code from the other side.",
///   "name" : "Accept a connection invitation",
///   "step" : [
///     { "@type" : "HowToStep", "name" : "Go to the Connections tab.", "position" : 1,
///       "text" : "Go to the Connections tab.", "url" : "accept-invitation.html#step-1" }
///   ],
///   "url" : "accept-invitation.html"
/// }
/// ```
///
/// A flow with more than one procedure gets one `HowToSection` per procedure, each holding its
/// steps as `itemListElement`. Overviews (pages without steps) have no `HowTo`.
public struct HowToExporter: Sendable {
    public var pageURL: PageURL

    /// Creates an exporter whose URLs are relative, or absolute when `pageURL` has a base URL.
    public init(pageURL: PageURL = PageURL()) {
        self.pageURL = pageURL
    }

    /// The `HowTo` of `flow`, or `nil` when the flow has no steps.
    public func howTo(for flow: Flow) -> HowTo? {
        let procedures = flow.procedures.filter { !$0.steps.isEmpty }
        guard !procedures.isEmpty else { return nil }
        let items: [HowTo.Item]
        if procedures.count == 1 {
            items = procedures[0].steps.enumerated().map { .step(step($1, position: $0 + 1, flow: flow)) }
        } else {
            items = procedures.enumerated().map { offset, procedure in
                .section(
                    HowTo.Section(
                        name: procedure.title,
                        position: offset + 1,
                        itemListElement: procedure.steps.enumerated().map { step($1, position: $0 + 1, flow: flow) }
                    )
                )
            }
        }
        return HowTo(
            name: flow.title,
            description: flow.summary.isEmpty ? nil : flow.summary,
            url: pageURL.url(forFlowID: flow.id),
            dateModified: flow.metadata.updated,
            step: items
        )
    }

    /// The `HowTo` of every published flow that has steps, in path order.
    public func howTos(for content: ContentSet) -> [HowTo] {
        content.publishedFlows.compactMap(howTo(for:))
    }

    /// The JSON-LD text of `flow`, pretty-printed with sorted keys, or `nil` without steps.
    ///
    /// - Throws: An `EncodingError` if a value can't be encoded.
    public func jsonLD(for flow: Flow) throws -> Data? {
        try howTo(for: flow).map { try AdapterJSON.encode($0) }
    }

    /// A `<script type="application/ld+json">` element for a page's `<head>`, or `nil` without steps.
    ///
    /// `<`, `>` and `&` are written as `\u003c`, `\u003e` and `\u0026`, so no text of the page can end the element.
    ///
    /// - Throws: An `EncodingError` if a value can't be encoded.
    public func scriptElement(for flow: Flow) throws -> String? {
        guard let howTo = howTo(for: flow) else { return nil }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var json = ""
        for character in String(decoding: try encoder.encode(howTo), as: UTF8.self) {
            switch character {
            case "<": json += "\\u003c"
            case ">": json += "\\u003e"
            case "&": json += "\\u0026"
            case "\u{2028}": json += "\\u2028"
            case "\u{2029}": json += "\\u2029"
            default: json.append(character)
            }
        }
        return "<script type=\"application/ld+json\">\(json)</script>"
    }

    private func step(_ step: Step, position: Int, flow: Flow) -> HowTo.Step {
        HowTo.Step(
            position: position,
            name: step.text,
            text: step.text,
            url: pageURL.url(forFlowID: flow.id, fragment: step.anchor)
        )
    }
}

/// A schema.org `HowTo`: the subset flowdoc writes.
public struct HowTo: Sendable, Hashable, Codable {
    public var context = "https://schema.org"
    public var type = "HowTo"
    public var name: String
    public var description: String?
    public var url: String
    /// The page's `updated` date as written.
    public var dateModified: String?
    public var step: [Item]

    public init(name: String, description: String?, url: String, dateModified: String?, step: [Item]) {
        self.name = name
        self.description = description
        self.url = url
        self.dateModified = dateModified
        self.step = step
    }

    enum CodingKeys: String, CodingKey {
        case context = "@context", type = "@type", name, description, url, dateModified, step
    }

    /// A `HowToStep`.
    public struct Step: Sendable, Hashable, Codable {
        public var type = "HowToStep"
        /// 1-based, within the section or the `HowTo`.
        public var position: Int
        public var name: String
        public var text: String
        public var url: String

        public init(position: Int, name: String, text: String, url: String) {
            self.position = position
            self.name = name
            self.text = text
            self.url = url
        }

        enum CodingKeys: String, CodingKey {
            case type = "@type", position, name, text, url
        }
    }

    /// A `HowToSection`: one procedure of a flow with several.
    public struct Section: Sendable, Hashable, Codable {
        public var type = "HowToSection"
        public var name: String
        public var position: Int
        public var itemListElement: [Step]

        public init(name: String, position: Int, itemListElement: [Step]) {
            self.name = name
            self.position = position
            self.itemListElement = itemListElement
        }

        enum CodingKeys: String, CodingKey {
            case type = "@type", name, position, itemListElement
        }
    }

    /// An element of ``HowTo/step``: a step, or a section of steps.
    public enum Item: Sendable, Hashable, Codable {
        case step(Step)
        case section(Section)

        public func encode(to encoder: any Encoder) throws {
            switch self {
            case .step(let step): try step.encode(to: encoder)
            case .section(let section): try section.encode(to: encoder)
            }
        }

        public init(from decoder: any Decoder) throws {
            if let section = try? Section(from: decoder) {
                self = .section(section)
            } else {
                self = .step(try Step(from: decoder))
            }
        }
    }
}
