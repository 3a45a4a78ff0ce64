public import FlowCore

/// A JUnit XML report for CI dashboards: one test case per page.
///
/// A page with problems that fail the run (errors, or warnings with `--warnings-as-errors`) has a
/// `<failure>` holding them in the text format; other problems go to `<system-out>`.
public struct JUnitReporter: Reporter {
    /// Creates a JUnit reporter.
    public init() {}

    public func report(_ diagnostics: [Diagnostic], summary: CheckSummary) -> String {
        let formatter = DiagnosticFormatter(colored: false, pathPrefix: summary.pathPrefix)
        let byFile = Dictionary(grouping: diagnostics, by: \.file)
        let files = Set(summary.pages).union(byFile.keys).sorted()
        var cases = ""
        var failures = 0
        for file in files {
            let problems = byFile[file] ?? []
            let failing = problems.filter { summary.fails($0.severity) }
            let other = problems.filter { !summary.fails($0.severity) }
            let name = Self.escape(summary.pathPrefix + (file.isEmpty ? "(content)" : file))
            cases += "    <testcase classname=\"flowdoc.check\" name=\"\(name)\""
            guard !problems.isEmpty else {
                cases += "/>\n"
                continue
            }
            cases += ">\n"
            if !failing.isEmpty {
                failures += 1
                let message = "\(failing.count) problem\(failing.count == 1 ? "" : "s")"
                cases += "      <failure message=\"\(message)\" type=\"flowdoc.check\">"
                cases += Self.escape(formatter.format(failing)) + "</failure>\n"
            }
            if !other.isEmpty {
                cases += "      <system-out>" + Self.escape(formatter.format(other)) + "</system-out>\n"
            }
            cases += "    </testcase>\n"
        }
        let counts = "tests=\"\(files.count)\" failures=\"\(failures)\" errors=\"0\""
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <testsuites name="flowdoc check" \(counts)>
              <testsuite name="flowdoc check" \(counts) skipped="0">
            \(cases)  </testsuite>
            </testsuites>

            """
    }

    /// Escapes text for XML content and attributes, and drops characters XML 1.0 can't hold.
    static func escape(_ text: String) -> String {
        Escaping.markup(text, dropsInvalidXMLCharacters: true)
    }
}
