import FlowModel
import Foundation

/// schema.org `HowTo` structured data for a flow page.
///
/// ```json
/// {"@context":"https://schema.org","@type":"HowTo","name":"Initiate a connection",
///  "step":[{"@type":"HowToStep","position":1,"name":"Click Initiate Connection.","url":"a.html#step-1"}]}
/// ```
enum HowToJSONLD {
    private struct HowTo: Encodable {
        var context = "https://schema.org"
        var type = "HowTo"
        var name: String
        var description: String
        var dateModified: String?
        var url: String
        var step: [HowToStep]

        enum CodingKeys: String, CodingKey {
            case context = "@context", type = "@type", name, description, dateModified, url, step
        }
    }

    private struct HowToStep: Encodable {
        var type = "HowToStep"
        var position: Int
        var name: String
        var text: String
        var url: String

        enum CodingKeys: String, CodingKey {
            case type = "@type", position, name, text, url
        }
    }

    /// The JSON text for `flow`, safe inside `<script>`: `<`, `>` and `&` are written as `\u003c` and so on.
    static func script(for flow: Flow, context: SiteContext) -> String {
        let url = context.options.publicURL(SitePaths.page(forFlowID: flow.id))
        let steps = flow.steps.enumerated().map { offset, step in
            HowToStep(position: offset + 1, name: step.text, text: step.text, url: url + "#" + step.anchor)
        }
        let howTo = HowTo(
            name: flow.title,
            description: flow.summary,
            dateModified: flow.metadata.updated,
            url: url,
            step: steps
        )
        return scriptSafeJSON(howTo)
    }

    /// Encodes `value` with sorted keys, escaping the characters that could end a script element.
    static func scriptSafeJSON(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(value)) ?? Data("{}".utf8)
        var text = ""
        for character in String(decoding: data, as: UTF8.self) {
            switch character {
            case "<": text += "\\u003c"
            case ">": text += "\\u003e"
            case "&": text += "\\u0026"
            case "\u{2028}": text += "\\u2028"
            case "\u{2029}": text += "\\u2029"
            default: text.append(character)
            }
        }
        return text
    }
}
