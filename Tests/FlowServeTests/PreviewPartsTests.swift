import FlowCore
import Foundation
import Testing

@testable import FlowServe

/// The server's parts without a socket: tags, path resolution, injection, the watcher.
@Suite struct PreviewPartsTests {
    @Test func entityTagsDependOnTheBytes() {
        let tag = ETag.make(for: Array("hello".utf8))
        #expect(tag.hasPrefix("\"") && tag.hasSuffix("-5\""))
        #expect(tag == ETag.make(for: Array("hello".utf8)))
        #expect(tag != ETag.make(for: Array("hellp".utf8)))
        #expect(ETag.matches(ifNoneMatch: tag, tag: tag))
        #expect(ETag.matches(ifNoneMatch: "\"a\" , W/\(tag)", tag: tag))
        #expect(ETag.matches(ifNoneMatch: "*", tag: tag))
        #expect(!ETag.matches(ifNoneMatch: "\"a\"", tag: tag))
    }

    @Test func resolvesFilesFoldersAndPrettyURLsInsideTheRoot() throws {
        let site = try TestSite()
        defer { site.remove() }
        try site.write("index.html", "home", in: site.site)
        try site.write("guides/index.html", "guides", in: site.site)
        try site.write("guides/setup.html", "setup", in: site.site)
        let resolver = SitePathResolver(root: site.site)
        let real = try #require(SitePathResolver.realPath(site.site.path))
        #expect(resolver.resolve("/") == .file(URL(fileURLWithPath: real + "/index.html"), relativePath: "index.html"))
        #expect(resolver.resolve("/guides") == .redirect("/guides/"))
        #expect(
            resolver.resolve("/guides/setup")
                == .file(URL(fileURLWithPath: real + "/guides/setup.html"), relativePath: "guides/setup.html")
        )
        #expect(
            resolver.resolve("/guides/%73etup.html")
                == .file(URL(fileURLWithPath: real + "/guides/setup.html"), relativePath: "guides/setup.html")
        )
        #expect(resolver.resolve("/guides/../index.html") == .notFound)
        #expect(resolver.resolve("/missing.html") == .notFound)
        #expect(resolver.resolve("relative.html") == .notFound)
        #expect(resolver.resolve("/%zz") == .notFound)
    }

    @Test func injectsBeforeTheLastBodyEndTag() {
        let html = "<html><head><title>x</title></head><body><p>&lt;/body&gt;</p></BODY></html>"
        let injected = HTMLInjector.inject("<script>1</script>", into: html, baseHref: "/")
        #expect(
            injected
                == "<html><head>\n<base href=\"/\"><title>x</title></head><body><p>&lt;/body&gt;</p><script>1</script></BODY></html>"
        )
        #expect(HTMLInjector.inject("S", into: "<p>no body</p>") == "<p>no body</p>S")
    }

    @Test func scriptTokenIsASafeJavaScriptString() {
        #expect(LiveReloadScript.jsString("a\"b</script>\n") == "\"a\\\"b\\u003c/script\\u003e\\n\"")
        let element = LiveReloadScript.element(token: "abc-3")
        #expect(element.contains("var token = \"abc-3\";"))
        #expect(element.contains("new EventSource(\"/__flowdoc/events\")"))
        #expect(element.contains("sessionStorage"))
    }

    @Test func panelListsThePageProblemsWithLineNumbers() {
        let range = SourceRange(file: "a.md", line: 12, column: 3)
        let diagnostic = Diagnostic(
            .warning,
            id: "StepMissingTarget",
            range: range,
            summary: "Step 'Open' has no UI target"
        )
        let state = PreviewState(sourcePrefix: "content/", instance: "test")
        state.update(with: BuildReport(didWrite: true, diagnostics: [diagnostic], pagePaths: ["a.md": "guides/a.html"]))
        let html = state.injection(forPage: "guides/a.html")
        #expect(html.contains("1 problem in content/a.md"))
        #expect(html.contains("line 12:3"))
        #expect(html.contains("Step &#39;Open&#39; has no UI target"))
        #expect(html.contains("[StepMissingTarget]"))
        #expect(!html.contains("The last build stopped"))
        #expect(
            !state.injection(forPage: "other.html").contains("id=\"flowdoc-problems\""),
            "Other pages show no panel"
        )
        #expect(state.token == "test-1")
    }

    @Test func watcherNoticesAddedChangedAndRemovedFiles() throws {
        let site = try TestSite()
        defer { site.remove() }
        try site.write("a.md", "one")
        let watcher = FileWatcher(paths: [site.content, site.root.appendingPathComponent("flowdoc.yml")])
        let first = watcher.snapshot()
        try site.write("a.md", "one and more")
        try site.write("b.md", "two")
        try site.write("flowdoc.yml", "max_steps: 3", in: site.root)
        let second = watcher.snapshot()
        let changed = FileWatcher.changes(from: first, to: second).map { URL(fileURLWithPath: $0).lastPathComponent }
        #expect(changed.contains("a.md") && changed.contains("b.md") && changed.contains("flowdoc.yml"))
        try FileManager.default.removeItem(at: site.content.appendingPathComponent("b.md"))
        #expect(FileWatcher.changes(from: second, to: watcher.snapshot()).contains { $0.hasSuffix("/b.md") })
        #expect(FileWatcher.changes(from: second, to: second).isEmpty)

        let ignoring = FileWatcher(paths: [site.content], ignoredPrefixes: [site.content.path + "/site"])
        let before = ignoring.snapshot()
        try site.write("site/index.html", "built")
        #expect(FileWatcher.changes(from: before, to: ignoring.snapshot()).isEmpty, "The output folder is not watched")
    }
}
