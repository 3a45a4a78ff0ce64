import FlowCore
import FlowJSON
import FlowModel
import FlowParser
import FlowTestSupport
import Foundation
import Testing

@testable import FlowHTML

/// `flows.json` written ahead is the previous file with the changed pages' JSON in their places,
/// and nothing is written ahead for pages that are not the previous file's, in its order.
@Suite struct FlowsJSONAheadTests {
    /// Three pages built once; the second then edited.
    struct Built {
        var folder: URL
        var site: URL
        var published: [PageSummary]
        var digests: [String: UInt64]
        var layout: PartLayout
        var previousFlows: PreviousParts
    }

    static func built() async throws -> Built {
        let folder = try Fixtures.temporaryFolder()
        let content = folder.appendingPathComponent("content")
        try FileManager.default.createDirectory(at: content, withIntermediateDirectories: true)
        for name in ["a", "b", "c"] {
            let page = "# Page \(name)\n\n1. Click **Next**.\n\n   Some text.\n"
            try Data(page.utf8).write(to: content.appendingPathComponent("\(name).md"))
        }
        let site = folder.appendingPathComponent("site")
        _ = try await IncrementalBuildTests.build(content, into: site)
        try Fixtures.replace("Some text.", with: "Other text.", in: content.appendingPathComponent("b.md"))
        let loaded = try await ContentLoader().loadWithDigests(from: content)
        let previous = try #require(PreviousBuild.read(for: site).cache)
        let layout = try #require(previous.parts["flows.json"])
        let flowsPath = site.appendingPathComponent("flows.json").path
        return Built(
            folder: folder,
            site: site,
            published: ContentSummary(loaded.content).publishedPages,
            digests: loaded.digests,
            layout: layout,
            previousFlows: try #require(PreviousParts(fileAt: flowsPath, layout: layout))
        )
    }

    static func start(_ built: Built, published: [PageSummary], in staging: SiteStaging) throws -> FlowsJSONAhead? {
        try FlowsJSONAhead.start(
            published: published,
            layout: built.layout,
            previousFlows: built.previousFlows,
            digests: built.digests,
            exporter: FlowJSONExporter(version: FlowdocVersion.current),
            json: { page in Data("{\"id\":\"\(page.id)\"}".utf8) },
            in: staging
        )
    }

    @Test func writesThePreviousPartsAndTheChangedPagesJSON() async throws {
        let built = try await Self.built()
        defer { try? FileManager.default.removeItem(at: built.folder) }
        let staging = SiteStaging(root: built.folder.appendingPathComponent("staging"))
        try FileManager.default.createDirectory(at: staging.root, withIntermediateDirectories: true)
        let ahead = try #require(try Self.start(built, published: built.published, in: staging))
        try await ahead.finish()
        #expect(Array(ahead.made.keys) == ["b.md"])
        let previous = try String(contentsOf: built.site.appendingPathComponent("flows.json"), encoding: .utf8)
        let written = try String(contentsOf: staging.root.appendingPathComponent("flows.json"), encoding: .utf8)
        // The parts of a and c as they were, b's replaced by the JSON made for it.
        let parts = built.layout.parts
        let startOffset = built.layout.prefixLength + parts[0].length + 1
        let start = previous.utf8.index(previous.utf8.startIndex, offsetBy: startOffset)
        let end = previous.utf8.index(start, offsetBy: parts[1].length)
        #expect(written == String(previous[..<start]) + "{\"id\":\"b\"}" + String(previous[end...]))
        #expect(ahead.layout.parts.map(\.source) == ["a.md", "b.md", "c.md"])
        #expect(ahead.layout.parts[1].length == "{\"id\":\"b\"}".utf8.count)
        #expect(ahead.layout.parts[1].digest == built.digests["b.md"])
    }

    /// A kept file that turns out to be a symbolic link is not written through: it is removed
    /// and the file written anew.
    @Test func aKeptFileThatIsALinkIsNotWrittenThrough() async throws {
        let built = try await Self.built()
        defer { try? FileManager.default.removeItem(at: built.folder) }
        let staging = SiteStaging(root: built.folder.appendingPathComponent("staging"))
        try FileManager.default.createDirectory(at: staging.root, withIntermediateDirectories: true)
        let precious = built.folder.appendingPathComponent("precious.txt")
        try Data("precious".utf8).write(to: precious)
        let ahead = try #require(
            try FlowsJSONAhead.start(
                published: built.published,
                layout: built.layout,
                previousFlows: built.previousFlows,
                digests: built.digests,
                exporter: FlowJSONExporter(version: FlowdocVersion.current),
                json: { page in Data("{\"id\":\"\(page.id)\"}".utf8) },
                scratch: {
                    try? FileManager.default.createSymbolicLink(
                        at: staging.root.appendingPathComponent("flows.json"),
                        withDestinationURL: precious
                    )
                    return built.layout
                },
                in: staging
            )
        )
        try await ahead.finish()
        #expect(try String(contentsOf: precious, encoding: .utf8) == "precious")
        let written = try String(contentsOf: staging.root.appendingPathComponent("flows.json"), encoding: .utf8)
        #expect(written.hasPrefix("{\"flows\":[") && written.contains("{\"id\":\"b\"}"))
    }

    /// `built` with the digests of the previous build: no page changed.
    static func unchanged(_ built: Built) -> Built {
        var built = built
        for part in built.layout.parts { built.digests[part.source] = part.digest }
        return built
    }

    /// With no page changed, the previous `flows.json` is the new one: linked, not copied.
    @Test func reusesThePreviousFileWhenNoPageChanged() async throws {
        let built = Self.unchanged(try await Self.built())
        defer { try? FileManager.default.removeItem(at: built.folder) }
        let staging = SiteStaging(root: built.folder.appendingPathComponent("staging"), previousSite: built.site)
        try FileManager.default.createDirectory(at: staging.root, withIntermediateDirectories: true)
        let ahead = try #require(try Self.start(built, published: built.published, in: staging))
        try await ahead.finish()
        #expect(ahead.made.isEmpty)
        #expect(ahead.layout.parts == built.layout.parts)
        let previous = built.site.appendingPathComponent("flows.json")
        let reused = staging.root.appendingPathComponent("flows.json")
        #expect(try Fixtures.inode(of: reused) == Fixtures.inode(of: previous))
    }

    /// A previous file that is more than the document of its parts (a byte added after the
    /// last, say, with a layout that knows its size) is not reused: the document is written anew.
    @Test func writesAFileThatIsMoreThanTheDocumentAnew() async throws {
        var built = Self.unchanged(try await Self.built())
        defer { try? FileManager.default.removeItem(at: built.folder) }
        let previous = built.site.appendingPathComponent("flows.json")
        let document = try Data(contentsOf: previous)
        try (document + Data(" ".utf8)).write(to: previous)
        let stamped = built.layout.stamp(fileAt: previous.path)
        try #require(stamped)
        built.previousFlows = try #require(PreviousParts(fileAt: previous.path, layout: built.layout))
        let staging = SiteStaging(root: built.folder.appendingPathComponent("staging"), previousSite: built.site)
        try FileManager.default.createDirectory(at: staging.root, withIntermediateDirectories: true)
        let ahead = try #require(try Self.start(built, published: built.published, in: staging))
        try await ahead.finish()
        let written = staging.root.appendingPathComponent("flows.json")
        #expect(try Fixtures.inode(of: written) != Fixtures.inode(of: previous))
        #expect(try Data(contentsOf: written) == document)
    }

    /// A joined file is known to be the one its pages make only when it holds each of them, in
    /// order, made from its digest, and nothing else.
    @Test func aFileIsItsPagesOnlyWhenItHoldsExactlyThem() async throws {
        let built = Self.unchanged(try await Self.built())
        defer { try? FileManager.default.removeItem(at: built.folder) }
        let sources = built.layout.parts.map(\.source)
        let opening = built.layout.prefixLength
        let closing = built.layout.fileSize - (built.layout.ranges.last?.upperBound ?? 0)
        func layout(_ sources: [String], _ digests: [String: UInt64], closing: Int = closing) -> PartLayout? {
            built.previousFlows.layout(
                ifExactly: sources,
                digests: digests,
                openingLength: opening,
                closingLength: closing
            )
        }
        #expect(layout(sources, built.digests)?.parts == built.layout.parts)
        var edited = built.digests
        edited["b.md"]? &+= 1
        #expect(layout(sources, edited) == nil)
        #expect(layout(sources.reversed(), built.digests) == nil)
        // The first two swapped: the last part still ends where the closing starts.
        #expect(layout([sources[1], sources[0], sources[2]], built.digests) == nil)
        #expect(layout(Array(sources.dropLast()), built.digests) == nil)
        #expect(layout(sources, built.digests, closing: closing + 1) == nil)
        #expect(layout([], built.digests) == nil)
    }

    @Test func writesNothingForPagesThatAreNotThePreviousFilesInItsOrder() async throws {
        let built = try await Self.built()
        defer { try? FileManager.default.removeItem(at: built.folder) }
        let staging = SiteStaging(root: built.folder.appendingPathComponent("staging"))
        try FileManager.default.createDirectory(at: staging.root, withIntermediateDirectories: true)
        #expect(try Self.start(built, published: built.published.reversed(), in: staging) == nil)
        #expect(try Self.start(built, published: Array(built.published.dropLast()), in: staging) == nil)
        #expect(!FileManager.default.fileExists(atPath: staging.root.appendingPathComponent("flows.json").path))
    }
}
