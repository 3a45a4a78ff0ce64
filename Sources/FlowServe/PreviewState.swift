import FlowCore
import Foundation
import Synchronization

/// What the server knows about the last build.
///
/// Its report, a token that changes with every build, and the problems of each page; shared by
/// the responder and the watcher.
final class PreviewState: Sendable {
    private struct Current {
        var generation = 0
        var report = BuildReport(didWrite: false)
        var problemsByPage: [String: [Diagnostic]] = [:]
    }

    private let current = Mutex(Current())
    /// Differs between runs of the server, so a page served by an earlier run reloads.
    private let instance: String
    /// Put before content-relative paths in the panel (`content/`).
    let sourcePrefix: String

    /// Creates the state of a server run.
    init(sourcePrefix: String, instance: String = String(UInt32.random(in: .min ... .max), radix: 36)) {
        self.sourcePrefix = sourcePrefix
        self.instance = instance
    }

    /// The build the pages are served from; sent in the `hello` event and compared by the script.
    var token: String { current.withLock { "\(instance)-\($0.generation)" } }

    /// The last build's report.
    var report: BuildReport { current.withLock { $0.report } }

    /// Records a finished build.
    ///
    /// - Returns: The new token.
    @discardableResult
    func update(with report: BuildReport) -> String {
        var byPage: [String: [Diagnostic]] = [:]
        for diagnostic in report.diagnostics where !diagnostic.file.isEmpty {
            byPage[report.pagePath(forSource: diagnostic.file), default: []].append(diagnostic)
        }
        return current.withLock { current in
            current.generation += 1
            current.report = report
            current.problemsByPage = byPage
            return "\(instance)-\(current.generation)"
        }
    }

    /// The HTML to inject into the page at `pagePath` (relative to the site's root; `nil` for a
    /// page that is no source's page, such as the 404 page): the problem panel, then the script.
    func injection(forPage pagePath: String?) -> String {
        let (report, problems, token) = current.withLock { current in
            (current.report, pagePath.flatMap { current.problemsByPage[$0] } ?? [], "\(instance)-\(current.generation)")
        }
        let panel = ProblemPanel(pageDiagnostics: problems, report: report, sourcePrefix: sourcePrefix)
        return panel.html + LiveReloadScript.element(token: token)
    }
}

/// Inserting text into an HTML document without parsing it.
enum HTMLInjector {
    /// `html` with `snippet` inserted before the last `</body>` (any case), or appended when
    /// there is none; with `baseHref`, a `<base href>` is also put right after `<head>`.
    static func inject(_ snippet: String, into html: String, baseHref: String? = nil) -> String {
        var html = html
        if let baseHref, let head = html.range(of: "<head>", options: .caseInsensitive) {
            html.insert(contentsOf: "\n<base href=\"\(ProblemPanel.escape(baseHref))\">", at: head.upperBound)
        }
        if let body = html.range(of: "</body>", options: [.caseInsensitive, .backwards]) {
            html.insert(contentsOf: snippet, at: body.lowerBound)
        } else {
            html += snippet
        }
        return html
    }
}
