import FlowTestSupport
import Foundation
import Testing

@testable import FlowHTML

/// An older `flows.json` overwritten where it differs from the new one is the new one, and the
/// parts already in place are not written.
@Suite struct FlowsJSONPatchTests {
    /// A layout after a one-byte opening, of parts named by their digest: `(digest, length)`.
    static func layout(_ parts: [(UInt64, Int)], prefix: Int = 1) -> PartLayout {
        PartLayout(
            prefixLength: prefix,
            parts: parts.map { .init(source: "p\($0.0 % 10)", digest: $0.0, length: $0.1) }
        )
    }

    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var new: [(UInt64, Int)]
        var old: [(UInt64, Int)]
        var oldPrefix = 1
        var stale: [Range<Int>]
        var testDescription: String { name }
    }

    // Parts of length 3 after a prefix of 1: p1 at 1..<4, p2 at 5..<8 (comma at 4), p3 at 9..<12.
    static let cases: [Case] = [
        Case(name: "same parts", new: [(1, 3), (2, 3), (3, 3)], old: [(1, 3), (2, 3), (3, 3)], stale: []),
        Case(
            name: "one part changed, same length",
            new: [(1, 3), (12, 3), (3, 3)],
            old: [(1, 3), (2, 3), (3, 3)],
            stale: [4..<8]
        ),
        Case(
            name: "first part changed",
            new: [(11, 3), (2, 3), (3, 3)],
            old: [(1, 3), (2, 3), (3, 3)],
            stale: [1..<4]
        ),
        Case(
            name: "a part grew: the rest moved",
            new: [(1, 3), (12, 5), (3, 3)],
            old: [(1, 3), (2, 3), (3, 3)],
            stale: [4..<14]
        ),
        Case(name: "a part removed", new: [(1, 3), (3, 3)], old: [(1, 3), (2, 3), (3, 3)], stale: [4..<8]),
        Case(
            name: "a part added at the end",
            new: [(1, 3), (2, 3), (3, 3), (4, 2)],
            old: [(1, 3), (2, 3), (3, 3)],
            stale: [12..<15]
        ),
        Case(name: "another opening", new: [(1, 3), (2, 3)], old: [(1, 3), (2, 3)], oldPrefix: 2, stale: [1..<8]),
        Case(name: "no digest", new: [(0, 3), (2, 3)], old: [(0, 3), (2, 3)], stale: [1..<4]),
        Case(
            name: "changed apart",
            new: [(11, 3), (2, 3), (13, 3)],
            old: [(1, 3), (2, 3), (3, 3)],
            stale: [1..<4, 8..<12]
        ),
    ]

    @Test(arguments: cases)
    func staleRangesAreThePartsNotInPlace(_ example: Case) {
        let stale = FlowsJSONPatch.staleRanges(
            new: Self.layout(example.new),
            old: Self.layout(example.old, prefix: example.oldPrefix)
        )
        #expect(stale == example.stale)
    }

    /// A previous `flows.json` of three parts, a chunk of its first and third parts around a part made now.
    struct Files {
        var folder: URL
        var previous: PreviousParts
        var chunk: FlowsJSONChunk
        /// The document the chunk makes, opening `[` and closing `]`.
        var document: Data

        init() throws {
            folder = try Fixtures.temporaryFolder()
            let previousURL = folder.appendingPathComponent("previous.json")
            try Data("[{\"a\":1},{\"b\":2},{\"c\":3}]".utf8).write(to: previousURL)
            var layout = FlowsJSONPatchTests.layout([(1, 7), (2, 7), (3, 7)])
            _ = layout.stamp(fileAt: previousURL.path)
            previous = try #require(PreviousParts(fileAt: previousURL.path, layout: layout))
            chunk = FlowsJSONChunk()
            chunk.appendPrevious(1..<8, prefixLength: 1, isFirst: true)
            chunk.append(Data("{\"bb\":22}".utf8), isFirst: false)
            chunk.appendPrevious(17..<24, prefixLength: 1, isFirst: false)
            document = Data("[{\"a\":1},{\"bb\":22},{\"c\":3}]".utf8)
        }

        /// Writes `old` as the file to overwrite, patches it with `stale`, and returns the result.
        func patch(_ old: String, stale: [Range<Int>]) throws -> Data {
            let staging = SiteStaging(root: folder)
            try Data(old.utf8).write(to: folder.appendingPathComponent("flows.json"))
            let file = try #require(staging.openInPlace("flows.json"))
            try FlowsJSONPatch.write(
                chunk,
                stale: stale,
                frame: (Array("[".utf8), Array("]".utf8)),
                previous: previous,
                to: file
            )
            return try Data(contentsOf: folder.appendingPathComponent("flows.json"))
        }
    }

    /// Everything stale: the file is the document, whether the old one was shorter or longer.
    @Test(arguments: ["[]", "[{\"a\":1},{\"b\":2},{\"c\":3},{\"d\":4},{\"e\":5}]"])
    func writesTheWholeDocumentOverAnyFile(_ old: String) throws {
        let files = try Files()
        defer { try? FileManager.default.removeItem(at: files.folder) }
        #expect(try files.patch(old, stale: [1..<26]) == files.document)
    }

    /// Only the stale ranges are written: a byte the old file has wrong outside them stays wrong.
    @Test func writesOnlyTheStaleRanges() throws {
        let files = try Files()
        defer { try? FileManager.default.removeItem(at: files.folder) }
        // The first part marked (a -> A) to show it is left alone; the second is the old one.
        let old = "[{\"A\":1},{\"b\":2},{\"c\":3}]"
        let patched = try files.patch(old, stale: [8..<18, 18..<26])
        #expect(patched == Data("[{\"A\":1},{\"bb\":22},{\"c\":3}]".utf8))
    }
}
