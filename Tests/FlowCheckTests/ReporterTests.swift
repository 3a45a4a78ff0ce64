import FlowCheck
import FlowCore
import Foundation
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

@Suite struct ReporterTests {
    static let diagnostics: [Diagnostic] = [
        Diagnostic(
            .warning,
            id: "StepNumberGap",
            range: SourceRange(file: "a b.md", line: 5, column: 1),
            summary: "Step number 4 follows 2; expected 3",
            notes: [.init(range: SourceRange(file: "a b.md", line: 4, column: 1), message: "Step 2 is here")],
            fixIts: [
                .init(
                    summary: "Renumber steps",
                    replacements: [.init(range: SourceRange(file: "a b.md", line: 5, column: 1), text: "3")]
                )
            ]
        ),
        Diagnostic(
            .error,
            id: "BrokenLink",
            range: SourceRange(file: "x.md", line: 3, column: 7, endLine: 3, endColumn: 20),
            summary: "Link to 'c.md' points to nothing, <really> & \"truly\""
        ),
        Diagnostic(.note, id: "NextCycle", range: nil, file: "y.md", summary: "Next links form a cycle: a → b → a"),
        Diagnostic(.error, id: "NulByte", range: nil, file: "z.md", summary: "Control \u{1} character: 100%"),
    ].sorted()

    static let summary = CheckSummary(
        diagnostics: diagnostics,
        pages: ["a b.md", "ok.md", "x.md", "y.md", "z.md"],
        pathPrefix: "content/",
        toolVersion: "0.1.0"
    )

    @Test func textReportListsProblemsThenSummary() {
        let text = TextReporter().report(Self.diagnostics, summary: Self.summary)
        #expect(
            text == """
                content/a b.md:5:1: warning: Step number 4 follows 2; expected 3 [StepNumberGap]
                content/a b.md:4:1: note: Step 2 is here
                content/x.md:3:7: error: Link to 'c.md' points to nothing, <really> & "truly" [BrokenLink]
                content/y.md: note: Next links form a cycle: a → b → a [NextCycle]
                content/z.md: error: Control \u{1} character: 100% [NulByte]
                2 errors, 1 warning, 1 note in 5 pages

                """
        )
        #expect(
            TextReporter().report([], summary: CheckSummary(diagnostics: [], pages: ["a.md"]))
                == "0 errors, 0 warnings in 1 page\n"
        )
    }

    @Test func jsonReportHasDiagnosticsAndSummaryWithSortedKeys() throws {
        let text = JSONReporter().report(Self.diagnostics, summary: Self.summary)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let items = try #require(object["diagnostics"] as? [[String: Any]])
        #expect(items.count == 4)
        #expect(items[0]["file"] as? String == "content/a b.md")
        #expect(items[0]["rule"] as? String == "StepNumberGap")
        #expect(items[0]["line"] as? Int == 5)
        #expect(items[0]["column"] as? Int == 1)
        #expect(items[0]["severity"] as? String == "warning")
        #expect(items[0]["message"] as? String == "Step number 4 follows 2; expected 3")
        #expect((items[0]["notes"] as? [[String: Any]])?.first?["message"] as? String == "Step 2 is here")
        let summary = try #require(object["summary"] as? [String: Any])
        #expect(summary["errors"] as? Int == 2)
        #expect(summary["pages"] as? Int == 5)
        #expect(text.contains("\"column\" : 1,\n      \"file\""), "Keys are sorted")
    }

    @Test func sarifReportValidatesAgainstTheSchema() throws {
        let sarif = SARIFReporter().report(Self.diagnostics, summary: Self.summary)
        #expect(sarif.contains("\"uri\" : \"content/a%20b.md\""))
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("flowdoc-sarif-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let report = folder.appendingPathComponent("report.sarif")
        try Data(sarif.utf8).write(to: report)
        let schema = fixturesURL.appendingPathComponent("schemas/sarif-schema-2.1.0.json")
        let script = """
            import json, sys
            from jsonschema import Draft4Validator
            schema = json.load(open(sys.argv[1]))
            errors = [f"{list(e.path)}: {e.message}" for e in Draft4Validator(schema).iter_errors(json.load(open(sys.argv[2])))]
            print("\\n".join(errors))
            sys.exit(1 if errors else 0)
            """
        let (status, output) = try runPython(script, arguments: [schema.path, report.path])
        #expect(status == 0, "SARIF does not validate: \(output)")
    }

    @Test func githubReportWritesWorkflowCommands() {
        let text = GitHubReporter().report(Self.diagnostics, summary: Self.summary)
        let lines = text.split(separator: "\n").map(String.init)
        #expect(
            lines[0]
                == "::warning file=content/a b.md,line=5,col=1,endLine=5,endColumn=1,title=StepNumberGap::Step number 4 follows 2; expected 3%0Anote: content/a b.md:4:1: Step 2 is here"
        )
        #expect(
            lines[1].hasPrefix(
                "::error file=content/x.md,line=3,col=7,endLine=3,endColumn=20,title=BrokenLink::Link to"
            )
        )
        #expect(lines[2] == "::notice file=content/y.md,title=NextCycle::Next links form a cycle: a → b → a")
        #expect(lines[3] == "::error file=content/z.md,title=NulByte::Control \u{1} character: 100%25")
        #expect(lines.last == "2 errors, 1 warning, 1 note in 5 pages")
    }

    @Test func junitReportIsWellFormedXMLWithOneCasePerPage() throws {
        let xml = JUnitReporter().report(Self.diagnostics, summary: Self.summary)
        let collector = XMLCollector()
        let parser = XMLParser(data: Data(xml.utf8))
        parser.delegate = collector
        #expect(parser.parse(), "Not well-formed: \(String(describing: parser.parserError))\n\(xml)")
        #expect(
            collector.testcases == ["content/a b.md", "content/ok.md", "content/x.md", "content/y.md", "content/z.md"]
        )
        #expect(collector.failures == 2)
        #expect(xml.contains("tests=\"5\" failures=\"2\""))
        #expect(xml.contains("&lt;really&gt; &amp; &quot;truly&quot;"))
    }

    @Test func junitCountsWarningsAsFailuresWithWarningsAsErrors() throws {
        var summary = Self.summary
        summary.warningsAsErrors = true
        let xml = JUnitReporter().report(Self.diagnostics, summary: summary)
        #expect(xml.contains("failures=\"3\""))
    }
}

/// Runs `python3 -c script arguments…` and returns its status and combined output.
func runPython(_ script: String, arguments: [String]) throws -> (Int32, String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", "-c", script] + arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
}

/// Collects test case names and failures while parsing JUnit XML.
final class XMLCollector: NSObject, XMLParserDelegate, @unchecked Sendable {
    var testcases: [String] = []
    var failures = 0

    func parser(
        _ parser: XMLParser,
        didStartElement elementName: String,
        namespaceURI: String?,
        qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        if elementName == "testcase", let name = attributes["name"] { testcases.append(name) }
        if elementName == "failure" { failures += 1 }
    }
}
