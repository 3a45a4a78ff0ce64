import FlowHTML
import FlowParser
import FlowTestSupport
import Foundation
import Testing

/// An incremental build must give the same bytes as a clean build after every kind of change.
@Suite struct IncrementalBuildTests {
    /// A change to a copy of the shipped content folder.
    struct Change: Sendable, CustomTestStringConvertible {
        var name: String
        var apply: @Sendable (URL) throws -> Void
        var testDescription: String { name }
    }

    static let changes: [Change] = [
        Change(name: "page body edited") { root in
            try Fixtures.append(
                "\nOne more sentence at the end.\n",
                to: root.appendingPathComponent("connections/test-sync.md")
            )
        },
        Change(name: "page title edited, shown by the pages that link to it") { root in
            try Fixtures.replace(
                "# Test a sync",
                with: "# Test a synchronisation",
                in: root.appendingPathComponent("connections/test-sync.md")
            )
        },
        Change(name: "next link added, drawn in the flow graph") { root in
            try Fixtures.append(
                "- [Delete a connection](delete-connection.md)\n",
                to: root.appendingPathComponent("connections/test-sync.md")
            )
        },
        Change(name: "summary edited, shown in the listings of other pages") { root in
            try Fixtures.replace(
                "summary: Sync one test item by hand",
                with: "summary: Sync a single test item by hand",
                in: root.appendingPathComponent("connections/test-sync.md")
            )
        },
        Change(name: "page made a draft") { root in
            try Fixtures.replace(
                "mode: Any\n",
                with: "mode: Any\ndraft: true\n",
                in: root.appendingPathComponent("connections/test-sync.md")
            )
        },
        Change(name: "page added") { root in
            let page =
                "---\nproduct: Exalate\nplatform: Salesforce\n---\n\n# A new flow\n\n1. Click **Next**.\n2. Click **Done**.\n"
            try Data(page.utf8).write(to: root.appendingPathComponent("salesforce/new-flow.md"))
        },
        Change(name: "page deleted") { root in
            try FileManager.default.removeItem(at: root.appendingPathComponent("connections/delete-connection.md"))
        },
        Change(name: "page renamed") { root in
            try FileManager.default.moveItem(
                at: root.appendingPathComponent("connections/create-trigger.md"),
                to: root.appendingPathComponent("connections/add-trigger.md")
            )
        },
        Change(name: "nothing changed") { _ in },
    ]

    @Test(arguments: changes)
    func incrementalRebuildEqualsCleanBuild(after change: Change) async throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let content = try Fixtures.copyOfShippedContent(into: folder)
        let site = folder.appendingPathComponent("site")
        _ = try await Self.build(content, into: site)
        try change.apply(content)
        let report = try await Self.build(content, into: site)
        let clean = folder.appendingPathComponent("clean")
        _ = try await Self.build(content, into: clean, incremental: false)
        let incremental = try Fixtures.tree(site)
        let expected = try Fixtures.tree(clean)
        #expect(incremental.keys.sorted() == expected.keys.sorted())
        #expect(
            incremental == expected,
            "Files differ: \(expected.keys.filter { incremental[$0] != expected[$0] }.sorted())"
        )
        #expect(report.renderedPages < report.pageCount, "Nothing was reused")
    }

    @Test func unchangedContentRendersOnlyTheHomePage() async throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let content = try Fixtures.copyOfShippedContent(into: folder)
        let site = folder.appendingPathComponent("site")
        _ = try await Self.build(content, into: site)
        let report = try await Self.build(content, into: site)
        #expect(report.renderedPages == 1, "Rendered \(report.renderedPages) of \(report.pageCount) pages")
    }

    @Test func changedTemplateRebuildsEveryPage() async throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let content = try Fixtures.copyOfShippedContent(into: folder)
        let site = folder.appendingPathComponent("site")
        _ = try await Self.build(content, into: site)
        var theme = Theme.builtIn()
        theme.templates["layout"] = try #require(theme.templates["layout"]).replacingOccurrences(
            of: "</body>",
            with: "<!-- v2 --></body>"
        )
        let report = try await Self.build(content, into: site, theme: theme)
        #expect(report.renderedPages == report.pageCount)
        let clean = folder.appendingPathComponent("clean")
        _ = try await Self.build(content, into: clean, theme: theme, incremental: false)
        #expect(try Fixtures.tree(site) == Fixtures.tree(clean))
    }

    @Test func streamedBuildEqualsInMemoryGeneration() async throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let content = Fixtures.shippedContent
        let streamed = folder.appendingPathComponent("streamed")
        _ = try await Self.build(content, into: streamed, incremental: false)
        let files = try await SiteTestSupport.generate(content)
        let inMemory = folder.appendingPathComponent("memory")
        try SiteWriter(output: inMemory, content: content).write(files)
        let a = try Fixtures.tree(streamed)
        let b = try Fixtures.tree(inMemory)
        #expect(a.keys.sorted() == b.keys.sorted())
        #expect(a == b, "Files differ: \(b.keys.filter { a[$0] != b[$0] }.sorted())")
    }

    @Test func cacheLivesBesideTheOutputAndIsNotPublished() async throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let content = try Fixtures.copyOfShippedContent(into: folder)
        _ = try await Self.build(content, into: folder.appendingPathComponent("site"))
        let entries = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(entries == [".site.flowdoc-cache", "content", "site"])
        let published = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("site").path)
        #expect(!published.contains { $0.contains("cache") })
    }

    // MARK: Helpers

    static func build(
        _ content: URL,
        into output: URL,
        theme: Theme? = nil,
        incremental: Bool = true
    ) async throws -> SiteBuilder.Report {
        let loaded = try await ContentLoader().loadWithDigests(from: content)
        let generator = SiteGenerator(
            content: loaded.content,
            contentRoot: content,
            theme: theme ?? Theme.builtIn()
        )
        let builder = SiteBuilder(
            generator: generator,
            writer: SiteWriter(output: output, content: content),
            sourceDigests: loaded.digests,
            incremental: incremental
        )
        return try await builder.build()
    }

}
