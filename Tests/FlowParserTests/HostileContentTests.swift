import FlowCore
import FlowModel
import FlowParser
import FlowTestSupport
import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Hostile content folders: links that loop or leave, files that can't be read, odd names.
@Suite struct HostileContentTests {
    @Test func loadsBothPagesWithTheSameID() async throws {
        let content = try await Hostile.load([
            "a.md": Array("---\nid: same\n---\n# A\n".utf8),
            "b/c.md": Array("---\nid: same\n---\n# C\n".utf8),
        ])
        // The loader keeps both; the DuplicateFlowID check reports them.
        #expect(content.flows.map(\.source) == ["a.md", "b/c.md"])
        #expect(content.flows.map(\.id) == ["same", "same"])
        #expect(content.diagnostics.isEmpty)
    }

    @Test func walksFolderLinkToItsParentOnce() async throws {
        let root = try Hostile.contentFolder([
            "index.md": Array("# Home\n".utf8), "sub/page.md": Array("# Page\n".utf8),
        ])
        try FileManager.default.createSymbolicLink(
            atPath: root.appendingPathComponent("sub/up").path,
            withDestinationPath: ".."
        )
        try FileManager.default.createSymbolicLink(
            atPath: root.appendingPathComponent("self").path,
            withDestinationPath: "."
        )
        let content = try await ContentLoader().load(from: root)
        #expect(content.flows.map(\.source) == ["index.md", "sub/page.md"])
        #expect(content.diagnostics.isEmpty)
    }

    @Test func reportsLinksThatLoopOrPointNowhere() async throws {
        let root = try Hostile.contentFolder(["index.md": Array("# Home\n".utf8)])
        let manager = FileManager.default
        try manager.createSymbolicLink(atPath: root.appendingPathComponent("a.md").path, withDestinationPath: "b.md")
        try manager.createSymbolicLink(atPath: root.appendingPathComponent("b.md").path, withDestinationPath: "a.md")
        try manager.createSymbolicLink(atPath: root.appendingPathComponent("me.md").path, withDestinationPath: "me.md")
        try manager.createSymbolicLink(
            atPath: root.appendingPathComponent("gone.md").path,
            withDestinationPath: "nothing.md"
        )
        let content = try await ContentLoader().load(from: root)
        #expect(content.flows.map(\.source) == ["index.md"])
        #expect(content.diagnostics.map(\.file) == ["a.md", "b.md", "gone.md", "me.md"])
        #expect(content.diagnostics.allSatisfy { $0.id == "BrokenSymbolicLink" || $0.id == "UnreadableFile" })
    }

    @Test func ignoresLinksLeavingTheContentFolder() async throws {
        let outside = try Hostile.contentFolder(["secret.md": Array("# Secret\n".utf8), "secret.png": [0x89, 0x50]])
        let root = try Hostile.contentFolder(["index.md": Array("# Home\n".utf8)])
        let manager = FileManager.default
        try manager.createSymbolicLink(
            atPath: root.appendingPathComponent("secret.md").path,
            withDestinationPath: outside.appendingPathComponent("secret.md").path
        )
        try manager.createSymbolicLink(
            atPath: root.appendingPathComponent("relative.md").path,
            withDestinationPath: "../\(outside.lastPathComponent)/secret.md"
        )
        try manager.createSymbolicLink(
            atPath: root.appendingPathComponent("folder").path,
            withDestinationPath: outside.path
        )
        try manager.createSymbolicLink(
            atPath: root.appendingPathComponent("shot.png").path,
            withDestinationPath: outside.appendingPathComponent("secret.png").path
        )
        let content = try await ContentLoader().load(from: root)
        #expect(content.flows.map(\.source) == ["index.md"])
        #expect(content.assets.isEmpty)
        #expect(content.diagnostics.map(\.id) == Array(repeating: "LinkOutsideContent", count: 4))
        #expect(content.diagnostics.map(\.file) == ["folder", "relative.md", "secret.md", "shot.png"])
    }

    @Test func reportsPageThatCannotBeReadWithoutHanging() async throws {
        let root = try Hostile.contentFolder(["index.md": Array("# Home\n".utf8)])
        // A FIFO with no writer: opening it would block for ever. Root reads chmod 000 files, so
        // this also gives a really unreadable page when the tests run as root.
        #expect(mkfifo(root.appendingPathComponent("pipe.md").path, 0o644) == 0)
        var unreadable = ["pipe.md"]
        if getuid() != 0 {
            let locked = root.appendingPathComponent("locked.md")
            try Data("# Locked\n".utf8).write(to: locked)
            try FileManager.default.setAttributes([.posixPermissions: 0], ofItemAtPath: locked.path)
            unreadable.insert("locked.md", at: 0)
        }
        let content = try await ContentLoader().load(from: root)
        #expect(content.flows.map(\.source) == ["index.md"])
        #expect(content.diagnostics.map(\.id) == Array(repeating: "UnreadableFile", count: unreadable.count))
        #expect(content.diagnostics.map(\.file) == unreadable)
        #expect(content.diagnostics.allSatisfy { $0.severity == .error })
    }

    @Test func treatsFolderNamedLikeAPageAsAFolder() async throws {
        let content = try await Hostile.load(["x.md/inner.md": Array("# Inner\n".utf8)])
        #expect(content.flows.map(\.source) == ["x.md/inner.md"])
        #expect(content.diagnostics.isEmpty)
    }

    @Test func readsFileNamesWithSpacesUnicodeAndShellCharacters() async throws {
        let path = "a b/ç'$(x)`rm -rf`;|&.md"
        let content = try await Hostile.load([path: Array("# Odd name\n\n1. Click **Save**.\n".utf8)])
        let flow = try #require(content.flows.first)
        #expect(flow.source == path)
        #expect(flow.id == "a b/ç'$(x)`rm -rf`;|&")
        #expect(flow.steps.first?.targets.first?.range?.file == path)
        #expect(content.diagnostics.isEmpty)
    }

    @Test func reportsUnicodeFileNameInDiagnostics() async throws {
        let content = try await Hostile.load(["ünï cødé/ça va.md": Array("---\n- list\n---\n# T\n".utf8)])
        #expect(content.diagnostics.map(\.id) == ["FrontMatterNotMapping"])
        #expect(content.diagnostics.first?.range?.file == "ünï cødé/ça va.md")
    }
}
