import FlowCheck
import FlowCore
import FlowHTML
import FlowModel
import FlowTestSupport
import Foundation
import Testing

@testable import FlowCommands

/// A rebuild parses only the pages that changed and reads the others from its cache; the site it
/// writes must be the clean build's, byte for byte, after every kind of change.
@Suite struct IncrementalBuildActionTests {
    struct Change: Sendable, CustomTestStringConvertible {
        var name: String
        /// Applied to the content before the first build.
        var setUp: @Sendable (URL) throws -> Void = { _ in }
        var apply: @Sendable (URL) throws -> Void
        var testDescription: String { name }
    }

    static let page = "connections/test-sync.md"
    /// A page no other page links to, so that deleting or renaming it breaks no link.
    static let extra = "salesforce/extra-flow.md"
    static let addExtra: @Sendable (URL) throws -> Void = { root in
        let text = "---\nproduct: Exalate\nplatform: Salesforce\n---\n\n# An extra flow\n\n1. Click **Next**.\n"
        try Data(text.utf8).write(to: root.appendingPathComponent(extra))
    }

    static let changes: [Change] = [
        Change(name: "nothing changed") { _ in },
        Change(name: "page body edited") { root in
            try Fixtures.append("\nOne more sentence at the end.\n", to: root.appendingPathComponent(page))
        },
        Change(name: "title edited, shown by unchanged pages that link to it") { root in
            try Fixtures.replace(
                "# Test a sync",
                with: "# Test a synchronisation",
                in: root.appendingPathComponent(page)
            )
        },
        Change(name: "page made a draft") { root in
            try Fixtures.replace("mode: Any\n", with: "mode: Any\ndraft: true\n", in: root.appendingPathComponent(page))
        },
        Change(name: "page added") { root in
            let text = "---\nproduct: Exalate\nplatform: Salesforce\n---\n\n# A new flow\n\n1. Click **Next**.\n"
            try Data(text.utf8).write(to: root.appendingPathComponent("salesforce/new-flow.md"))
        },
        Change(name: "page deleted", setUp: addExtra) { root in
            try FileManager.default.removeItem(at: root.appendingPathComponent(extra))
        },
        Change(name: "page renamed", setUp: addExtra) { root in
            try FileManager.default.moveItem(
                at: root.appendingPathComponent(extra),
                to: root.appendingPathComponent("salesforce/renamed-flow.md")
            )
        },
        Change(name: "linked page renamed, breaking links") { root in
            try FileManager.default.moveItem(
                at: root.appendingPathComponent("connections/create-trigger.md"),
                to: root.appendingPathComponent("connections/add-trigger.md")
            )
        },
        Change(name: "configuration changed") { root in
            try Data("action_verbs: [frobnicate]\n".utf8)
                .write(to: root.deletingLastPathComponent().appendingPathComponent("flowdoc.yml"))
        },
    ]

    @Test(arguments: changes)
    func rebuildEqualsCleanBuild(after change: Change) async throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let content = folder.appendingPathComponent("content")
        try FileManager.default.copyItem(at: Fixtures.shippedContent, to: content)
        try change.setUp(content)
        let site = folder.appendingPathComponent("site")
        let first = try await Self.build(content, into: site)
        #expect(first.didWrite)
        try change.apply(content)
        let rebuilt = try await Self.build(content, into: site)
        let clean = try await Self.build(content, into: folder.appendingPathComponent("clean"), incremental: false)
        #expect(rebuilt.diagnostics == clean.diagnostics)
        #expect(rebuilt.pagePaths == clean.pagePaths)
        // A rename that breaks links: neither build writes, the previous site stays.
        #expect(rebuilt.didWrite == clean.didWrite)
        guard clean.didWrite else { return }
        let files = try Fixtures.tree(site)
        let expected = try Fixtures.tree(folder.appendingPathComponent("clean"))
        #expect(files.keys.sorted() == expected.keys.sorted())
        #expect(files == expected, "Files differ: \(expected.keys.filter { files[$0] != expected[$0] }.sorted())")
        let pageCount = try #require(first.report?.pageCount)
        if change.name == "configuration changed" {
            #expect(rebuilt.parsedPages >= pageCount, "A new configuration parses every page")
        } else {
            #expect(rebuilt.parsedPages <= 3, "Parsed \(rebuilt.parsedPages) of \(pageCount) pages")
        }
    }

    @Test func damagedStoreParsesEveryPage() async throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let content = folder.appendingPathComponent("content")
        try FileManager.default.copyItem(at: Fixtures.shippedContent, to: content)
        let site = folder.appendingPathComponent("site")
        let first = try await Self.build(content, into: site)
        let store = folder.appendingPathComponent(".site.flowdoc-cache/pages")
        var bytes = try Data(contentsOf: store)
        bytes.removeLast(bytes.count / 3)
        try bytes.write(to: store)
        let rebuilt = try await Self.build(content, into: site)
        #expect(rebuilt.parsedPages == first.parsedPages)
        _ = try await Self.build(content, into: folder.appendingPathComponent("clean"), incremental: false)
        #expect(try Fixtures.tree(site) == Fixtures.tree(folder.appendingPathComponent("clean")))
        let again = try await Self.build(content, into: site)
        #expect(again.parsedPages == 0)
    }

    /// A page whose file was not written since the last build is not even read: the build takes
    /// the digest and summary it kept (planted here with another title, which the site then shows).
    @Test func unwrittenPagesAreNotRead() async throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let content = try Self.contentWrittenAMinuteAgo(in: folder)
        let site = folder.appendingPathComponent("site")
        _ = try await Self.build(content, into: site)
        let url = folder.appendingPathComponent(".site.flowdoc-cache/pages")
        var store = PageSummaryStore.load(from: url, key: PageSummaryStore.key(configuration: Data()))
        try #require(store.entries[Self.page] != nil)
        store.entries[Self.page]?.summary.title = "Planted title"
        try store.save(to: url) { _ in .empty }
        // The page-check cache keeps the site facts of the same summary.
        let checksURL = folder.appendingPathComponent(".site.flowdoc-cache/page-checks")
        var checks = try IncrementalCheckTests.keptChecks(at: checksURL)
        checks.entries[Self.page]?.siteFacts = try #require(store.entries[Self.page]?.summary.siteFactsDigest)
        try checks.save(to: checksURL)
        let rebuilt = try await Self.build(content, into: site)
        #expect(rebuilt.parsedPages == 0)
        // The home page lists every page by title, and is rendered on every build.
        let home = try String(contentsOf: site.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(home.contains("Planted title"))
    }

    /// A page rewritten with the same size and its old modification time is read again: its
    /// change time differs.
    @Test func aPageRewrittenWithItsOldTimeIsReadAgain() async throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let content = try Self.contentWrittenAMinuteAgo(in: folder)
        let site = folder.appendingPathComponent("site")
        _ = try await Self.build(content, into: site)
        let url = content.appendingPathComponent(Self.page)
        let modified = try FileManager.default.attributesOfItem(atPath: url.path)[.modificationDate]
        try Fixtures.replace("# Test a sync", with: "# Test a snyc", in: url)
        try FileManager.default.setAttributes([.modificationDate: try #require(modified)], ofItemAtPath: url.path)
        let rebuilt = try await Self.build(content, into: site)
        #expect(rebuilt.parsedPages == 1)
        _ = try await Self.build(content, into: folder.appendingPathComponent("clean"), incremental: false)
        #expect(try Fixtures.tree(site) == Fixtures.tree(folder.appendingPathComponent("clean")))
    }

    /// A rebuild of many changed pages gives the clean build's site too.
    ///
    /// One that changed few writes flows.json ahead of the pages (`FlowsJSONAhead`, tested by the
    /// changes above); one that changed more than its 64 leaves it to the pages' tasks.
    @Test func aRebuildOfManyChangedPagesEqualsACleanBuild() async throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let content = folder.appendingPathComponent("content")
        try FileManager.default.createDirectory(at: content, withIntermediateDirectories: true)
        let page = { (number: Int) in content.appendingPathComponent(String(format: "page-%02d.md", number)) }
        try Data("# Home\n\nThe flows.\n".utf8).write(to: content.appendingPathComponent("index.md"))
        for number in 1...70 {
            let text = "# Page \(number)\n\n1. Click **Next**.\n\n   Some text.\n\n[Home](index.md)\n"
            try Data(text.utf8).write(to: page(number))
        }
        let site = folder.appendingPathComponent("site")
        _ = try await Self.build(content, into: site)
        for number in 1...66 { try Fixtures.replace("Some text.", with: "Other text.", in: page(number)) }
        let rebuilt = try await Self.build(content, into: site)
        #expect(rebuilt.parsedPages == 66)
        _ = try await Self.build(content, into: folder.appendingPathComponent("clean"), incremental: false)
        #expect(try Fixtures.tree(site) == Fixtures.tree(folder.appendingPathComponent("clean")))
    }

    /// A copy of the shipped content whose files were last modified a minute ago.
    static func contentWrittenAMinuteAgo(in folder: URL) throws -> URL {
        let content = folder.appendingPathComponent("content")
        try FileManager.default.copyItem(at: Fixtures.shippedContent, to: content)
        let past = Date().addingTimeInterval(-60)
        let enumerator = FileManager.default.enumerator(atPath: content.path)
        while let path = enumerator?.nextObject() as? String {
            guard path.hasSuffix(".md") else { continue }
            try FileManager.default.setAttributes(
                [.modificationDate: past],
                ofItemAtPath: content.appendingPathComponent(path).path
            )
        }
        return content
    }

    /// Copies the shipped content into `folder/content` and builds it into `folder/site`.
    static func buildShippedContent(in folder: URL) async throws -> (content: URL, site: URL) {
        let content = try Fixtures.copyOfShippedContent(into: folder)
        let site = folder.appendingPathComponent("site")
        _ = try await build(content, into: site)
        return (content, site)
    }

    static func build(_ content: URL, into site: URL, incremental: Bool = true) async throws -> BuildAction.Result {
        var action = BuildAction(contentURL: content, outputURL: site, options: .init())
        action.incremental = incremental
        action.today = CalendarDate(year: 2026, month: 4, day: 1)
        return try await action.perform()
    }

}
