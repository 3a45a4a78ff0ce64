import FlowTestSupport
import Foundation
import Testing

@testable import FlowCommands
@testable import FlowHTML

/// A rebuild starts from a spare copy of the previous site and keeps the site it replaces as the next one's spare.
///
/// The two folders take turns. Every rebuild must still give exactly a clean build's files and folders.
@Suite struct SiteSpareTests {
    static let page = "connections/test-sync.md"

    /// The folders below `root`, relative to it.
    static func folders(_ root: URL) -> Set<String> {
        var folders: Set<String> = []
        let enumerator = FileManager.default.enumerator(atPath: root.path)
        while let path = enumerator?.nextObject() as? String {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path, isDirectory: &isFolder),
                isFolder.boolValue
            {
                folders.insert(path)
            }
        }
        return folders
    }

    /// Rebuilds `site` from `content`, compares it with a clean build, and returns the site folder's inode.
    static func rebuild(_ content: URL, _ site: URL, step: String, in folder: URL) async throws -> UInt64 {
        let rebuilt = try await IncrementalBuildActionTests.build(content, into: site)
        #expect(rebuilt.didWrite, "\(step)")
        let clean = folder.appendingPathComponent("clean-\(step)")
        _ = try await IncrementalBuildActionTests.build(content, into: clean, incremental: false)
        let files = try Fixtures.tree(site)
        let expected = try Fixtures.tree(clean)
        #expect(files == expected, "\(step): \(Set(files.keys).symmetricDifference(expected.keys).sorted())")
        #expect(Self.folders(site) == Self.folders(clean), "\(step)")
        try FileManager.default.removeItem(at: clean)
        return try Fixtures.inode(of: site)
    }

    @Test func rebuildsTakeTurnsWithTheSpareAndGiveTheCleanBuild() async throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (content, site) = try await IncrementalBuildActionTests.buildShippedContent(in: folder)
        let spare = folder.appendingPathComponent(".site.flowdoc-cache/spare")
        let first = try Fixtures.inode(of: site)
        try Fixtures.append("\nOne more sentence.\n", to: content.appendingPathComponent(Self.page))
        let second = try await Self.rebuild(content, site, step: "edit", in: folder)
        #expect(FileManager.default.fileExists(atPath: spare.path), "The replaced site is kept as the spare")
        // A new folder with a page and an image, then the same page edited, then the folder removed.
        let extra = content.appendingPathComponent("extra")
        try FileManager.default.createDirectory(at: extra, withIntermediateDirectories: true)
        let text = "---\nproduct: Exalate\n---\n\n# Extra\n\n1. Click **Next**.\n\n   ![Next](picture.svg)\n"
        try Data(text.utf8).write(to: extra.appendingPathComponent("extra.md"))
        try Data("<svg xmlns=\"http://www.w3.org/2000/svg\"/>".utf8).write(
            to: extra.appendingPathComponent("picture.svg")
        )
        let third = try await Self.rebuild(content, site, step: "folder added", in: folder)
        try Fixtures.replace("Click **Next**", with: "Click **Done**", in: extra.appendingPathComponent("extra.md"))
        let fourth = try await Self.rebuild(content, site, step: "new page edited", in: folder)
        try FileManager.default.removeItem(at: extra)
        let fifth = try await Self.rebuild(content, site, step: "folder removed", in: folder)
        try Fixtures.replace(
            "# Test a sync",
            with: "# Test a synchronisation",
            in: content.appendingPathComponent(Self.page)
        )
        let sixth = try await Self.rebuild(content, site, step: "title edited", in: folder)
        // The site folder and the spare take turns.
        #expect([third, fourth, fifth, sixth] == [first, second, first, second])
    }

    /// A rebuild that writes `flows.json` ahead overwrites the replaced site's own file, kept in
    /// the cache folder, rather than writing a new one; the site is still a clean build's.
    @Test func rebuildsOverwriteTheKeptFlowsFile() async throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (content, site) = try await IncrementalBuildActionTests.buildShippedContent(in: folder)
        let kept = folder.appendingPathComponent(".site.flowdoc-cache/scratch-flows.json")
        let page = content.appendingPathComponent(Self.page)
        // Edits that make the page's part longer, shorter, then as long as the one before.
        for (step, sentence) in ["\nOne more sentence.\n", "\nTwo.\n", "\nOne.\n"].enumerated() {
            let before = try? Fixtures.inode(of: kept)
            try Fixtures.append(sentence, to: page)
            _ = try await Self.rebuild(content, site, step: "edit \(step)", in: folder)
            if step > 0 {
                let taken = try #require(before, "kept by the rebuild before")
                #expect(try Fixtures.inode(of: site.appendingPathComponent("flows.json")) == taken, "edit \(step)")
            }
            // The file the rebuild replaced is kept, with one name.
            #expect(try Fixtures.inode(of: kept) != Fixtures.inode(of: site.appendingPathComponent("flows.json")))
        }
    }

    @Test func aSpareOfAnotherSiteIsNotTaken() async throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (content, site) = try await IncrementalBuildActionTests.buildShippedContent(in: folder)
        try Fixtures.append("\nOne more sentence.\n", to: content.appendingPathComponent(Self.page))
        let second = try await Self.rebuild(content, site, step: "edit", in: folder)
        // A spare whose stamp names another site, with a file planted in it, is not used.
        let cache = folder.appendingPathComponent(".site.flowdoc-cache")
        try Data("another site".utf8).write(to: cache.appendingPathComponent("spare-of"))
        try Data("planted".utf8).write(to: cache.appendingPathComponent("spare/planted.html"))
        try Fixtures.append("\nAnd another.\n", to: content.appendingPathComponent(Self.page))
        let third = try await Self.rebuild(content, site, step: "stamp of another site", in: folder)
        #expect(third != second)
        #expect(!FileManager.default.fileExists(atPath: site.appendingPathComponent("planted.html").path))
        // --no-incremental removes the spare.
        _ = try await IncrementalBuildActionTests.build(content, into: site, incremental: false)
        #expect(!FileManager.default.fileExists(atPath: cache.appendingPathComponent("spare").path))
    }
}

/// A recycled staging folder shares its files with the live site: writing one must leave the
/// live site's copy as it was.
@Suite struct RecycledStagingTests {
    @Test func writingAFileLeavesTheLiveSitesCopy() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let site = folder.appendingPathComponent("site")
        let staging = folder.appendingPathComponent("staging")
        for root in [site, staging] {
            try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        }
        try Data("old".utf8).write(to: site.appendingPathComponent("a.html"))
        try FileManager.default.linkItem(
            at: site.appendingPathComponent("a.html"),
            to: staging.appendingPathComponent("a.html")
        )
        let recycled = SiteStaging(root: staging, previousSite: site, isRecycled: true)
        try recycled.write(SiteFile(path: "a.html", contents: .text("new")))
        #expect(try String(contentsOf: site.appendingPathComponent("a.html"), encoding: .utf8) == "old")
        #expect(try String(contentsOf: staging.appendingPathComponent("a.html"), encoding: .utf8) == "new")
        #expect(recycled.written?.all == ["a.html"])
        // The previous site's file at the same path is already there: nothing to do, nothing written.
        #expect(recycled.reuse(site.appendingPathComponent("b.html").path, at: "b.html"))
        #expect(recycled.written?.all == ["a.html"])
    }
}
