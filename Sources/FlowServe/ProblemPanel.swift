import FlowCore

/// The panel injected into a served page that lists the problems `check` found in its source.
///
/// When the last build stopped on errors, every page also says so and names the files at
/// fault: the site shown is then the last one that built.
struct ProblemPanel {
    /// The diagnostics of the page's own source file.
    var pageDiagnostics: [Diagnostic]
    /// The last build's report.
    var report: BuildReport
    /// Put before content-relative paths when they are shown (`content/`).
    var sourcePrefix: String

    /// The panel's HTML, or an empty string when there is nothing to say.
    var html: String {
        let stale = !report.didWrite
        guard !pageDiagnostics.isEmpty || stale else { return "" }
        var out = "<style>\(Self.style)</style>\n"
        out += "<aside id=\"flowdoc-problems\" class=\"flowdoc-problems\" aria-label=\"Problems found by flowdoc\">\n"
        out += "<button type=\"button\" class=\"flowdoc-problems-close\" aria-label=\"Hide the problems\">×</button>\n"
        if stale { out += staleNotice }
        if !pageDiagnostics.isEmpty {
            let file = pageDiagnostics[0].file
            let count = pageDiagnostics.count
            out += "<h2>\(count) problem\(count == 1 ? "" : "s") in \(escape(sourcePrefix + file))</h2>\n<ul>\n"
            for diagnostic in pageDiagnostics { out += item(diagnostic, showFile: false) }
            out += "</ul>\n"
        }
        return out + "</aside>\n"
    }

    private var staleNotice: String {
        var out = "<p class=\"flowdoc-problems-stale\"><strong>The last build stopped"
        if let failure = report.failure {
            return out + ":</strong> \(escape(failure)). You are seeing the last good version.</p>\n"
        }
        let errors = report.diagnostics.filter { $0.severity == .error }
        out +=
            " on \(errors.count) error\(errors.count == 1 ? "" : "s").</strong> You are seeing the last good version.</p>\n"
        let elsewhere = errors.filter { !pageDiagnostics.contains($0) }
        guard !elsewhere.isEmpty else { return out }
        out += "<ul>\n"
        for diagnostic in elsewhere.prefix(20) { out += item(diagnostic, showFile: true) }
        if elsewhere.count > 20 { out += "<li>… and \(elsewhere.count - 20) more (see the terminal)</li>\n" }
        return out + "</ul>\n"
    }

    private func item(_ diagnostic: Diagnostic, showFile: Bool) -> String {
        var position = diagnostic.line > 0 ? "line \(diagnostic.line)" : "file"
        if diagnostic.line > 0, diagnostic.column > 0 { position += ":\(diagnostic.column)" }
        if showFile { position = sourcePrefix + diagnostic.file + (diagnostic.line > 0 ? ", " + position : "") }
        var out = "<li class=\"is-\(diagnostic.severity.rawValue)\"><span class=\"flowdoc-problems-where\">"
        out += escape(position) + "</span> <span class=\"flowdoc-problems-severity\">"
        out += diagnostic.severity.rawValue + ":</span> " + escape(diagnostic.summary)
        out += " <code>[\(escape(diagnostic.id))]</code>"
        if let explanation = diagnostic.explanation { out += "<br><small>\(escape(explanation))</small>" }
        return out + "</li>\n"
    }

    /// `text` escaped for HTML text and attribute values.
    static func escape(_ text: String) -> String { Escaping.markup(text) }

    private func escape(_ text: String) -> String { Self.escape(text) }

    private static let style = """
        #flowdoc-problems{position:fixed;right:1rem;bottom:1rem;z-index:2147483647;max-width:min(40rem,calc(100vw - 2rem));\
        max-height:45vh;overflow:auto;background:#fffbeb;color:#1c1917;border:2px solid #b45309;border-radius:.5rem;\
        padding:.75rem 2.5rem .75rem 1rem;font:14px/1.45 system-ui,sans-serif;box-shadow:0 4px 16px rgba(0,0,0,.25)}\
        #flowdoc-problems h2{font-size:15px;margin:.25rem 0}#flowdoc-problems ul{margin:.25rem 0;padding-left:1.1rem}\
        #flowdoc-problems p{margin:.25rem 0}#flowdoc-problems code{font-size:12px;color:#44403c}\
        #flowdoc-problems .is-error .flowdoc-problems-severity{color:#b91c1c;font-weight:700}\
        #flowdoc-problems .is-warning .flowdoc-problems-severity{color:#92400e;font-weight:700}\
        #flowdoc-problems .flowdoc-problems-where{font-family:ui-monospace,monospace;font-size:12px}\
        #flowdoc-problems .flowdoc-problems-close{position:absolute;top:.4rem;right:.5rem;border:0;background:none;\
        color:#1c1917;font-size:20px;line-height:1;cursor:pointer}
        """
}
