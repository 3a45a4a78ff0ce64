import Foundation
import Synchronization
import Testing

@testable import FlowServe

/// The preview server over real sockets on loopback, with a fake build (see ``TestSite``).
@Suite struct PreviewServerTests {
    @Test func servesPageWithPreviewScriptAndContentType() async throws {
        let site = try TestSite()
        defer { site.remove() }
        try site.write("index.md", "Welcome")
        try await site.withServer { port in
            let response = try await RawHTTPClient.request(port: port, path: "/index.html")
            #expect(response.status == 200)
            #expect(response.headers["content-type"] == "text/html; charset=utf-8")
            #expect(response.text.contains("<h1>Welcome</h1>"))
            #expect(response.text.contains("data-flowdoc-preview"), "The preview script is injected")
            #expect(response.text.contains("</script>\n</body>"))
            let onDisk = try String(contentsOf: site.site.appendingPathComponent("index.html"), encoding: .utf8)
            #expect(!onDisk.contains("flowdoc-preview"), "The built file itself is untouched")

            let folder = try await RawHTTPClient.request(port: port, path: "/")
            #expect(folder.status == 200)
            #expect(folder.text.contains("<h1>Welcome</h1>"))
        }
    }

    @Test func reloadsOpenPagesAfterAContentChange() async throws {
        let site = try TestSite()
        defer { site.remove() }
        try site.write("guide.md", "First version")
        try await site.withServer { port in
            let before = try await RawHTTPClient.request(port: port, path: "/guide.html")
            #expect(before.text.contains("First version"))
            let events = try await RawHTTPClient.onThread { () -> (String, String) in
                let socket = try RawHTTPClient.connect(port: port)
                defer { close(socket) }
                try RawHTTPClient.send(socket, RawHTTPClient.requestText(method: "GET", path: "/__flowdoc/events"))
                let hello = try RawHTTPClient.read(socket, until: "event: hello")
                try site.write("guide.md", "Second version")
                let reload = try RawHTTPClient.read(socket, until: "event: reload")
                return (hello, reload)
            }
            #expect(events.0.contains("text/event-stream"))
            #expect(events.1.contains("event: reload\ndata: "))
            let after = try await RawHTTPClient.request(port: port, path: "/guide.html")
            #expect(after.text.contains("Second version"))
            #expect(!after.text.contains("First version"))
        }
    }

    @Test func keepsLastGoodVersionAndShowsProblemsWhenTheBuildFails() async throws {
        let site = try TestSite()
        defer { site.remove() }
        try site.write("guide.md", "Good version")
        try await site.withServer { port in
            let socket = try await RawHTTPClient.onThread { () -> Int32 in
                let socket = try RawHTTPClient.connect(port: port)
                try RawHTTPClient.send(socket, RawHTTPClient.requestText(method: "GET", path: "/__flowdoc/events"))
                _ = try RawHTTPClient.read(socket, until: "event: hello")
                try site.write("guide.md", "Good version\nsecond line\nBROKEN here")
                _ = try RawHTTPClient.read(socket, until: "event: reload")
                return socket
            }
            close(socket)
            let page = try await RawHTTPClient.request(port: port, path: "/guide.html")
            #expect(page.status == 200)
            #expect(page.text.contains("<h1>Good version</h1>"), "The last good version stays")
            #expect(page.text.contains("id=\"flowdoc-problems\""))
            #expect(page.text.contains("1 problem in content/guide.md"))
            #expect(page.text.contains("line 3:1"))
            #expect(page.text.contains("Page is &lt;broken&gt;"), "Problem text is escaped")
            #expect(page.text.contains("The last build stopped"))
        }
    }

    @Test(arguments: [
        "/../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E/secret.txt", "/..%2fsecret.txt", "/a/../../secret.txt",
        "/outside/secret.txt", "/outside-file.txt", "/.flowdoc-site", "/%00index.html", "/..\\secret.txt",
    ])
    func refusesPathsOutsideTheSite(path: String) async throws {
        let site = try TestSite()
        defer { site.remove() }
        try site.write("index.md", "Home")
        try site.write("secret.txt", "TOP SECRET", in: site.root)
        try FileManager.default.createDirectory(
            at: site.site.appendingPathComponent("a"),
            withIntermediateDirectories: true
        )
        try FileManager.default.createSymbolicLink(
            at: site.site.appendingPathComponent("outside"),
            withDestinationURL: site.root
        )
        try FileManager.default.createSymbolicLink(
            at: site.site.appendingPathComponent("outside-file.txt"),
            withDestinationURL: site.root.appendingPathComponent("secret.txt")
        )
        try await site.withServer { port in
            let response = try await RawHTTPClient.request(port: port, path: path)
            #expect(response.status == 404 || response.status == 400, "\(path) gave \(response.status)")
            #expect(!response.text.contains("TOP SECRET"))
            if response.status == 404 {
                #expect(response.text.contains("Nothing here"), "The site's 404 page is served")
                #expect(response.text.contains("<base href=\"/\">"))
            }
        }
    }

    @Test func answersHeadAndConditionalRequests() async throws {
        let site = try TestSite()
        defer { site.remove() }
        try site.write("index.md", "Home")
        try site.write("style.css", "body { color: black; }", in: site.site)
        try await site.withServer { port in
            let get = try await RawHTTPClient.request(port: port, path: "/style.css")
            #expect(get.status == 200)
            #expect(get.headers["content-type"] == "text/css; charset=utf-8")
            let tag = try #require(get.headers["etag"])
            #expect(get.headers["content-length"] == "22")

            let head = try await RawHTTPClient.request(port: port, method: "HEAD", path: "/style.css")
            #expect(head.status == 200)
            #expect(head.headers["etag"] == tag)
            #expect(head.headers["content-length"] == "22")
            #expect(head.body.isEmpty)

            let cached = try await RawHTTPClient.request(
                port: port,
                path: "/style.css",
                headers: ["If-None-Match": tag]
            )
            #expect(cached.status == 304)
            #expect(cached.body.isEmpty)
            let listed = try await RawHTTPClient.request(
                port: port,
                path: "/style.css",
                headers: ["If-None-Match": "\"x\", W/\(tag)"]
            )
            #expect(listed.status == 304)
            let stale = try await RawHTTPClient.request(
                port: port,
                path: "/style.css",
                headers: ["If-None-Match": "\"other\""]
            )
            #expect(stale.status == 200)

            let post = try await RawHTTPClient.request(port: port, method: "POST", path: "/style.css")
            #expect(post.status == 405)
            #expect(post.headers["allow"] == "GET, HEAD")
            let missing = try await RawHTTPClient.request(port: port, path: "/no-such-page.html")
            #expect(missing.status == 404)
            #expect(missing.headers["content-type"] == "text/html; charset=utf-8")
        }
    }

    @Test func answersTwoHundredConcurrentRequests() async throws {
        let site = try TestSite()
        defer { site.remove() }
        for index in 0..<10 { try site.write("page\(index).md", "Page number \(index)") }
        try await site.withServer { port in
            let count = 200
            let responses = try await RawHTTPClient.onThread { () -> [RawHTTPClient.Response] in
                // Open every connection and send every request before reading any response.
                var sockets: [Int32] = []
                defer { sockets.forEach { close($0) } }
                for index in 0..<count {
                    let socket = try RawHTTPClient.connect(port: port)
                    sockets.append(socket)
                    try RawHTTPClient.send(
                        socket,
                        RawHTTPClient.requestText(method: "GET", path: "/page\(index % 10).html")
                    )
                }
                return try sockets.map { try RawHTTPClient.parse(RawHTTPClient.readAll($0)) }
            }
            #expect(responses.count == count)
            for (index, response) in responses.enumerated() {
                #expect(response.status == 200)
                #expect(
                    response.text.contains("<h1>Page number \(index % 10)</h1>"),
                    "Response \(index) is the wrong page"
                )
            }
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func shutsDownGracefullyWithAnOpenEventStream() async throws {
        let site = try TestSite()
        defer { site.remove() }
        try site.write("index.md", "Home")
        let opened = Mutex<Int32>(-1)
        try await site.withServer { port in
            let socket = try await RawHTTPClient.onThread { () -> Int32 in
                let socket = try RawHTTPClient.connect(port: port)
                try RawHTTPClient.send(socket, RawHTTPClient.requestText(method: "GET", path: "/__flowdoc/events"))
                _ = try RawHTTPClient.read(socket, until: "event: hello")
                return socket
            }
            opened.withLock { $0 = socket }
        }
        // withServer returned: the server stopped although the stream was open. The stream ended.
        let socket = opened.withLock { $0 }
        defer { close(socket) }
        let rest = try await RawHTTPClient.onThread { try RawHTTPClient.readAll(socket) }
        #expect(!String(decoding: rest, as: UTF8.self).contains("event: reload"))
    }

    @Test func redirectsAFolderWithoutTrailingSlash() async throws {
        let site = try TestSite()
        defer { site.remove() }
        try site.write("index.md", "Home")
        try site.write("guides/index.html", TestSite.html(title: "Guides"), in: site.site)
        try await site.withServer { port in
            let response = try await RawHTTPClient.request(port: port, path: "/guides")
            #expect(response.status == 301)
            #expect(response.headers["location"] == "/guides/")
            let page = try await RawHTTPClient.request(port: port, path: "/guides/")
            #expect(page.text.contains("<h1>Guides</h1>"))
        }
    }
}
