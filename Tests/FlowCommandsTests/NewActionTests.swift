import FlowCheck
import FlowCore
import FlowModel
import FlowParser
import Foundation
import Testing

@testable import FlowCommands

/// `flowdoc new`: a page from the template, with facets, in new folders, never over a file.
@Suite struct NewActionTests {
    private static let today = CalendarDate(year: 2026, month: 4, day: 9)

    /// A fresh content folder, with an index page naming a product when `product` is given.
    private func makeContent(product: String? = "Acme") throws -> URL {
        let content = FileManager.default.temporaryDirectory.appendingPathComponent(
            "flowdoc-new-\(UUID().uuidString)/content"
        )
        try FileManager.default.createDirectory(at: content, withIntermediateDirectories: true)
        if let product {
            try Data("---\nproduct: \(product)\n---\n\n# Home\n".utf8).write(
                to: content.appendingPathComponent("index.md")
            )
        }
        return content
    }

    @Test func writesAPageThatParsesAsAFlowWithTheFacets() throws {
        let content = try makeContent()
        defer { try? FileManager.default.removeItem(at: content.deletingLastPathComponent()) }
        let action = NewAction(
            contentURL: content,
            path: "salesforce/export-data",
            title: "Export data: the basics",
            platform: "Salesforce",
            mode: "Script",
            today: Self.today
        )
        let result = try action.perform()
        #expect(result.path == "salesforce/export-data.md")
        let text = try String(contentsOf: content.appendingPathComponent("salesforce/export-data.md"), encoding: .utf8)
        let (flow, diagnostics) = PageParser().parse(text, source: result.path)
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.summary))")
        #expect(flow.kind == .flow)
        #expect(flow.id == "salesforce/export-data")
        #expect(flow.title == "Export data: the basics")
        #expect(flow.metadata.product == "Acme")
        #expect(flow.metadata.platform == "Salesforce")
        #expect(flow.metadata.mode == "Script")
        #expect(flow.metadata.updated == "2026-04-09")
        #expect(flow.steps.count == 2)
    }

    @Test func newPageChecksWithoutErrors() async throws {
        let content = try makeContent()
        defer { try? FileManager.default.removeItem(at: content.deletingLastPathComponent()) }
        _ = try NewAction(contentURL: content, path: "setup.md", today: Self.today).perform()
        let result = try await CheckAction(contentURL: content, today: Self.today).run()
        #expect(result.exitCode == 0, "\(result.report)")
    }

    @Test func defaultsTheTitleAndLeavesOutUnknownFacets() throws {
        let content = try makeContent(product: nil)
        defer { try? FileManager.default.removeItem(at: content.deletingLastPathComponent()) }
        let result = try NewAction(contentURL: content, path: "guides/reset_password.md", today: Self.today).perform()
        #expect(result.facets.title == "Reset password")
        let text = try String(contentsOf: result.url, encoding: .utf8)
        #expect(text.hasPrefix("---\ntitle: Reset password\nupdated: 2026-04-09\n---\n"))
    }

    @Test func refusesToOverwriteAnExistingPage() throws {
        let content = try makeContent()
        defer { try? FileManager.default.removeItem(at: content.deletingLastPathComponent()) }
        let page = content.appendingPathComponent("setup.md")
        try Data("# Mine\n".utf8).write(to: page)
        #expect(throws: ValidationFailure.self) {
            try NewAction(contentURL: content, path: "setup", today: Self.today).perform()
        }
        #expect(try String(contentsOf: page, encoding: .utf8) == "# Mine\n")
    }

    @Test(arguments: [
        "../outside.md", "a/../../outside.md", "../\u{301}outside.md", "_drafts/page.md", ".hidden.md", "/etc/page.md",
    ])
    func refusesPathsThatAreNotPagesOfTheContentFolder(path: String) throws {
        let content = try makeContent()
        defer { try? FileManager.default.removeItem(at: content.deletingLastPathComponent()) }
        #expect(throws: ValidationFailure.self) {
            try NewAction(contentURL: content, path: path, today: Self.today).perform()
        }
        let entries = try FileManager.default.subpathsOfDirectory(atPath: content.deletingLastPathComponent().path)
        #expect(entries.sorted() == ["content", "content/index.md"])
    }

    @Test func acceptsAPathThatNamesTheContentFolder() throws {
        let content = try makeContent()
        defer { try? FileManager.default.removeItem(at: content.deletingLastPathComponent()) }
        let result = try NewAction(contentURL: content, path: content.path + "/jira/accept.md", today: Self.today)
            .perform()
        #expect(result.path == "jira/accept.md")
    }

    @Test(arguments: [
        ("Plain", "Plain"), ("a: b", "\"a: b\""), ("yes", "\"yes\""), ("Say \"hi\"", "\"Say \\\"hi\\\"\""),
        ("2026", "\"2026\""),
    ])
    func quotesYAMLScalarsOnlyWhenNeeded(text: String, expected: String) {
        #expect(NewPageTemplate.yamlScalar(text) == expected)
    }
}
