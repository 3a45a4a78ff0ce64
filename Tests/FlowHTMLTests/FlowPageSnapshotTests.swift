import FlowHTML
import FlowTestSupport
import Foundation
import Testing

@Suite struct FlowPageSnapshotTests {
    @Test func seedFlowPageMatchesGoldenFile() async throws {
        let files = try await SiteTestSupport.generate(SiteTestSupport.seedContent)
        let html = try #require(try SiteTestSupport.text(files, "initiate-connection-script-mode-salesforce.html"))
        switch Snapshot.compare(html, named: "seedFlowPage.html") {
        case .matches: break
        case .recorded(let path): Issue.record("Recorded \(path); run again without RECORD_SNAPSHOTS")
        case .missing(let path): Issue.record("No snapshot at \(path); run with RECORD_SNAPSHOTS=1")
        case .differs(_, let line): Issue.record("HTML differs from Snapshots/seedFlowPage.html at line \(line)")
        }
    }

    @Test func flowPageHasStepAnchorsScreensChoicesAndFieldTables() async throws {
        let files = try await SiteTestSupport.generate(SiteTestSupport.seedContent)
        let html = try #require(try SiteTestSupport.text(files, "initiate-connection-script-mode-salesforce.html"))
        for expected in [
            "<li class=\"step\" id=\"step-1\">", "<li class=\"step\" id=\"step-9\">", "class=\"screen\"",
            "wf-checkbox is-checked", "wf-radio is-checked", "choice-option is-selected", "class=\"field-table\"",
            "callout callout-important", "callout callout-note", "href=\"accept-invitation.html\"",
            "application/ld+json", "\"@type\":\"HowTo\"", "Last updated <time datetime=\"2026-01-15\">",
        ] {
            #expect(html.contains(expected), "Missing \(expected)")
        }
    }

    @Test func linksBetweenPagesAccountForFolderDepth() async throws {
        let files = try await SiteTestSupport.generate(Fixtures.shippedContent)
        let html = try #require(try SiteTestSupport.text(files, "salesforce/initiate-connection-script-mode.html"))
        #expect(html.contains("href=\"../jira-cloud/accept-invitation.html\""))
        #expect(html.contains("href=\"initiate-connection-basic-mode.html\""))
        #expect(html.contains("src=\"../images/initiate-connection.svg\""))
        #expect(html.contains("href=\"../assets/flowdoc.css\""))
        #expect(!html.contains(".md\""), "A link still points at a .md file")
        #expect(files.contains { $0.path == "images/initiate-connection.svg" })
    }

    @Test func jsonLDCannotEndItsScriptElement() async throws {
        let files = try await SiteTestSupport.generate(Fixtures.shippedContent)
        for file in files where file.path.hasSuffix(".html") {
            let html = String(decoding: try SiteTestSupport.bytes(file), as: UTF8.self)
            guard let start = html.range(of: "<script type=\"application/ld+json\">") else { continue }
            let rest = html[start.upperBound...]
            let end = try #require(rest.range(of: "</script>"))
            #expect(!rest[..<end.lowerBound].contains("<"), "\(file.path) has < inside JSON-LD")
        }
    }
}
