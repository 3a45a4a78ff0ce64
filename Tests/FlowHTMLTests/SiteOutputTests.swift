import FlowHTML
import FlowModel
import FlowParser
import FlowTestSupport
import Foundation
import Testing

@Suite struct SiteOutputTests {
    @Test func twoBuildsGiveIdenticalBytes() async throws {
        let first = try await SiteTestSupport.generate(Fixtures.shippedContent)
        let second = try await SiteTestSupport.generate(Fixtures.shippedContent)
        #expect(first.map(\.path) == second.map(\.path))
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let content = Fixtures.shippedContent
        try SiteWriter(output: folder.appendingPathComponent("a"), content: content).write(first)
        try SiteWriter(output: folder.appendingPathComponent("b"), content: content).write(second)
        let a = try Fixtures.tree(folder.appendingPathComponent("a"))
        let b = try Fixtures.tree(folder.appendingPathComponent("b"))
        #expect(a.keys.sorted() == b.keys.sorted())
        #expect(a == b, "Files differ: \(a.keys.filter { a[$0] != b[$0] }.sorted())")
    }

    @Test func failedBuildLeavesPreviousOutputUntouched() async throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("site")
        let content = folder.appendingPathComponent("content")
        try FileManager.default.createDirectory(at: content, withIntermediateDirectories: true)
        let writer = SiteWriter(output: output, content: content)
        try writer.write([SiteFile(path: "index.html", contents: .data(Data("old".utf8)))])
        let before = try Fixtures.tree(output)
        let broken = [
            SiteFile(path: "a.html", contents: .data(Data("new".utf8))),
            SiteFile(path: "b.png", contents: .copy(folder.appendingPathComponent("does-not-exist.png"))),
            SiteFile(path: "index.html", contents: .data(Data("new".utf8))),
        ]
        #expect(throws: (any Error).self) { try writer.write(broken) }
        #expect(try Fixtures.tree(output) == before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(leftovers == ["content", "site"], "Temporary folders left behind: \(leftovers)")
    }

    @Test func refusesDangerousOutputFolders() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let content = folder.appendingPathComponent("docs/content")
        try FileManager.default.createDirectory(at: content, withIntermediateDirectories: true)
        let foreign = folder.appendingPathComponent("photos")
        try FileManager.default.createDirectory(at: foreign, withIntermediateDirectories: true)
        try Data("keep".utf8).write(to: foreign.appendingPathComponent("cat.jpg"))
        let refused = [
            URL(fileURLWithPath: "/"), FileManager.default.homeDirectoryForCurrentUser, content,
            folder.appendingPathComponent("docs"), folder.appendingPathComponent("docs/content/.."), foreign,
        ]
        for output in refused {
            #expect(throws: SiteWriterError.self, "\(output.path) was accepted") {
                try SiteWriter(output: output, content: content).write([])
            }
        }
        #expect(try Fixtures.tree(foreign).count == 1)
        try SiteWriter(output: folder.appendingPathComponent("site"), content: content).validate()
    }

    @Test func refusesGeneratedPathsThatLeaveTheOutput() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let writer = SiteWriter(
            output: folder.appendingPathComponent("site"),
            content: folder.appendingPathComponent("c")
        )
        #expect(throws: SiteWriterError.self) {
            try writer.write([SiteFile(path: "../escape.html", contents: .data(Data()))])
        }
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("escape.html").path))
    }

    @Test func committedSiteEqualsFreshBuildOfContent() async throws {
        let files = try await SiteTestSupport.generate(Fixtures.shippedContent)
        var fresh: [String: Data] = [SiteWriter.markerFileName: Data()]
        for file in files { fresh[file.path] = try SiteTestSupport.bytes(file) }
        let committed = try Fixtures.tree(Fixtures.packageRoot.appendingPathComponent("site"))
        #expect(committed.keys.sorted() == fresh.keys.sorted(), "Run `swift run flowdoc build content --output site`")
        let stale = fresh.keys.filter { committed[$0] != nil && committed[$0] != fresh[$0] }.sorted()
        #expect(stale.isEmpty, "Stale files in site/: \(stale)")
    }

    /// The check refuses flow IDs that would collide with the pages the generator writes itself,
    /// so that list must name every such page.
    @Test func generatedPagesAreExactlyTheReservedFlowIDs() async throws {
        let files = try await SiteTestSupport.generate(Fixtures.shippedContent)
        let content = try await ContentLoader().loadWithDigests(from: Fixtures.shippedContent).content
        let flowPages = Set(content.flows.map { SitePaths.page(forFlowID: $0.id) })
        let generated = files.map(\.path).filter { $0.hasSuffix(".html") && !flowPages.contains($0) }
        #expect(Set(generated.map { String($0.dropLast(5)) }) == ContentSet.generatedPageIDs)
    }
}
