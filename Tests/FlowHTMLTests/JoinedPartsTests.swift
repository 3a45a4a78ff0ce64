import FlowHTML
import FlowTestSupport
import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// A rebuild copies the parts of unchanged pages in `flows.json` and the search index from the
/// previous files, and only from files that were not changed since they were written.
@Suite struct JoinedPartsTests {
    static let joinedFiles = ["flows.json", "assets/search-index.js"]

    /// Replaces `text` with `replacement` (of the same length) in the file at `url`, and gives the
    /// file back its modification time when `keepingTime`.
    static func tamper(_ url: URL, _ text: String, with replacement: String, keepingTime: Bool) throws {
        var before = stat()
        try #require(stat(url.path, &before) == 0)
        try Fixtures.replace(text, with: replacement, in: url)
        guard keepingTime else { return }
        var times = [before.st_atim, before.st_mtim]
        try #require(utimensat(AT_FDCWD, url.path, &times, 0) == 0)
    }

    /// Builds the shipped content, tampers with the joined files, edits another page and builds again.
    static func rebuildAfterTampering(keepingTime: Bool, in folder: URL) async throws -> (site: URL, clean: URL) {
        let content = try Fixtures.copyOfShippedContent(into: folder)
        let site = folder.appendingPathComponent("site")
        _ = try await IncrementalBuildTests.build(content, into: site)
        for path in joinedFiles {
            let url = site.appendingPathComponent(path)
            try tamper(url, "Activate a connection", with: "Activate a cOnnection", keepingTime: keepingTime)
        }
        try Fixtures.append("\nOne more sentence.\n", to: content.appendingPathComponent("connections/test-sync.md"))
        let report = try await IncrementalBuildTests.build(content, into: site)
        #expect(report.renderedPages == 2, "The edited page and the home page")
        let clean = folder.appendingPathComponent("clean")
        _ = try await IncrementalBuildTests.build(content, into: clean, incremental: false)
        return (site, clean)
    }

    @Test func unchangedPagesPartsAreCopiedFromThePreviousFiles() async throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (site, clean) = try await Self.rebuildAfterTampering(keepingTime: true, in: folder)
        for path in Self.joinedFiles {
            let rebuilt = try String(contentsOf: site.appendingPathComponent(path), encoding: .utf8)
            let expected = try String(contentsOf: clean.appendingPathComponent(path), encoding: .utf8)
            // The planted bytes show that the part was copied, not made again; the rest is as a clean build's.
            #expect(rebuilt.contains("Activate a cOnnection"), "\(path)")
            #expect(rebuilt.replacingOccurrences(of: "cOnnection", with: "connection") == expected, "\(path)")
        }
    }

    @Test func aFileChangedSinceItWasWrittenIsNotCopiedFrom() async throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (site, clean) = try await Self.rebuildAfterTampering(keepingTime: false, in: folder)
        for path in Self.joinedFiles {
            let rebuilt = try Data(contentsOf: site.appendingPathComponent(path))
            #expect(rebuilt == (try Data(contentsOf: clean.appendingPathComponent(path))), "\(path)")
        }
    }
}
