import FlowModel
import FlowTestSupport
import Foundation
import Testing

@testable import FlowParser

/// A loader with a ``ParseCache`` parses only the pages whose bytes changed since its last load,
/// and gives the content a load without a cache gives.
@Suite struct ParseCacheTests {
    @Test func reusesUnchangedPagesAndParsesEditedOnes() async throws {
        let folder = try copyOfSeedContent()
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        let cache = ParseCache()
        let loader = ContentLoader(cache: cache)
        let first = try await loader.load(from: folder)
        let pageCount = first.flows.count
        #expect(cache.lastLoad == (reused: 0, parsed: pageCount))

        let again = try await loader.load(from: folder)
        #expect(cache.lastLoad == (reused: pageCount, parsed: 0))
        #expect(again == first)

        let edited = folder.appendingPathComponent("accept-invitation.md")
        try (try String(contentsOf: edited, encoding: .utf8) + "\nOne more paragraph.\n")
            .write(to: edited, atomically: true, encoding: .utf8)
        let afterEdit = try await loader.load(from: folder)
        #expect(cache.lastLoad == (reused: pageCount - 1, parsed: 1))
        #expect(afterEdit == (try await ContentLoader().load(from: folder)))
    }

    @Test func otherOptionsParseEveryPageAgain() async throws {
        let cache = ParseCache()
        let folder = Fixtures.url("seed/content")
        let pageCount = try await ContentLoader(cache: cache).load(from: folder).flows.count
        let options = ParseOptions(extraActionVerbs: ["Frobnicate"])
        let loaded = try await ContentLoader(options: options, cache: cache).load(from: folder)
        #expect(cache.lastLoad == (reused: 0, parsed: pageCount))
        #expect(loaded == (try await ContentLoader(options: options).load(from: folder)))
    }

    @Test func forgetsDeletedPages() async throws {
        let folder = try copyOfSeedContent()
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        let cache = ParseCache()
        let loader = ContentLoader(cache: cache)
        let pageCount = try await loader.load(from: folder).flows.count
        let page = folder.appendingPathComponent("accept-invitation.md")
        let text = try Data(contentsOf: page)
        try FileManager.default.removeItem(at: page)
        #expect(try await loader.load(from: folder).flows.count == pageCount - 1)
        try text.write(to: page)
        _ = try await loader.load(from: folder)
        #expect(cache.lastLoad == (reused: pageCount - 1, parsed: 1))
    }

    private func copyOfSeedContent() throws -> URL {
        let folder = try Fixtures.temporaryFolder().appendingPathComponent("content")
        try FileManager.default.copyItem(at: Fixtures.url("seed/content"), to: folder)
        return folder
    }
}
