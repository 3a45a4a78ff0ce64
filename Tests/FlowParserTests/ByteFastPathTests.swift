import Testing

@testable import FlowModel
@testable import FlowParser

/// The byte-level fast paths give what the character-level code they stand in front of gives.
///
/// Each reference below is the code as it was before its fast path was added.
@Suite struct ByteFastPathTests {
    static let texts: [String] = [
        "", " ", "a", "page.md", "../images/queue.svg", "./a//b/../c.md", "a.md#step-2", "a.md?x=1#f", "#only",
        "https://example.com/a", "mailto:x@y.z", "HTTP+x.y-z:rest", "1http:x", "a:", ":a", "ab:", "c:/x",
        "-scheme:x", "é:x", "ab\u{301}:x", "ab:\u{301}x", "a b:x", "a%20b.md", "%E2%82%AC.md", "%ZZ.md",
        "a#\u{301}b", "a?\u{301}#b", "dir/\u{301}x.md", "/abs/x.md", "../../../etc/passwd", "x/./y/../../z",
        "Mode A ()", "(()", "()()", "a () b", "no parens", "\r\n()", "é ()", "\u{301}()", " padded ",
        "\tx\n", "x\r\n", "\r\nx", " \u{301}x", "x \u{301}", "../\u{301}x.md", "a/../\u{301}../b.md",
    ]

    @Test(arguments: texts)
    func schemesAndPathsAreFoundAsByCharacters(text: String) {
        #expect(LinkResolver.hasScheme(text) == Self.referenceHasScheme(text), "\(text.debugDescription)")
        for source in ["index.md", "area/page.md", "a/b/c.md", "é/p.md", "x//y.md"] {
            #expect(
                LinkResolver.normalize(text, relativeTo: source) == Self.referenceNormalize(text, relativeTo: source),
                "\(text.debugDescription) from \(source)"
            )
        }
        let split = LinkResolver.split(text)
        let reference = Self.referenceSplit(text)
        #expect(split.path == reference.path && split.fragment == reference.fragment, "\(text.debugDescription)")
    }

    @Test(arguments: texts)
    func textIsTrimmedAndCleanedAsByCharacters(text: String) {
        #expect(text.removingAll("()") == text.split(separator: "()", omittingEmptySubsequences: false).joined())
        #expect(text.trimmingSpaces == Self.referenceTrimmingSpaces(text), "\(text.debugDescription)")
    }

    @Test(arguments: texts + ["What's next?", "Schritt 2: Übersicht", "Set_up -- THE  thing!", "A\r\nB", "x\u{301}y"])
    func slugsAreMadeAsByCharacters(text: String) {
        #expect(Slug.make(text) == Self.referenceSlug(text), "\(text.debugDescription)")
    }

    private static func referenceSlug(_ text: String) -> String {
        var slug = ""
        for character in text.lowercased() {
            if character.isLetter || character.isNumber || character == "-" || character == "_" {
                slug.append(character)
            } else if character == " " {
                slug.append("-")
            }
        }
        return slug
    }

    private static func referenceHasScheme(_ destination: String) -> Bool {
        guard let colon = destination.firstIndex(of: ":") else { return false }
        let scheme = destination[..<colon]
        guard let first = scheme.first, first.isLetter, scheme.count > 1 else { return false }
        return scheme.allSatisfy { $0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == "." }
    }

    /// Segments split on the byte '/', as the file system and browsers split paths (by characters, a
    /// combining mark after a slash joins it: `../\u{301}x` would be one segment).
    private static func referenceNormalize(_ path: String, relativeTo source: String) -> String? {
        func segments(_ text: String) -> [String] {
            text.utf8.split(separator: UInt8(ascii: "/")).map { String(Substring($0)) }
        }
        var parts = Array(segments(source).dropLast())
        for part in segments(path) {
            switch part {
            case ".": continue
            case "..":
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            default: parts.append(String(part))
            }
        }
        return parts.joined(separator: "/")
    }

    private static func referenceSplit(_ destination: String) -> (path: String, fragment: String?) {
        var rest = Substring(destination)
        var fragment: String?
        if let hash = rest.firstIndex(of: "#") {
            fragment = String(rest[rest.index(after: hash)...])
            rest = rest[..<hash]
        }
        if let query = rest.firstIndex(of: "?") { rest = rest[..<query] }
        return (String(rest).removingPercentEncodingSafely, fragment)
    }

    private static func referenceTrimmingSpaces(_ text: String) -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        var text = Substring(text)
        while let first = text.first, isSpace(first) { text = text.dropFirst() }
        while let last = text.last, isSpace(last) { text = text.dropLast() }
        return String(text)
    }
}
