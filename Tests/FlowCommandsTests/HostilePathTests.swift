import FlowCore
import FlowHTML
import FlowTestSupport
import Foundation
import Testing

@testable import FlowCommands

/// Links, images and symbolic links that lead out of the content folder: reported, and never
/// copied into the site, even when the rules are turned down to warnings.
@Suite struct HostilePathTests {
    static let marker = "SECRET-MARKER-7f3a"

    /// `root/secret/` with a page and an image holding ``marker``, and `root/content/` whose
    /// pages and symbolic links point at them.
    static func makeTree() throws -> (root: URL, content: URL) {
        let root = try Fixtures.temporaryFolder()
        let manager = FileManager.default
        let secret = root.appendingPathComponent("secret"), content = root.appendingPathComponent("content")
        try manager.createDirectory(at: secret, withIntermediateDirectories: true)
        try manager.createDirectory(at: content.appendingPathComponent("images"), withIntermediateDirectories: true)
        try Data("# \(marker)\n\n1. Click **\(marker)**.\n".utf8).write(to: secret.appendingPathComponent("secret.md"))
        try Data(marker.utf8).write(to: secret.appendingPathComponent("secret.png"))
        let page = """
            # Paths

            [up](../secret/secret.md), [passwd](../../etc/passwd), [absolute](/etc/passwd), [file](file:///etc/passwd),
            [linked page](leak.md).

            ![up image](../secret/secret.png)

            ![linked image](images/leak.png)

            ## Steps

            1. Click **Open**.
            2. Click **Close**.

               Result: Done.

            """
        try Data(page.utf8).write(to: content.appendingPathComponent("index.md"))
        try manager.createSymbolicLink(
            atPath: content.appendingPathComponent("leak.md").path,
            withDestinationPath: "../secret/secret.md"
        )
        try manager.createSymbolicLink(
            atPath: content.appendingPathComponent("images/leak.png").path,
            withDestinationPath: "../../secret/secret.png"
        )
        try manager.createSymbolicLink(
            atPath: content.appendingPathComponent("images/passwd.png").path,
            withDestinationPath: "/etc/passwd"
        )
        try manager.createSymbolicLink(
            atPath: content.appendingPathComponent("outside").path,
            withDestinationPath: secret.path
        )
        return (root, content)
    }

    @Test func linksOutOfTheContentFolderStopTheBuild() async throws {
        let (root, content) = try Self.makeTree()
        defer { try? FileManager.default.removeItem(at: root) }
        let site = root.appendingPathComponent("site")
        let result = try await BuildAction(contentURL: content, outputURL: site, options: .init()).perform()
        #expect(!result.didWrite)
        #expect(!FileManager.default.fileExists(atPath: site.path))
        let outside = result.diagnostics.filter { $0.id == "LinkOutsideContent" }
        let errors = outside.filter { $0.severity == .error }.map(\.summary)
        #expect(errors.contains("Link '../secret/secret.md' points outside the content folder"), "\(errors)")
        #expect(errors.contains("Link '../../etc/passwd' points outside the content folder"))
        #expect(errors.contains("Link '/etc/passwd' points outside the content folder"))
        #expect(errors.contains("Image '../secret/secret.png' points outside the content folder"))
        let lines = outside.filter { $0.severity == .error }.map { "\($0.file):\($0.line):\($0.column)" }
        #expect(lines.sorted() == ["index.md:3:1", "index.md:3:28", "index.md:3:56", "index.md:6:1"], "\(lines)")
        // The symbolic links are reported while loading, each once.
        let links = outside.filter { $0.severity == .warning }.map(\.file)
        #expect(Set(links).isSuperset(of: ["leak.md", "images/leak.png", "images/passwd.png", "outside"]), "\(links)")
    }

    @Test func nothingOutsideIsCopiedEvenWhenTheRulesAreWarnings() async throws {
        let (root, content) = try Self.makeTree()
        defer { try? FileManager.default.removeItem(at: root) }
        let config = "rules:\n  LinkOutsideContent: warning\n  BrokenLink: warning\n  MissingImage: warning\n"
        try Data(config.utf8).write(to: root.appendingPathComponent("flowdoc.yml"))
        let site = root.appendingPathComponent("site")
        let result = try await BuildAction(contentURL: content, outputURL: site, options: .init()).perform()
        try #require(result.didWrite, "\(result.diagnostics.map(\.summary))")
        let passwd = (try? Data(contentsOf: URL(fileURLWithPath: "/etc/passwd"))).map {
            String(decoding: $0.prefix(64), as: UTF8.self)
        }
        let enumerator = FileManager.default.enumerator(atPath: site.path)
        var names: [String] = []
        while let path = enumerator?.nextObject() as? String {
            names.append(path)
            let attributes = try FileManager.default.attributesOfItem(atPath: site.appendingPathComponent(path).path)
            #expect(attributes[.type] as? FileAttributeType != .typeSymbolicLink, "\(path) is a symbolic link")
            guard attributes[.type] as? FileAttributeType == .typeRegular else { continue }
            let text = String(decoding: try Data(contentsOf: site.appendingPathComponent(path)), as: UTF8.self)
            #expect(!text.contains(Self.marker), "\(path) holds a file from outside the content folder")
            if let passwd, !passwd.isEmpty { #expect(!text.contains(passwd), "\(path) holds /etc/passwd") }
        }
        #expect(
            !names.contains {
                $0.contains("leak") || $0.contains("passwd") || $0.contains("secret") || $0.hasPrefix("outside")
            },
            "\(names.sorted())"
        )
        let page = String(decoding: try Data(contentsOf: site.appendingPathComponent("index.html")), as: UTF8.self)
        let hrefs = HostileHTMLScanner.tags(in: page).filter { $0.name == "a" || $0.name == "img" }
            .compactMap { $0.value("href") ?? $0.value("src") }
        #expect(!hrefs.contains { $0.contains("etc/passwd") || $0.contains("secret") }, "\(hrefs)")
    }

    @Test func anIDLeavingTheOutputStopsTheBuildOnItsLine() async throws {
        let root = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let content = root.appendingPathComponent("content")
        try FileManager.default.createDirectory(at: content, withIntermediateDirectories: true)
        let page =
            "---\ntitle: Out\nid: ../escape\n---\n\n# Out\n\n## Steps\n\n1. Click **Open**.\n2. Click **Close**.\n"
        try Data(page.utf8).write(to: content.appendingPathComponent("out.md"))
        let site = root.appendingPathComponent("site")
        let result = try await BuildAction(contentURL: content, outputURL: site, options: .init()).perform()
        #expect(!result.didWrite)
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("escape.html").path))
        let errors = result.diagnostics.filter { $0.severity == .error }
            .map { "\($0.file):\($0.line):\($0.column) \($0.summary) [\($0.id)]" }
        #expect(errors == ["out.md:3:1 Flow ID '../escape' has a '.' or '..' segment [InvalidFlowID]"])
    }

    /// A combining mark right after the slash joins it into one character, but not for the file system.
    @Test func anIDHidingItsDotDotBehindACombiningMarkStopsTheBuild() async throws {
        let root = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let content = root.appendingPathComponent("content")
        try FileManager.default.createDirectory(at: content, withIntermediateDirectories: true)
        let page = "---\ntitle: Out\nid: \"../\u{301}escape\"\n---\n\n# Out\n\n## Steps\n\n1. Click **Open**.\n"
        try Data(page.utf8).write(to: content.appendingPathComponent("out.md"))
        let site = root.appendingPathComponent("site")
        let result = try await BuildAction(contentURL: content, outputURL: site, options: .init()).perform()
        #expect(!result.didWrite)
        let besideTheSite = try FileManager.default.contentsOfDirectory(atPath: root.path)
        #expect(!besideTheSite.contains { $0.contains("escape") }, "\(besideTheSite)")
        #expect(result.diagnostics.contains { $0.id == "InvalidFlowID" && $0.severity == .error })
    }
}
