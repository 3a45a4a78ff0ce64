import FlowCheck
import FlowCore
import FlowHTML
import FlowTestSupport
import Foundation
import Testing

@testable import FlowCommands

/// A build keeps the page rules' diagnostics of each page; after any change its diagnostics must
/// be exactly those of a clean `flowdoc check` of the changed content.
@Suite struct IncrementalCheckTests {
    /// A change to a copy of the seed's pages (which break several rules).
    struct Change: Sendable, CustomTestStringConvertible {
        var name: String
        var apply: @Sendable (URL) throws -> Void
        var testDescription: String { name }
    }

    static let today = CalendarDate(year: 2026, month: 4, day: 1)
    static let seed = "initiate-connection-script-mode-salesforce.md"

    static let changes: [Change] = [
        Change(name: "nothing changed") { _ in },
        Change(name: "a step number gap added to a page") { root in
            try Fixtures.replace("\n2. ", with: "\n3. ", in: root.appendingPathComponent("accept-invitation.md"))
        },
        Change(name: "a page deleted, breaking the links of another") { root in
            try FileManager.default.removeItem(at: root.appendingPathComponent("accept-invitation.md"))
        },
        Change(name: "a page renamed") { root in
            try FileManager.default.moveItem(
                at: root.appendingPathComponent("accept-invitation.md"),
                to: root.appendingPathComponent("accept.md")
            )
        },
        Change(name: "a page added with problems of its own") { root in
            try Data("# New\n\n1. Click **A**.\n".utf8).write(to: root.appendingPathComponent("new.md"))
        },
        Change(name: "the configuration changed") { root in
            try Data("max_steps: 3\nrequired_facets: [audience]\n".utf8)
                .write(to: root.deletingLastPathComponent().appendingPathComponent("flowdoc.yml"))
        },
    ]

    @Test(arguments: changes)
    func rebuildReportsWhatACleanCheckReports(after change: Change) async throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let content = folder.appendingPathComponent("content")
        try FileManager.default.copyItem(at: Fixtures.url("seed/content"), to: content)
        let site = folder.appendingPathComponent("site")
        let first = try await Self.build(content, into: site)
        #expect(first.diagnostics.contains { $0.id == "FieldMismatch" }, "The seed's warnings are cached")
        let cache = folder.appendingPathComponent(".site.flowdoc-cache/page-checks")
        #expect(FileManager.default.fileExists(atPath: cache.path))
        try change.apply(content)
        let rebuilt = try await Self.build(content, into: site)
        let clean = try await CheckAction(contentURL: content, today: Self.today).run()
        #expect(rebuilt.diagnostics == clean.diagnostics)
        #expect(!clean.diagnostics.isEmpty)
    }

    @Test func unchangedPagesAreNotCheckedAgain() async throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let content = folder.appendingPathComponent("content")
        try FileManager.default.copyItem(at: Fixtures.url("seed/content"), to: content)
        let site = folder.appendingPathComponent("site")
        _ = try await Self.build(content, into: site)
        // Plant a diagnostic in the kept entry of an unchanged page: a rebuild reports it.
        let url = folder.appendingPathComponent(".site.flowdoc-cache/page-checks")
        var cache = try Self.keptChecks(at: url)
        let planted = Diagnostic(.warning, id: "Planted", range: nil, file: "index.md", summary: "kept")
        try #require(cache.entries["index.md"] != nil, "The seed's home page is kept")
        cache.entries["index.md"]?.diagnostics = [planted]
        try cache.save(to: url)
        let kept = try await Self.build(content, into: site)
        #expect(kept.diagnostics.map(\.id).contains("Planted"))
        let full = try await Self.build(content, into: site, incremental: false)
        #expect(!full.diagnostics.map(\.id).contains("Planted"), "--no-incremental checks every page")
    }

    /// The page-check cache a build saved at `url`, read under the key its file names.
    static func keptChecks(at url: URL) throws -> PageCheckCache {
        let header = try String(contentsOf: url, encoding: .isoLatin1).split(separator: "\n")[1]
        let key = try #require(UInt64(header.dropFirst("key ".count), radix: 16))
        return PageCheckCache.load(from: url, key: key)
    }

    static func build(_ content: URL, into site: URL, incremental: Bool = true) async throws -> BuildAction.Result {
        var action = BuildAction(contentURL: content, outputURL: site, options: .init(), today: today)
        action.incremental = incremental
        return try await action.perform()
    }

}
