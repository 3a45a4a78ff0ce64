import FlowCore
import FlowModel
import Testing

@testable import FlowParser

/// The front-matter fast path must give what Yams gives: the same metadata, key ranges,
/// diagnostics and Markdown, for what it reads and for what it hands to Yams.
@Suite struct FrontMatterFastPathTests {
    /// Front matter the fast path reads itself.
    static let plain: [String] = [
        "title: Accept an invitation",
        "title: \"Update settings schedule 19.104\"\nproduct: Exalate\nupdated: 2025-05-12",
        "title: 'single ''quoted'' title'",
        "title: \"double 'quoted' # not a comment: really\"",
        "title: Title # a comment",
        "title: Title#not a comment",
        "title: Title   \nsummary: Ends with spaces   ",
        "title: Two  spaces  inside",
        "# a comment line\ntitle: T\n\n# another\nmode: Script",
        "title: a, b, c",
        "title: a]",
        "title: it's \"quoted\" inside",
        "title: Connect 100% of @users & *stars* !now",
        "title: é ünïcode, 日本語 and 😀",
        "title:    spaced value",
        "title: [not, a, string]",
        "title: 12",
        "title: 2025-01-01",
        "title: (draft) version",
        "title: .hidden/path_$x+y",
        "tags: [a, b, \"c d\", 'e''f']",
        "tags: []",
        "tags: [ spaced ,  items ]",
        "tags: single",
        "tags: [one] # comment",
        "next: [page-0001.md, page-0002.md]",
        "next: page-0003.md",
        "draft: true", "draft: false", "draft: yes", "draft: no", "draft: on", "draft: OFF", "draft: tRuE",
        "draft: \"true\"", "draft: 'false'", "draft: 1", "draft: maybe", "draft: [true]",
        "updated: 2025-13-45",
        "weight: 3", "weight: 3.5", "weight: 0x1F", "weight: 012", "weight: 1e3", "weight: 1_000", "weight: 0o17",
        "weight: .inf", "weight: .NaN", "weight: +12", "weight: 190:20:30", "weight: 3.",
        "flag: True", "flag: off", "flag: NO", "flag: null", "flag: Null", "flag: nan", "flag: inf", "flag: infinity",
        "x: 'null'", "x: \"\"", "x: ''", "x: [1, 2.5, yes, null, \"s\"]",
        "x: a:b", "x: http://example.com/a?b=c#frag",
        "key-with-hyphen: v\nkey_with_underscore: w\n_leading: u",
        "id: custom-id\ntype: overview\naudience: Admins\nplatform: Jira Cloud",
        "summary: \"a\"   ",
        "summary: 'a' # c",
        (0..<FrontMatterFastPath.maximumKeys).map { "key\($0): v\($0)" }.joined(separator: "\n"),
    ]

    /// Front matter the fast path leaves to Yams (and what Yams makes of it must not change).
    static let unusual: [String] = [
        "",
        "\n",
        "# only a comment",
        "title:\tTabbed",
        "\ttitle: tab indent",
        "title: dup\ntitle: dup2",
        "title: plain title: with colon",
        "title: ends with colon:",
        "title:",
        "title:   ",
        "platform: ",
        "title: \"double \\\"escaped\\\" \\u00e9\"",
        "title: \"unterminated",
        "title: 'unterminated",
        "title: \"a\" trailing",
        "title: 'a'#c",
        "summary: >\n  folded\n  text",
        "summary: |\n  literal\n  text",
        "tags:\n  - x\n  - y",
        "nested:\n  a: 1\n  b: [x, y]",
        "nested: {a: 1, b: two}",
        "x: [a, [b, c]]",
        "x: [a, b",
        "x: [a, b,]",
        "x: [a:b]",
        "x: [a #c]",
        "x: &anchor v\ny: *anchor",
        "x: !!str 12",
        "x: @reserved",
        "x: `tick",
        "x: %percent",
        "x: ? y",
        "x: -",
        "x: - a",
        "x: -.5",
        "x: ~",
        "x: 2025-01-01T10:00:00Z\n  continued",
        "title: T\n  indented continuation",
        "title: T\n   \nmode: M",
        "key with spaces: value",
        (0...FrontMatterFastPath.maximumKeys).map { "key\($0): v\($0)" }.joined(separator: "\n"),
        "key0: a\nkey1: b\nkey2: c\nkey0: again",
        "ü_key: x\ntitle: T",
        "\"quoted key\": v",
        "- list\n- top",
        "just a scalar",
        "title: \"a\"\r\nmode: b\r",
        "title: line\u{2028}separator",
        "title: next\u{85}line",
        "title: bom\u{FEFF}inside",
        "\u{FEFF}title: bom first",
        "title: control\u{7}char",
        "title: del\u{7F}char",
        "<<: merge",
        "? complex\n: key",
        "%YAML 1.1\ntitle: T",
        String(repeating: "k", count: 200) + ": long key",
    ]

    private func page(_ frontMatter: String) -> String {
        "---\n\(frontMatter)\n---\n\n# Page\n\nText.\n"
    }

    private func expectSameAsYams(_ frontMatter: String) {
        let text = page(frontMatter)
        let fast = FrontMatterReader(file: "a/page.md").read(text)
        let yams = FrontMatterReader(file: "a/page.md", usesFastPath: false).read(text)
        #expect(fast.metadata == yams.metadata, "Metadata differs for \(frontMatter.debugDescription)")
        #expect(fast.diagnostics == yams.diagnostics, "Diagnostics differ for \(frontMatter.debugDescription)")
        #expect(fast.markdown == yams.markdown)
    }

    private func takesFastPath(_ frontMatter: String) -> Bool {
        let lines = frontMatter.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
            .map { Substring($0) }
        return FrontMatterFastPath.entries(lines[...], file: SourceFile("a/page.md"), firstLine: 2) != nil
    }

    @Test(arguments: plain)
    func readsPlainFrontMatterAsYamsDoes(frontMatter: String) {
        #expect(takesFastPath(frontMatter), "Expected the fast path for \(frontMatter.debugDescription)")
        expectSameAsYams(frontMatter)
    }

    @Test(arguments: unusual)
    func leavesUnusualFrontMatterToYams(frontMatter: String) {
        #expect(!takesFastPath(frontMatter), "Expected Yams for \(frontMatter.debugDescription)")
        expectSameAsYams(frontMatter)
    }

    @Test func reportsAListTitleAtItsBracket() throws {
        let result = FrontMatterReader(file: "p.md").read(page("mode: M\ntitle:  [a, b]"))
        let diagnostic = try #require(result.diagnostics.first)
        #expect(diagnostic.id == "FrontMatterInvalidValue")
        #expect(diagnostic.range == SourceRange(file: "p.md", line: 3, column: 9))
        #expect(result.metadata.keyRanges["title"] == SourceRange(file: "p.md", line: 3, column: 1))
    }

    @Test func readsTheBenchmarkCorpusFrontMatter() {
        let frontMatter = """
            title: "Update settings schedule 19.104"
            product: Exalate
            platform: Salesforce
            mode: Script
            updated: 2025-05-12
            summary: Role priority history panel board case mapping ticket connection.
            tags: [item, attachment]
            """
        #expect(takesFastPath(frontMatter))
        expectSameAsYams(frontMatter)
    }
}
