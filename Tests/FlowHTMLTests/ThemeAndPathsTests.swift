import FlowParser
import FlowTestSupport
import Foundation
import Testing

@testable import FlowHTML

@Suite struct ThemeAndPathsTests {
    @Test(arguments: [
        ("a.html", "b.html", "b.html"),
        ("salesforce/a.html", "salesforce/b.html", "b.html"),
        ("salesforce/a.html", "jira/b.html", "../jira/b.html"),
        ("a.html", "jira/b.html", "jira/b.html"),
        ("x/y/a.html", "index.html", "../../index.html"),
        ("x/y/a.html", "x/images/i.svg", "../images/i.svg"),
    ])
    func relativeURLsAccountForDepth(from: String, to: String, expected: String) {
        #expect(SitePaths.relative(from: from, to: to) == expected)
    }

    @Test func relativeURLsEqualTheSegmentBySegmentAnswer() {
        let segments = ["a", "ab", "a:b", "x", "é"]
        var paths: [String] = []
        for first in segments {
            paths.append(first + ".html")
            for second in segments {
                paths.append(first + "/" + second + ".html")
                paths += segments.map { first + "/" + second + "/" + $0 + ".html" }
            }
        }
        paths += ["/a.html", "a//b.html", "a/", "a.html/b.html", "javascript:x.html"]
        for from in paths {
            for to in paths {
                let fast = SitePaths.relative(from: from, to: to)
                let slow = SitePaths.relativeBySegments(from: from, to: to)
                if fast != slow { Issue.record("\(from) → \(to): \(fast) but \(slow) segment by segment") }
            }
        }
    }

    @Test func themeFolderOverridesTemplatesAndAssetsByName() async throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("body { color: hotpink; }".utf8).write(to: folder.appendingPathComponent("flowdoc.css"))
        try Data("<p class=\"custom-404\">Lost</p>".utf8).write(to: folder.appendingPathComponent("404.mustache"))
        let theme = try Theme.builtIn().overridden(by: folder)
        let content = try await ContentLoader().load(from: SiteTestSupport.seedContent)
        let files = try SiteGenerator(content: content, contentRoot: SiteTestSupport.seedContent, theme: theme)
            .generate()
        #expect(try SiteTestSupport.text(files, "assets/flowdoc.css") == "body { color: hotpink; }")
        #expect(try SiteTestSupport.text(files, "404.html")?.contains("custom-404") == true)
        #expect(try SiteTestSupport.text(files, "assets/flowdoc.js")?.contains("Guide") == true)
    }

    @Test func brokenTemplateIsAThrownError() throws {
        let theme = Theme(templates: ["layout": "{{#open}}"], assets: [:])
        #expect(throws: ThemeError.self) { try TemplateSet(theme: theme) }
        let empty = try TemplateSet(theme: Theme(templates: [:], assets: [:]))
        #expect(throws: ThemeError.self) { try empty.render([String: String](), template: "flow") }
    }

    @Test func searchIndexAssignsAGlobalAndHoldsButtonLabels() async throws {
        let files = try await SiteTestSupport.generate(SiteTestSupport.seedContent)
        let script = try #require(try SiteTestSupport.text(files, "assets/search-index.js"))
        #expect(script.hasPrefix("window.FLOWDOC_SEARCH = "))
        #expect(script.contains("Copy invitation code"))
        #expect(script.contains("Connection name"))
    }

    @Test func sitemapUsesTheBaseURL() async throws {
        let files = try await SiteTestSupport.generate(
            SiteTestSupport.seedContent,
            options: SiteOptions(baseURL: "https://help.example.com")
        )
        let sitemap = try #require(try SiteTestSupport.text(files, "sitemap.xml"))
        #expect(sitemap.contains("<loc>https://help.example.com/index.html</loc>"))
    }
}
