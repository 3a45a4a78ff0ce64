import FlowTestSupport
import Foundation
import Testing

@testable import FlowCommands

/// While no page's site facts change, a rebuild takes the files drawn from the whole site (home
/// page, flow map, sitemap) from the previous build; once one does, it makes them again.
@Suite struct SiteWideFilesReuseTests {
    static let files = ["index.html", "graph.html", "sitemap.xml"]

    /// The inode of each of ``files``: a file taken from the previous build keeps its inode.
    static func inodes(in site: URL) throws -> [String: UInt64] {
        var inodes: [String: UInt64] = [:]
        for path in files { inodes[path] = try Fixtures.inode(of: site.appendingPathComponent(path)) }
        return inodes
    }

    /// Builds the shipped content, edits the page `connections/test-sync.md` and builds again;
    /// returns which of ``files`` were taken from the first build.
    static func reused(after edit: (URL) throws -> Void) async throws -> Set<String> {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (content, site) = try await IncrementalBuildActionTests.buildShippedContent(in: folder)
        let before = try inodes(in: site)
        try edit(content.appendingPathComponent("connections/test-sync.md"))
        _ = try await IncrementalBuildActionTests.build(content, into: site)
        let after = try inodes(in: site)
        let clean = folder.appendingPathComponent("clean")
        _ = try await IncrementalBuildActionTests.build(content, into: clean, incremental: false)
        #expect(try Fixtures.tree(site) == Fixtures.tree(clean))
        return Set(files.filter { before[$0] == after[$0] })
    }

    @Test func anEditOfAStepKeepsThem() async throws {
        let reused = try await Self.reused { page in
            try Fixtures.replace("Click **Resolve**", with: "Click **Resolve now**", in: page)
        }
        #expect(reused == Set(Self.files))
    }

    /// A rebuild in which no page changed takes the joined files too (`flows.json`, the search
    /// index) as they were, and still gives the clean build's site.
    @Test func aRebuildWithNoPageChangedKeepsTheJoinedFiles() async throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (content, site) = try await IncrementalBuildActionTests.buildShippedContent(in: folder)
        let joined = ["flows.json", "assets/search-index.js"]
        let before = try joined.map { try Fixtures.inode(of: site.appendingPathComponent($0)) }
        _ = try await IncrementalBuildActionTests.build(content, into: site)
        #expect(try joined.map { try Fixtures.inode(of: site.appendingPathComponent($0)) } == before)
        let clean = folder.appendingPathComponent("clean")
        _ = try await IncrementalBuildActionTests.build(content, into: clean, incremental: false)
        #expect(try Fixtures.tree(site) == Fixtures.tree(clean))
    }

    @Test func anEditOfATitleMakesThemAgain() async throws {
        let reused = try await Self.reused { page in
            try Fixtures.replace("# Test a sync", with: "# Test a synchronisation", in: page)
        }
        #expect(reused.isEmpty)
    }
}
