import FlowCore
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
        let howTo = howTo(for: flow, context: context)
        return fastScript(howTo) ?? scriptSafeJSON(howTo)
    }

    /// The text of ``script(for:context:)`` as the encoder alone writes it, which the direct
    /// writing must equal (tested).
    static func scriptWithEncoder(for flow: Flow, context: SiteContext) -> String {
        scriptSafeJSON(howTo(for: flow, context: context))
    }

    private static func howTo(for flow: Flow, context: SiteContext) -> HowTo {
        let url = context.options.publicURL(SitePaths.page(forFlowID: flow.id))
        let steps = flow.steps.enumerated().map { offset, step in
            HowToStep(position: offset + 1, name: step.text, text: step.text, url: url + "#" + step.anchor)
        }
        return HowTo(
            name: flow.title,
            description: flow.summary,
            dateModified: flow.metadata.updated,
            url: url,
            step: steps
        )
    }

    /// The bytes of ``scriptSafeJSON(_:)`` for `howTo`, written directly; `nil` when a string holds
    /// anything but printable ASCII, tab, line feed and carriage return (then the encoder writes it).
    private static func fastScript(_ howTo: HowTo) -> String? {
        var out: [UInt8] = []
        out.reserveCapacity(256 + howTo.step.count * 256)
        var ok = true
        func raw(_ text: StaticString) { text.withUTF8Buffer { out.append(contentsOf: $0) } }
        func string(_ value: String) {
            out.append(UInt8(ascii: "\""))
            var value = value
            value.withUTF8 { bytes in
                // Runs of bytes written as they are are copied whole.
                var runStart = 0
                var index = ByteClass.scriptJSONSpecial.firstIndex(in: bytes, from: 0)
                while index < bytes.count {
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                    let byte = bytes[index]
                    switch byte {
                    case UInt8(ascii: "\""), UInt8(ascii: "\\"): out.append(UInt8(ascii: "\\")); out.append(byte)
                    case UInt8(ascii: "\n"): out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "n"))
                    case UInt8(ascii: "\r"): out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "r"))
                    case UInt8(ascii: "\t"): out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "t"))
                    case UInt8(ascii: "<"): raw("\\u003c")
                    case UInt8(ascii: ">"): raw("\\u003e")
                    case UInt8(ascii: "&"): raw("\\u0026")
                    default: ok = false
                    }
                    runStart = index + 1
                    index = ByteClass.scriptJSONSpecial.firstIndex(in: bytes, from: runStart)
                }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...]))
            }
            out.append(UInt8(ascii: "\""))
        }
        raw("{\"@context\":"); string(howTo.context)
        raw(",\"@type\":"); string(howTo.type)
        if let dateModified = howTo.dateModified { raw(",\"dateModified\":"); string(dateModified) }
        raw(",\"description\":"); string(howTo.description)
        raw(",\"name\":"); string(howTo.name)
        raw(",\"step\":[")
        for (offset, step) in howTo.step.enumerated() {
            if offset > 0 { raw(",") }
            raw("{\"@type\":"); string(step.type)
            raw(",\"name\":"); string(step.name)
            raw(",\"position\":"); out.append(contentsOf: String(step.position).utf8)
            raw(",\"text\":"); string(step.text)
            raw(",\"url\":"); string(step.url)
            raw("}")
        }
        raw("],\"url\":"); string(howTo.url)
        raw("}")
        return ok ? String(decoding: out, as: UTF8.self) : nil
    }

    /// Encodes `value` with sorted keys, escaping the characters that could end a script element.
    static func scriptSafeJSON(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(value)) ?? Data("{}".utf8)
        if !data.contains(where: { $0 >= 0x80 }) {
            // ASCII only: each byte is a character, so escaping bytes gives the loop's result below.
            var bytes: [UInt8] = []
            bytes.reserveCapacity(data.count + data.count / 16)
            for byte in data {
                switch byte {
                case UInt8(ascii: "<"): bytes.append(contentsOf: Array("\\u003c".utf8))
                case UInt8(ascii: ">"): bytes.append(contentsOf: Array("\\u003e".utf8))
                case UInt8(ascii: "&"): bytes.append(contentsOf: Array("\\u0026".utf8))
                default: bytes.append(byte)
                }
            }
            return String(decoding: bytes, as: UTF8.self)
        }
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

extension ByteClass {
    /// The bytes a JSON string inside `<script>` may have to escape, or leave to the encoder.
    ///
    /// Control characters, `"`, `\`, `<`, `>`, `&`, and every byte from DEL on (U+2028 and U+2029
    /// among them). The JSON-LD script and the search index write their strings with it.
    static let scriptJSONSpecial = ByteClass(
        below: 0x20,
        above: 0x7E,
        UInt8(ascii: "\""),
        UInt8(ascii: "\\"),
        UInt8(ascii: "<"),
        UInt8(ascii: ">"),
        UInt8(ascii: "&")
    )
}
