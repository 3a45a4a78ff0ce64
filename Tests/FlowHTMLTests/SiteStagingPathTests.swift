import FlowTestSupport
import Foundation
import Testing

@testable import FlowHTML

/// Every file a build writes goes through `SiteStaging.checkRelative`: no path may leave the
/// staging folder, however its bytes are spelled.
@Suite struct SiteStagingPathTests {
    @Test(arguments: ["a.html", "a/b.html", "json/a/b.json", "a//b.html", "a/..b", "a/.b", "a/b./c", "...", "a/b/"])
    func acceptsPathsInsideTheFolder(path: String) {
        #expect(throws: Never.self) { try SiteStaging.checkRelative(path) }
    }

    @Test(arguments: [
        "", "/", "/etc/passwd", "..", ".", "../x", "a/../../x", "a/./b", "a/..", "./a", "//a", "../\u{301}x",
        "a/../\u{301}b/../../x",
    ])
    func refusesPathsThatLeaveOrNameNothing(path: String) {
        #expect(throws: SiteWriterError.self) { try SiteStaging.checkRelative(path) }
    }

    /// The folders files need are made inside the staging folder; a file whose folder would
    /// leave it makes none, and is not written.
    @Test(arguments: ["../x/a.html", "/etc/x.html", "/x.html", "a/../../b/c.html", "./a/b.html"])
    func foldersAreMadeOnlyInsideTheFolder(leaving: String) throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let root = folder.appendingPathComponent("staging")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        let staging = SiteStaging(root: root)
        try staging.makeFolders(for: ["a/b/c.html", "a/b/d.html", "json/a/b/c.json", "top.html"])
        for made in ["a/b", "json/a/b"] {
            var isFolder: ObjCBool = false
            let path = root.appendingPathComponent(made).path
            #expect(FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) && isFolder.boolValue)
        }
        #expect(throws: SiteWriterError.self) { try staging.makeFolders(for: ["ok/a.html", leaving]) }
        #expect(throws: SiteWriterError.self) { try staging.write([UInt8(ascii: "x")], to: leaving) }
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("x").path))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("b").path))
    }
}
