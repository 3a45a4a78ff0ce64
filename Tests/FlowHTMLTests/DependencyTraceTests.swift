import Testing

@testable import FlowHTML

/// The build cache stores each page's questions as text (`DependencyTrace.Query.encoded`) and
/// reads them back by bytes; every question must come back as it was.
@Suite struct DependencyTraceTests {
    static let arguments = [
        "page-2.md", "../jira/a b.md#step-2", "100%/x.md", "tab\there", "line\nbreak\r\n", "sep\u{1E}\u{1F}arators",
        "über/café.md", "👩‍💻.md", "", "%25%0A",
    ]

    @Test(arguments: arguments)
    func queriesSurviveTheManifest(argument: String) {
        let queries: [DependencyTrace.Query] = [
            .href(argument, allowsFlowID: true), .href(argument, allowsFlowID: false),
            .linkedFlow(argument, allowsFlowID: true), .linkedFlow(argument, allowsFlowID: false),
            .overview(source: argument), .neighbors,
        ]
        for query in queries {
            let line = query.encoded
            #expect(!line.utf8.contains { $0 == 0x0A || $0 == 0x09 || $0 == 0x1E })
            #expect(DependencyTrace.Query(encoded: Substring(line)) == query, "\(line)")
        }
    }

    @Test(arguments: ["", "x", "h", "h\u{1F}1", "h1\u{1F}a", "q\u{1F}1\u{1F}a", "n1"])
    func malformedQueriesAreRefused(line: String) {
        #expect(DependencyTrace.Query(encoded: Substring(line)) == nil)
    }
}
