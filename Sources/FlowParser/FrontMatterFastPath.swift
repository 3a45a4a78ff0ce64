import FlowCore
import Yams

/// Reads the plain front matter nearly every page has without Yams, building the nodes Yams
/// would build; anything else is left to Yams.
///
/// Yams composed every page's front matter through libyaml, a duplicate-key check that hashes
/// every key and tag resolution by regular expressions: a third of parsing a page. This reader
/// takes one `key: value` per line, where
///
/// - the key is a plain word (`[A-Za-z_][A-Za-z0-9_-]*`) at the start of the line,
///   followed by `:` and a space, and no key repeats;
/// - the value is a plain scalar on one line (a letter, digit, non-ASCII character or one of
///   `( . / _ $ +` first; no `: ` inside, no `:` at the end; ` #` starts a comment),
///   a single- or double-quoted string on one line (double-quoted without `\` escapes), or a flow
///   list `[a, "b c"]` of such scalars on one line;
///
/// and other lines are empty or `#` comments. Any other line (indented, empty value, tab, carriage
/// return, a character libyaml treats specially) makes ``entries(_:file:firstLine:)`` return `nil`.
///
/// The nodes have the tags and styles the Yams parser gives them (plain scalars an unresolved
/// implicit tag, quoted ones `str`), so ``MetadataReader`` converts their values exactly as it
/// converts Yams' nodes; positions come with each entry instead of as Yams marks.
enum FrontMatterFastPath {
    /// One `key: value` line.
    struct Entry {
        var key: Node
        /// The key's position: its line, column 1.
        var keyRange: SourceRange
        var value: Node
        /// The position of the value's first byte (the opening quote or bracket, if any).
        var valueRange: SourceRange
    }

    /// The entries of the front matter `lines`, or `nil` when they are not all plain.
    ///
    /// - Parameters:
    ///   - lines: The lines between the `---` delimiters, without line feeds.
    ///   - file: The page's path, for the ranges.
    ///   - firstLine: The 1-based line number of the first of `lines`.
    static func entries(_ lines: ArraySlice<Substring>, file: SourceFile, firstLine: Int) -> [Entry]? {
        var entries: [Entry] = []
        var keys: [String] = []
        let tags = Tags(constructor: sharedConstructor)
        for (offset, line) in lines.enumerated() {
            guard hasOnlyPlainCharacters(line) else { return nil }
            let bytes = Array(line.utf8)
            if bytes.isEmpty || bytes[0] == .hash { continue }
            // A repeated key is looked for in a list: front matter has a few keys, and more go to Yams.
            guard keys.count < maximumKeys, let (key, valueStart) = key(in: bytes), !keys.contains(key),
                let value = value(in: bytes, from: valueStart, tags: tags)
            else { return nil }
            keys.append(key)
            let lineNumber = firstLine + offset
            entries.append(
                Entry(
                    key: .scalar(Node.Scalar(key, tags.implicit, .plain)),
                    keyRange: SourceRange(file: file, line: lineNumber, column: 1),
                    value: value,
                    valueRange: SourceRange(file: file, line: lineNumber, column: valueStart + 1)
                )
            )
        }
        return entries.isEmpty ? nil : entries
    }

    /// The most keys this reader takes; front matter with more is left to Yams.
    static let maximumKeys = 32

    /// The constructor of every node's tag, made once.
    ///
    /// `Constructor.default` builds a new one with its tables on every call. It holds only
    /// constant tables, so tasks may share it.
    nonisolated(unsafe) private static let sharedConstructor = Constructor.default

    /// Makes the tags of one page's nodes.
    private struct Tags {
        let constructor: Constructor

        /// The tag of a plain scalar or a list before resolution.
        var implicit: Tag { Tag(.implicit, .default, constructor) }
        /// The tag of a quoted scalar.
        var string: Tag { Tag(.str, .default, constructor) }
    }

    /// Whether every character of `line` is printable in YAML and has no special meaning to
    /// libyaml: no tab, no carriage return, no NEL, line or paragraph separator, no BOM.
    private static func hasOnlyPlainCharacters(_ line: Substring) -> Bool {
        // Printable ASCII, nearly every line: each byte is a scalar of its own, in 0x20...0x7E.
        if line.utf8.allSatisfy({ $0 >= 0x20 && $0 <= 0x7E }) { return true }
        return line.unicodeScalars.allSatisfy { scalar in
            switch scalar.value {
            case 0x20...0x7E, 0x10000...0x10FFFF: true
            case 0x2028, 0x2029: false
            case 0xA0...0xD7FF: true
            case 0xE000...0xFFFD: scalar.value != 0xFEFF
            default: false
            }
        }
    }

    /// The key at the start of `bytes` and the offset of its value, after `: ` and any spaces.
    private static func key(in bytes: [UInt8]) -> (String, Int)? {
        guard isLetter(bytes[0]) || bytes[0] == .underscore else { return nil }
        var index = 1
        while index < bytes.count,
            isLetter(bytes[index]) || isDigit(bytes[index]) || bytes[index] == .underscore
                || bytes[index] == .hyphen
        {
            index += 1
        }
        // libyaml limits a simple key to 1024 characters; long keys go to Yams and its message.
        guard index <= 128, index + 1 < bytes.count, bytes[index] == .colon, bytes[index + 1] == .space else {
            return nil
        }
        let key = String(decoding: bytes[..<index], as: UTF8.self)
        index += 1
        while index < bytes.count, bytes[index] == .space { index += 1 }
        return index < bytes.count ? (key, index) : nil
    }

    /// The value node starting at `start`, which is not a space.
    private static func value(in bytes: [UInt8], from start: Int, tags: Tags) -> Node? {
        switch bytes[start] {
        case .doubleQuote, .singleQuote:
            guard let (text, end) = quoted(bytes, from: start), isEnd(bytes, from: end) else { return nil }
            return quotedNode(text, quote: bytes[start], tags: tags)
        case .openBracket:
            return sequence(bytes, from: start, tags: tags)
        default:
            guard let (text, end) = plain(bytes, from: start, inFlow: false), isEnd(bytes, from: end) else {
                return nil
            }
            return .scalar(Node.Scalar(text, tags.implicit, .plain))
        }
    }

    /// A flow list `[a, 'b', "c"]` on one line.
    private static func sequence(_ bytes: [UInt8], from start: Int, tags: Tags) -> Node? {
        var items: [Node] = []
        var index = skippingSpaces(bytes, from: start + 1)
        if index < bytes.count, bytes[index] == .closeBracket {
            index += 1
        } else {
            while true {
                guard index < bytes.count else { return nil }
                let item: Node
                if bytes[index] == .doubleQuote || bytes[index] == .singleQuote {
                    guard let (text, end) = quoted(bytes, from: index) else { return nil }
                    item = quotedNode(text, quote: bytes[index], tags: tags)
                    index = end
                } else {
                    guard let (text, end) = plain(bytes, from: index, inFlow: true) else { return nil }
                    item = .scalar(Node.Scalar(text, tags.implicit, .plain))
                    index = end
                }
                items.append(item)
                index = skippingSpaces(bytes, from: index)
                guard index < bytes.count else { return nil }
                if bytes[index] == .closeBracket {
                    index += 1
                    break
                }
                guard bytes[index] == .comma else { return nil }
                index = skippingSpaces(bytes, from: index + 1)
                // A trailing comma (`[a, ]`) is left to Yams.
                guard index < bytes.count, bytes[index] != .closeBracket else { return nil }
            }
        }
        guard isEnd(bytes, from: index) else { return nil }
        return .sequence(Node.Sequence(items, tags.implicit, .flow))
    }

    /// A quoted scalar as Yams builds it: tag `str`, quoted style.
    private static func quotedNode(_ text: String, quote: UInt8, tags: Tags) -> Node {
        .scalar(Node.Scalar(text, tags.string, quote == .doubleQuote ? .doubleQuoted : .singleQuoted))
    }

    /// The text of the quoted scalar at `start` and the offset after its closing quote.
    ///
    /// Single quotes are escaped by doubling them; a double-quoted scalar with a backslash
    /// escape, or a scalar that doesn't close on its line, gives `nil`.
    private static func quoted(_ bytes: [UInt8], from start: Int) -> (String, Int)? {
        let quote = bytes[start]
        var text: [UInt8] = []
        var index = start + 1
        while index < bytes.count {
            let byte = bytes[index]
            if byte == quote {
                guard quote == .singleQuote, index + 1 < bytes.count, bytes[index + 1] == .singleQuote else {
                    return (String(decoding: text, as: UTF8.self), index + 1)
                }
                index += 1
            } else if byte == .backslash, quote == .doubleQuote {
                return nil
            }
            text.append(byte)
            index += 1
        }
        return nil
    }

    /// The text of the plain scalar at `start`, without trailing spaces, and the offset where it ends.
    ///
    /// In a flow list an item ends at `,` or `]`, and `[`, `{`, `}`, `#`, `:` and quotes give `nil`.
    private static func plain(_ bytes: [UInt8], from start: Int, inFlow: Bool) -> (String, Int)? {
        let first = bytes[start]
        guard isLetter(first) || isDigit(first) || first >= 0x80 || Self.plainStarts.contains(first) else {
            return nil
        }
        var index = start
        var end = start
        while index < bytes.count {
            let byte = bytes[index]
            if byte == .space {
                if index + 1 < bytes.count, bytes[index + 1] == .hash { break }
            } else if inFlow {
                if byte == .comma || byte == .closeBracket { break }
                if Self.flowSpecials.contains(byte) { return nil }
                end = index + 1
            } else {
                if byte == .colon, index + 1 == bytes.count || bytes[index + 1] == .space { return nil }
                end = index + 1
            }
            index += 1
        }
        return (String(decoding: bytes[start..<end], as: UTF8.self), end)
    }

    /// Whether only spaces, or spaces and a `#` comment, follow `index`.
    private static func isEnd(_ bytes: [UInt8], from index: Int) -> Bool {
        let rest = skippingSpaces(bytes, from: index)
        return rest == bytes.count || (rest > index && bytes[rest] == .hash)
    }

    private static func skippingSpaces(_ bytes: [UInt8], from index: Int) -> Int {
        var index = index
        while index < bytes.count, bytes[index] == .space { index += 1 }
        return index
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    /// ASCII characters other than letters and digits that may start a plain scalar here.
    private static let plainStarts: Set<UInt8> = Set("(./_$+".utf8)
    /// Characters that end or complicate a plain scalar in a flow list.
    private static let flowSpecials: Set<UInt8> = Set("[]{}#:\"'".utf8)
}

extension UInt8 {
    fileprivate static let space = UInt8(ascii: " ")
    fileprivate static let hash = UInt8(ascii: "#")
    fileprivate static let colon = UInt8(ascii: ":")
    fileprivate static let comma = UInt8(ascii: ",")
    fileprivate static let hyphen = UInt8(ascii: "-")
    fileprivate static let underscore = UInt8(ascii: "_")
    fileprivate static let backslash = UInt8(ascii: "\\")
    fileprivate static let singleQuote = UInt8(ascii: "'")
    fileprivate static let doubleQuote = UInt8(ascii: "\"")
    fileprivate static let openBracket = UInt8(ascii: "[")
    fileprivate static let closeBracket = UInt8(ascii: "]")
}
