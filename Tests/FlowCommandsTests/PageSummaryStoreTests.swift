import FlowModel
import FlowParser
import FlowTestSupport
import Foundation
import Testing

@testable import FlowCommands

/// The store appends what changed since it was read, and reads back as if written whole.
@Suite struct PageSummaryStoreTests {
    /// A store of the shipped content, written by a build into a temporary folder.
    static func builtStore(in folder: URL) async throws -> (url: URL, store: PageSummaryStore) {
        _ = try await IncrementalBuildActionTests.buildShippedContent(in: folder)
        let url = folder.appendingPathComponent(".site.flowdoc-cache/pages")
        let store = PageSummaryStore.load(from: url, key: PageSummaryStore.key(configuration: Data()))
        try #require(store.entries.count > 20)
        return (url, store)
    }

    /// What identifies each entry: digest, title, stamp and whether it is trusted.
    static func fingerprint(_ store: PageSummaryStore) -> [String: String] {
        store.entries.mapValues {
            "\($0.digest) \($0.summary.title) \(String(describing: $0.stamp)) \($0.stampTrusted)"
        }
    }

    @Test func aFewChangesAreAppendedAndReadBack() async throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (url, previous) = try await Self.builtStore(in: folder)
        let size = try Data(contentsOf: url).count
        let inode = try Fixtures.inode(of: url)
        var changed = previous
        let paths = previous.entries.keys.sorted()
        changed.entries[paths[0]]?.digest &+= 1
        changed.entries[paths[1]]?.summary.title = "Changed title"
        changed.entries[paths[2]] = nil
        changed.entries["new/page.md"] = previous.entries[paths[3]]
        try changed.save(to: url, previous: previous) { _ in .empty }
        #expect(try Fixtures.inode(of: url) == inode, "Appended to, not written anew")
        let grown = try Data(contentsOf: url).count
        #expect(grown > size && grown < size + size / 4, "Only the changes are appended")
        let read = PageSummaryStore.load(from: url, key: previous.key)
        // The title alone changed nothing the store compares: that entry is not written again.
        var expected = Self.fingerprint(changed)
        expected[paths[1]] = Self.fingerprint(previous)[paths[1]]
        #expect(Self.fingerprint(read) == expected)
        #expect(read.recordCount == previous.recordCount + 3)
    }

    @Test func nothingChangedWritesNothing() async throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (url, previous) = try await Self.builtStore(in: folder)
        let before = try Data(contentsOf: url)
        try FileManager.default.setAttributes(
            [.modificationDate: Date(timeIntervalSince1970: 0)],
            ofItemAtPath: url.path
        )
        try previous.save(to: url, previous: previous) { _ in .empty }
        let modified = try FileManager.default.attributesOfItem(atPath: url.path)[.modificationDate] as? Date
        #expect(modified == Date(timeIntervalSince1970: 0))
        #expect(try Data(contentsOf: url) == before)
    }

    @Test func manyChangesWriteTheStoreAgain() async throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (url, previous) = try await Self.builtStore(in: folder)
        let inode = try Fixtures.inode(of: url)
        var changed = previous
        for path in previous.entries.keys.sorted().prefix(previous.entries.count / 2) {
            changed.entries[path]?.digest &+= 1
        }
        try changed.save(to: url, previous: previous) { _ in .empty }
        #expect(try Fixtures.inode(of: url) != inode, "Written anew through a temporary file")
        let read = PageSummaryStore.load(from: url, key: previous.key)
        #expect(Self.fingerprint(read) == Self.fingerprint(changed))
        #expect(read.recordCount == changed.entries.count)
    }

    @Test func aChunkCutShortReadsAsAnEmptyStore() async throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (url, previous) = try await Self.builtStore(in: folder)
        let size = try Data(contentsOf: url).count
        var changed = previous
        changed.entries[previous.entries.keys.sorted()[0]]?.digest &+= 1
        try changed.save(to: url, previous: previous) { _ in .empty }
        let handle = try FileHandle(forWritingTo: url)
        try handle.truncate(atOffset: UInt64(size + 3))
        try handle.close()
        #expect(PageSummaryStore.load(from: url, key: previous.key).entries.isEmpty)
    }

    /// After a page is removed, one edited and one written again with the same bytes, a rebuild's
    /// store holds what a clean build's holds: the same pages, digests, titles and stamps.
    @Test func aRebuildKeepsTheStoreOfTheSite() async throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (content, site) = try await IncrementalBuildActionTests.buildShippedContent(in: folder)
        try FileManager.default.removeItem(at: content.appendingPathComponent("connections/create-trigger.md"))
        try Fixtures.append("\nOne more sentence.\n", to: content.appendingPathComponent("connections/test-sync.md"))
        let rewritten = content.appendingPathComponent("index.md")
        let bytes = try Data(contentsOf: rewritten)
        try FileManager.default.removeItem(at: rewritten)
        try bytes.write(to: rewritten)
        _ = try await IncrementalBuildActionTests.build(content, into: site)
        _ = try await IncrementalBuildActionTests.build(content, into: folder.appendingPathComponent("clean"))
        let key = PageSummaryStore.key(configuration: Data())
        let kept = PageSummaryStore.load(from: folder.appendingPathComponent(".site.flowdoc-cache/pages"), key: key)
        let clean = PageSummaryStore.load(from: folder.appendingPathComponent(".clean.flowdoc-cache/pages"), key: key)
        #expect(kept.entries["connections/create-trigger.md"] == nil, "A removed page leaves the store")
        let identity = { (store: PageSummaryStore) in
            store.entries.mapValues { "\($0.digest) \($0.summary.title) \(String(describing: $0.stamp))" }
        }
        #expect(identity(kept) == identity(clean))
    }

    /// Pages written less than a second before a build are not trusted by their stamps; the
    /// next build, a second later, finds the same stamps and keeps them as trusted, though no
    /// page changed.
    @Test func stampsAreTrustedOnceASecondHasPassed() async throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (content, site) = try await IncrementalBuildActionTests.buildShippedContent(in: folder)
        let url = folder.appendingPathComponent(".site.flowdoc-cache/pages")
        let key = PageSummaryStore.key(configuration: Data())
        let first = PageSummaryStore.load(from: url, key: key)
        let untrusted = first.entries.values.filter { !$0.stampTrusted }.count
        #expect(untrusted > 0, "pages copied just before the build")
        try await Task.sleep(for: .milliseconds(1_100))
        _ = try await IncrementalBuildActionTests.build(content, into: site)
        let second = PageSummaryStore.load(from: url, key: key)
        #expect(second.entries.count == first.entries.count)
        #expect(second.entries.values.filter { !$0.stampTrusted }.isEmpty)
    }

    /// When the previous search index can't be copied from, the entries of the pages left
    /// unparsed are made from the terms the store kept, still encoded until then.
    @Test func searchTermsOfUnparsedPagesComeFromTheStore() async throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (content, site) = try await IncrementalBuildActionTests.buildShippedContent(in: folder)
        let store = PageSummaryStore.load(
            from: folder.appendingPathComponent(".site.flowdoc-cache/pages"),
            key: PageSummaryStore.key(configuration: Data())
        )
        let entry = try #require(store.entries["connections/create-trigger.md"])
        #expect(entry.summary.searchTerms == nil && entry.encodedTerms != nil, "Read without decoding the terms")
        #expect(store.searchTerms(of: "connections/create-trigger.md")?.targets.contains("Create trigger") == true)
        try Data("window.FLOWDOC_SEARCH = [];\n".utf8).write(to: site.appendingPathComponent("assets/search-index.js"))
        try Fixtures.append("\nOne more sentence.\n", to: content.appendingPathComponent("connections/test-sync.md"))
        let rebuilt = try await IncrementalBuildActionTests.build(content, into: site)
        #expect(rebuilt.parsedPages == 1)
        let clean = folder.appendingPathComponent("clean")
        _ = try await IncrementalBuildActionTests.build(content, into: clean, incremental: false)
        let index = "assets/search-index.js"
        #expect(
            try Data(contentsOf: site.appendingPathComponent(index))
                == Data(contentsOf: clean.appendingPathComponent(index))
        )
    }
}
