import FlowCore
import FlowHTML
import FlowTestSupport
import Foundation
import Testing

@testable import FlowCommands

/// The XSS corpus (`Tests/Fixtures/xss/content`) built as `flowdoc build` builds it, and every
/// output file scanned: no payload may reach the page as markup, an event attribute, a
/// script-running URL or a way out of a `<script>` block.
@Suite struct HostileBuildTests {
    /// The tags the built-in theme and the prose renderer write; anything else came from content.
    static let knownTags: Set<String> = [
        "html", "head", "meta", "title", "link", "script", "body", "a", "header", "div", "nav", "form", "label",
        "input",
        "button", "ol", "ul", "li", "span", "main", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "p", "strong", "em",
        "code", "pre", "blockquote", "figure", "figcaption", "img", "table", "thead", "tbody", "tr", "th", "td",
        "aside",
        "section", "article", "time", "hr", "br", "del", "details", "summary", "dl", "dt", "dd", "svg", "defs",
        "marker",
        "path", "g", "rect", "text", "small", "kbd", "mark", "noscript", "output", "progress",
    ]

    /// Builds the corpus into a fresh folder and returns every file of the site, by path.
    static func build(config: String? = nil) async throws -> (site: URL, files: [String: Data]) {
        let root = try Fixtures.temporaryFolder()
        let site = root.appendingPathComponent("site")
        let result = try await BuildAction(
            contentURL: Fixtures.url("xss/content"),
            outputURL: site,
            options: .init(),
            configPath: config.map { Fixtures.url($0).path }
        ).perform()
        let errors = result.diagnostics.filter { $0.severity == .error }
        #expect(errors.isEmpty, "The corpus must build: \(errors.map(\.summary))")
        try #require(result.didWrite)
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(atPath: site.path)
        while let path = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            let url = site.appendingPathComponent(path)
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue {
                files[path] = try Data(contentsOf: url)
            }
        }
        return (site, files)
    }

    /// Problems with one HTML page: unknown tags, event attributes, dangerous URLs, breakable scripts.
    static func problems(inPage path: String, _ html: String, checkTags: Bool = true) -> [String] {
        var problems: [String] = []
        for tag in HostileHTMLScanner.tags(in: html) {
            if checkTags, !knownTags.contains(tag.name) { problems.append("\(path): unexpected tag \(tag)") }
            for (name, value) in tag.attributes {
                if name.hasPrefix("on") { problems.append("\(path): event attribute \(name) in \(tag)") }
                if HostileHTMLScanner.urlAttributes.contains(name), HostileHTMLScanner.isDangerousURL(value) {
                    problems.append("\(path): dangerous URL in \(tag)")
                }
                if HostileHTMLScanner.urlAttributes.contains(name), value.prefix(while: { $0 != "/" }).contains(":"),
                    !value.hasPrefix("https:"), !value.hasPrefix("http:"), !value.hasPrefix("mailto:")
                {
                    problems.append("\(path): URL with an unexpected scheme in \(tag)")
                }
                let file = value.split(separator: "#").first.map(String.init) ?? ""
                if file.lowercased().hasSuffix(".svg"), !(tag.name == "img" && name == "src") {
                    problems.append("\(path): an SVG file is referenced other than by <img src> in \(tag)")
                }
            }
            guard tag.name == "script" else { continue }
            if let source = tag.value("src") {
                if !source.hasSuffix(".js") || !(source.hasPrefix("assets/") || source.hasPrefix("../")) {
                    problems.append("\(path): unexpected script source \(tag)")
                }
            } else if tag.value("type") == "application/ld+json", let body = tag.body {
                if body.contains("<") || body.contains("\u{2028}") || body.contains("\u{2029}") {
                    problems.append("\(path): JSON-LD holds '<' or a line separator unescaped")
                }
                if (try? JSONSerialization.jsonObject(with: Data(body.utf8))) == nil {
                    problems.append("\(path): JSON-LD is not valid JSON (a payload ended the script early?)")
                }
            } else {
                problems.append("\(path): inline script \(tag)")
            }
        }
        return problems
    }

    @Test func noPayloadSurvivesTheSafeBuild() async throws {
        let (site, files) = try await Self.build()
        defer { try? FileManager.default.removeItem(at: site.deletingLastPathComponent()) }
        let pages = files.filter { $0.key.hasSuffix(".html") }
        #expect(pages.count >= 9, "\(files.keys.sorted())")
        var problems: [String] = []
        for (path, data) in pages.sorted(by: { $0.key < $1.key }) {
            let html = String(decoding: data, as: UTF8.self)
            problems += Self.problems(inPage: path, html)
            for needle in ["<script>alert", "<img src=x", "<svg onload", "<iframe", "onerror=\"", "<details"] {
                if html.lowercased().contains(needle.lowercased()) { problems.append("\(path): contains \(needle)") }
            }
        }
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
    }

    @Test func payloadsStayVisibleAsText() async throws {
        let (site, files) = try await Self.build()
        defer { try? FileManager.default.removeItem(at: site.deletingLastPathComponent()) }
        let text = String(decoding: try #require(files["text-payloads.html"]), as: UTF8.self)
        // Escaped, not dropped: the reader sees what the writer typed.
        #expect(text.contains("<h1>Text &lt;img src=x onerror=alert(&#39;title&#39;)&gt; payloads</h1>"))
        #expect(text.contains("Callout &lt;svg onload=alert('callout')&gt;"), "callout")
        #expect(text.contains("&lt;script&gt;alert(&#39;label&#39;)&lt;/script&gt;"), "screen label")
        #expect(
            text.contains("{{siteTitle}}") && text.contains("{{#jsonLD}}{{{body}}}{{/jsonLD}}"),
            "Mustache syntax is text"
        )
        let raw = String(decoding: try #require(files["raw-html.html"]), as: UTF8.self)
        #expect(raw.contains("<!-- raw HTML omitted -->"))
    }

    @Test func scriptBlocksCarryHostileTextIntact() async throws {
        let (site, files) = try await Self.build()
        defer { try? FileManager.default.removeItem(at: site.deletingLastPathComponent()) }
        let page = String(decoding: try #require(files["guides/json-ld.html"]), as: UTF8.self)
        let ld = try #require(
            HostileHTMLScanner.tags(in: page).first { $0.value("type") == "application/ld+json" }?.body
        )
        let object = try #require(try JSONSerialization.jsonObject(with: Data(ld.utf8)) as? [String: Any])
        #expect(object["name"] as? String == "</script><script>alert('jsonld-title')</script>")
        let index = String(decoding: try #require(files["assets/search-index.js"]), as: UTF8.self)
        #expect(!index.contains("<") && !index.contains("\u{2028}"), "search index must not hold '<' or U+2028")
        let json = try #require(index.split(separator: "=", maxSplits: 1).last?.dropLast(2))
        let entries = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
        #expect(entries.contains { $0["title"] as? String == "</script><script>alert('jsonld-title')</script>" })
        for entry in entries {
            let url = try #require(entry["url"] as? String)
            #expect(!HostileHTMLScanner.isDangerousURL(url) && !url.prefix { $0 != "/" }.contains(":"), "\(url)")
        }
    }

    @Test func svgImagesAreCopiedButOnlyEverShownThroughImg() async throws {
        let (site, files) = try await Self.build()
        defer { try? FileManager.default.removeItem(at: site.deletingLastPathComponent()) }
        // The file is copied as it is: an <img> never runs its script. The scan above rejects any
        // other reference to it (link, <object>, <iframe>, inline <svg>).
        let svg = String(decoding: try #require(files["images/evil.svg"]), as: UTF8.self)
        #expect(svg.contains("<script>"))
        let page = String(decoding: try #require(files["links-and-images.html"]), as: UTF8.self)
        #expect(HostileHTMLScanner.tags(in: page).contains { $0.name == "img" && $0.value("src") == "images/evil.svg" })
    }

    @Test func unsafeHTMLKeepsRawHTMLButStillDropsDangerousURLs() async throws {
        let (site, files) = try await Self.build(config: "xss/unsafe.yml")
        defer { try? FileManager.default.removeItem(at: site.deletingLastPathComponent()) }
        let raw = String(decoding: try #require(files["raw-html.html"]), as: UTF8.self)
        #expect(raw.contains("<script>alert('raw-block')</script>"), "unsafe_html trusts the authors: raw HTML is kept")
        var problems: [String] = []
        // Everything but the raw HTML page must be as safe as in the default build.
        for (path, data) in files where path.hasSuffix(".html") && path != "raw-html.html" {
            problems += Self.problems(inPage: path, String(decoding: data, as: UTF8.self))
        }
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
        let links = String(decoding: try #require(files["links-and-images.html"]), as: UTF8.self)
        #expect(links.contains("<a href=\"\">plain</a>") && links.contains("<a href=\"\">mixed case</a>"))
    }
}
