import FlowCore
import Foundation
import ServiceLifecycleTestKit
import Testing

@testable import FlowServe

/// A scratch folder with `content/` pages and a `site/` that a fake build makes from them.
///
/// The fake build turns each `content/NAME.md` into `site/NAME.html` holding the page's text in an
/// `<h1>`. A page that contains `BROKEN` fails the build with an error at that line, and the
/// site is then left as it was, as `flowdoc build` does.
struct TestSite: Sendable {
    let root: URL
    var content: URL { root.appendingPathComponent("content") }
    var site: URL { root.appendingPathComponent("site") }

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("flowserve-\(UUID().uuidString)")
        try FileManager.default.createDirectory(
            at: root.appendingPathComponent("content"),
            withIntermediateDirectories: true
        )
        try FileManager.default.createDirectory(
            at: root.appendingPathComponent("site"),
            withIntermediateDirectories: true
        )
    }

    func remove() { try? FileManager.default.removeItem(at: root) }

    func write(_ path: String, _ text: String, in folder: URL? = nil) throws {
        let url = (folder ?? content).appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    /// The fake build.
    func build() -> BuildReport {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: content.path)) ?? []).filter {
            $0.hasSuffix(".md")
        }.sorted()
        var pages: [String: String] = [:]
        var diagnostics: [Diagnostic] = []
        var outputs: [(String, String)] = []
        for name in names {
            let text = (try? String(contentsOf: content.appendingPathComponent(name), encoding: .utf8)) ?? ""
            let page = String(name.dropLast(3)) + ".html"
            pages[name] = page
            let lines = text.components(separatedBy: "\n")
            if let line = lines.firstIndex(where: { $0.contains("BROKEN") }) {
                let location = SourceLocation(line: line + 1, column: 1)
                diagnostics.append(
                    Diagnostic(
                        .error,
                        id: "Broken",
                        range: SourceRange(file: name, start: location, end: location),
                        summary: "Page is <broken>"
                    )
                )
            }
            outputs.append((page, Self.html(title: lines.first ?? "")))
        }
        guard diagnostics.isEmpty else {
            return BuildReport(didWrite: false, diagnostics: diagnostics, pagePaths: pages)
        }
        outputs.append(("404.html", Self.html(title: "Nothing here")))
        for (path, html) in outputs { try? Data(html.utf8).write(to: site.appendingPathComponent(path)) }
        return BuildReport(didWrite: true, diagnostics: [], pagePaths: pages)
    }

    static func html(title: String) -> String {
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<title>t</title>\n</head>\n<body>\n<h1>\(title)</h1>\n</body>\n</html>\n"
    }

    /// Starts a preview server on a free loopback port, runs `body`, then stops the server.
    func withServer(_ body: @Sendable (Int) async throws -> Void) async throws {
        let site = self
        let configuration = PreviewServer.Configuration(
            host: "127.0.0.1",
            port: 0,
            siteRoot: site.site,
            watchedPaths: [site.content],
            pollInterval: .milliseconds(50),
            sourcePrefix: "content/",
            build: { site.build() }
        )
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        try await testGracefulShutdown { shutdown in
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask {
                    try await PreviewServer(configuration: configuration).run { port in continuation.yield(port) }
                }
                var iterator = ports.makeAsyncIterator()
                let port = try #require(await iterator.next())
                do {
                    try await body(port)
                } catch {
                    group.cancelAll()
                    throw error
                }
                // Stop the way Ctrl-C does: a graceful shutdown, which must end by itself.
                shutdown.triggerGracefulShutdown()
                try await group.waitForAll()
            }
        }
    }
}
