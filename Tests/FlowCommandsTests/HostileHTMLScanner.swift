import Foundation

/// A small HTML tokenizer for scanning built pages for injected markup.
///
/// It reads tags and attributes the way a browser's tokenizer does for well-formed input
/// (quoted and unquoted values, comments, the raw text of `<script>` and `<style>`), and
/// decodes character references in attribute values, so a check sees the value the browser
/// would use: `href="&#106;avascript:x"` is seen as `javascript:x`.
enum HostileHTMLScanner {
    struct Tag: CustomStringConvertible {
        var name: String
        var attributes: [(name: String, value: String)]
        /// The raw text of a `<script>` or `<style>` element, up to its end tag.
        var body: String?

        func value(_ attribute: String) -> String? { attributes.first { $0.name == attribute }?.value }

        var description: String { "<\(name) \(attributes.map { "\($0.name)=\($0.value)" }.joined(separator: " "))>" }
    }

    /// Every start tag of `html`, in order.
    static func tags(in html: String) -> [Tag] {
        let bytes = Array(html.utf8)
        var tags: [Tag] = []
        var index = 0
        func starts(_ text: String, at position: Int, ignoringCase: Bool = false) -> Bool {
            let pattern = Array(text.utf8)
            guard position + pattern.count <= bytes.count else { return false }
            for (offset, expected) in pattern.enumerated() {
                let byte = bytes[position + offset]
                if (ignoringCase ? lower(byte) : byte) != expected { return false }
            }
            return true
        }
        func skip(past terminator: String) {
            while index < bytes.count, !starts(terminator, at: index) { index += 1 }
            index = min(bytes.count, index + terminator.utf8.count)
        }
        func isSpace(_ byte: UInt8) -> Bool {
            byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0C || byte == 0x0D
        }
        func read(while condition: (UInt8) -> Bool) -> String {
            let start = index
            while index < bytes.count, condition(bytes[index]) { index += 1 }
            return String(decoding: bytes[start..<index], as: UTF8.self)
        }
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "<") else {
                index += 1
                continue
            }
            if starts("<!--", at: index) {
                skip(past: "-->")
                continue
            }
            if starts("</", at: index) || starts("<!", at: index) || starts("<?", at: index) {
                skip(past: ">")
                continue
            }
            guard index + 1 < bytes.count, isLetter(bytes[index + 1]) else {
                index += 1
                continue
            }
            index += 1
            let name = read { !isSpace($0) && $0 != UInt8(ascii: ">") && $0 != UInt8(ascii: "/") }.lowercased()
            var tag = Tag(name: name, attributes: [])
            while index < bytes.count {
                _ = read { isSpace($0) || $0 == UInt8(ascii: "/") }
                guard index < bytes.count, bytes[index] != UInt8(ascii: ">") else { break }
                let attribute = read {
                    !isSpace($0) && $0 != UInt8(ascii: "=") && $0 != UInt8(ascii: ">") && $0 != UInt8(ascii: "/")
                }
                _ = read(while: isSpace)
                var value = ""
                if index < bytes.count, bytes[index] == UInt8(ascii: "=") {
                    index += 1
                    _ = read(while: isSpace)
                    if index < bytes.count, bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "'") {
                        let quote = bytes[index]
                        index += 1
                        value = read { $0 != quote }
                        index += 1
                    } else {
                        value = read { !isSpace($0) && $0 != UInt8(ascii: ">") }
                    }
                }
                tag.attributes.append((attribute.lowercased(), decodeReferences(value)))
            }
            index += 1
            if name == "script" || name == "style" {
                let start = min(index, bytes.count)
                while index < bytes.count, !starts("</\(name)", at: index, ignoringCase: true) { index += 1 }
                tag.body = String(decoding: bytes[start..<min(index, bytes.count)], as: UTF8.self)
            }
            tags.append(tag)
        }
        return tags
    }

    /// Whether a browser would run or load local data from `url`: `javascript:`, `vbscript:`,
    /// `file:` or a non-image `data:` URL, after removing what browsers ignore (leading spaces
    /// and controls, tabs and line breaks anywhere) and ignoring case.
    static func isDangerousURL(_ url: String) -> Bool {
        let trimmed = url.drop { $0.asciiValue.map { $0 <= 0x20 } ?? false }
        let compact = String(trimmed.filter { $0 != "\t" && $0 != "\n" && $0 != "\r" }).lowercased()
        for scheme in ["javascript:", "vbscript:", "file:", "livescript:"] where compact.hasPrefix(scheme) {
            return true
        }
        let images = ["data:image/png", "data:image/gif", "data:image/jpeg", "data:image/webp"]
        return compact.hasPrefix("data:") && !images.contains { compact.hasPrefix($0) }
    }

    /// Attributes whose value a browser loads or navigates to.
    static let urlAttributes: Set<String> = [
        "href", "src", "action", "formaction", "xlink:href", "poster", "srcset", "data", "background", "cite", "ping",
    ]

    /// Decodes numeric references and the named ones flowdoc writes (`&amp;`, `&lt;`, ...).
    static func decodeReferences(_ text: String) -> String {
        guard text.contains("&") else { return text }
        let named = [
            "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "colon": ":", "tab": "\t", "newline": "\n",
        ]
        var output = ""
        var rest = Substring(text)
        while let ampersand = rest.firstIndex(of: "&") {
            output += rest[..<ampersand]
            rest = rest[rest.index(after: ampersand)...]
            let token = rest.prefix { $0.isLetter || $0.isNumber || $0 == "#" }
            var consumed = token.count
            var decoded: String?
            if token.hasPrefix("#x") || token.hasPrefix("#X") {
                decoded = UInt32(token.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init).map { String($0) }
            } else if token.hasPrefix("#") {
                decoded = UInt32(token.dropFirst()).flatMap(Unicode.Scalar.init).map { String($0) }
            } else {
                decoded = named[token.lowercased()]
            }
            guard let decoded else {
                output += "&"
                continue
            }
            if rest.dropFirst(consumed).first == ";" { consumed += 1 }
            output += decoded
            rest = rest.dropFirst(consumed)
        }
        return output + rest
    }

    private static func lower(_ byte: UInt8) -> UInt8 { (65...90).contains(byte) ? byte + 32 : byte }
    private static func isLetter(_ byte: UInt8) -> Bool { (65...90).contains(byte) || (97...122).contains(byte) }
}
