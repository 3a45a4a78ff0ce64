import FlowTestSupport
import Foundation
import Testing

@testable import FlowHTML

/// A replaced site's own `flows.json` is kept for a later rebuild, which takes it only for the
/// same key and answers and only while it is as it was kept, with no other name.
@Suite struct FlowsJSONScratchTests {
    /// An output folder with its cache folder, and a replaced site whose `flows.json` has one name.
    struct Setup {
        var folder: URL
        var scratch: FlowsJSONScratch
        var replaced: URL
        var layout: PartLayout
        var staging: SiteStaging

        init() throws {
            folder = try Fixtures.temporaryFolder()
            let output = folder.appendingPathComponent("site")
            scratch = FlowsJSONScratch(output: output)
            replaced = folder.appendingPathComponent("replaced")
            let staging = folder.appendingPathComponent("staging")
            for made in [BuildCache.folder(for: output), replaced, staging] {
                try FileManager.default.createDirectory(at: made, withIntermediateDirectories: true)
            }
            self.staging = SiteStaging(root: staging, recordsWrites: true)
            try Data("[{\"a\":1}]".utf8).write(to: replaced.appendingPathComponent("flows.json"))
            layout = PartLayout(prefixLength: 1, parts: [.init(source: "a.md", digest: 7, length: 7)])
            _ = layout.stamp(fileAt: replaced.appendingPathComponent("flows.json").path)
        }

        var kept: URL { BuildCache.folder(for: scratch.output).appendingPathComponent("scratch-flows.json") }
        var taken: URL { staging.root.appendingPathComponent("flows.json") }
    }

    @Test func aKeptFileIsTakenForTheSameKeyAndAnswers() throws {
        let setup = try Setup()
        defer { try? FileManager.default.removeItem(at: setup.folder) }
        let inode = try Fixtures.inode(of: setup.replaced.appendingPathComponent("flows.json"))
        setup.scratch.keep(from: setup.replaced.path, layout: setup.layout, key: 1, answers: 2)
        #expect(!FileManager.default.fileExists(atPath: setup.replaced.appendingPathComponent("flows.json").path))
        #expect(setup.scratch.take(into: setup.staging, key: 1, answers: 2) == setup.layout)
        // Moved, not copied; the staging folder records it as written.
        #expect(try Fixtures.inode(of: setup.taken) == inode)
        #expect(setup.staging.written?.all == ["flows.json"])
        // Taken once.
        #expect(setup.scratch.take(into: setup.staging, key: 1, answers: 2) == nil)
    }

    /// What can make a kept file unfit: it is removed, never taken.
    enum Unfit: String, CaseIterable, Sendable {
        case anotherKey, otherAnswers, changedSince, linkedSince
    }

    @Test(arguments: Unfit.allCases)
    func anUnfitFileIsNotTaken(_ unfit: Unfit) throws {
        let setup = try Setup()
        defer { try? FileManager.default.removeItem(at: setup.folder) }
        setup.scratch.keep(from: setup.replaced.path, layout: setup.layout, key: 1, answers: 2)
        var key: UInt64 = 1
        var answers: UInt64 = 2
        switch unfit {
        case .anotherKey: key = 3
        case .otherAnswers: answers = 3
        case .changedSince: try Fixtures.append(" ", to: setup.kept)
        case .linkedSince:
            try FileManager.default.linkItem(at: setup.kept, to: setup.folder.appendingPathComponent("elsewhere.json"))
        }
        #expect(setup.scratch.take(into: setup.staging, key: key, answers: answers) == nil)
        #expect(!FileManager.default.fileExists(atPath: setup.taken.path))
        #expect(!FileManager.default.fileExists(atPath: setup.kept.path))
    }

    /// Only a plain file with no other name is opened to be written in place: never a link to
    /// another site's file, nor a symbolic link to a file elsewhere.
    @Test func onlyAFileOfOneNameIsOpenedInPlace() throws {
        let setup = try Setup()
        defer { try? FileManager.default.removeItem(at: setup.folder) }
        let elsewhere = setup.folder.appendingPathComponent("elsewhere.json")
        try Data("{}".utf8).write(to: elsewhere)
        let target = setup.staging.root.appendingPathComponent("flows.json")
        try FileManager.default.createSymbolicLink(at: target, withDestinationURL: elsewhere)
        #expect(setup.staging.openInPlace("flows.json") == nil)
        try FileManager.default.removeItem(at: target)
        try FileManager.default.linkItem(at: elsewhere, to: target)
        #expect(setup.staging.openInPlace("flows.json") == nil)
        try FileManager.default.removeItem(at: elsewhere)
        let file = try #require(setup.staging.openInPlace("flows.json"))
        file.close()
        #expect(setup.staging.openInPlace("none.json") == nil)
    }

    /// A replaced site's file that is also the new site's (linked by a rebuild that changed no
    /// page), or not the one the layout describes, is not kept: the file kept before stays.
    @Test func aFileWithAnotherNameOrAnotherStampIsNotKept() throws {
        let setup = try Setup()
        defer { try? FileManager.default.removeItem(at: setup.folder) }
        let second = setup.folder.appendingPathComponent("second")
        try FileManager.default.createDirectory(at: second, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: setup.replaced.appendingPathComponent("flows.json"),
            to: second.appendingPathComponent("flows.json")
        )
        setup.scratch.keep(from: setup.replaced.path, layout: setup.layout, key: 1, answers: 2)
        let kept = try Fixtures.inode(of: setup.kept)
        try FileManager.default.linkItem(
            at: second.appendingPathComponent("flows.json"),
            to: setup.folder.appendingPathComponent("live.json")
        )
        var layout = setup.layout
        _ = layout.stamp(fileAt: second.appendingPathComponent("flows.json").path)
        setup.scratch.keep(from: second.path, layout: layout, key: 1, answers: 5)
        #expect(try Fixtures.inode(of: setup.kept) == kept)
        try FileManager.default.removeItem(at: setup.folder.appendingPathComponent("live.json"))
        layout.fileSize += 1
        setup.scratch.keep(from: second.path, layout: layout, key: 1, answers: 5)
        #expect(try Fixtures.inode(of: setup.kept) == kept)
        #expect(setup.scratch.take(into: setup.staging, key: 1, answers: 2) == setup.layout)
    }
}
