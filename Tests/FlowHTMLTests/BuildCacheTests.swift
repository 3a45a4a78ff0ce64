import FlowTestSupport
import Foundation
import Testing

@testable import FlowHTML

/// The build's manifest reads back what was saved, and only for the same key and output.
@Suite struct BuildCacheTests {
    static let queries: [DependencyTrace.Query] = [
        .href("../tab\there.md#step-2", allowsFlowID: true),
        .linkedFlow("ünïcode/line\nbreak.md", allowsFlowID: false),
        .neighbors,
        .overview(source: "a/index.md"),
    ]

    /// A folder with an output folder that has flowdoc's marker file, and the output.
    static func output(in folder: URL) throws -> URL {
        let output = folder.appendingPathComponent("site")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        try Data().write(to: output.appendingPathComponent(SiteWriter.markerFileName))
        return output
    }

    /// A manifest of more entries than one chunk holds, paths with a tab, a line break and non-ASCII letters.
    static func cache() -> BuildCache {
        var cache = BuildCache(key: 7, answersFingerprint: 11, siteFacts: 13)
        let paths = ["tab\tand\nbreak/ü.html"] + (0..<(BuildCache.chunkSize + 3)).map { "area/page-\($0).html" }
        for (index, path) in paths.enumerated() {
            let queries = index.isMultiple(of: 2) ? Self.queries : []
            cache.entries[path] = .init(
                path: path,
                sourceDigest: UInt64(index),
                answers: ~UInt64(index),
                queries: queries
            )
        }
        return cache
    }

    @Test func readsBackEveryEntryWithItsQuestions() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = try Self.output(in: folder)
        let saved = Self.cache()
        saved.save(for: output)
        let loaded = BuildCache.load(for: output, key: 7)
        #expect(loaded.answersFingerprint == 11)
        #expect(loaded.siteFacts == 13)
        #expect(loaded.entries.count == saved.entries.count)
        for (path, entry) in saved.entries {
            let read = try #require(loaded.entries[path], "\(path) is read back")
            #expect(read.path == path)
            #expect(read.sourceDigest == entry.sourceDigest)
            #expect(read.answers == entry.answers)
            #expect(read.queries == entry.queries)
        }
        #expect(loaded.entries["tab\tand\nbreak/ü.html"]?.queries == Self.queries)
    }

    /// A manifest read ahead, before the build knows its key, is used only under its own key.
    @Test func aManifestReadAheadServesOnlyItsOwnKey() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = try Self.output(in: folder)
        #expect(PreviousBuild.read(for: output).cache(for: 7).entries.isEmpty, "No manifest yet")
        Self.cache().save(for: output)
        let ahead = PreviousBuild.read(for: output)
        #expect(ahead.cache(for: 7).entries.count == Self.cache().entries.count)
        #expect(ahead.cache(for: 7).answersFingerprint == 11)
        #expect(ahead.cache(for: 8).entries.isEmpty && ahead.cache(for: 8).key == 8, "Another key")
        let marker = output.appendingPathComponent(SiteWriter.markerFileName)
        try FileManager.default.removeItem(at: marker)
        try Data().write(to: marker)
        #expect(PreviousBuild.read(for: output).cache(for: 7).entries.isEmpty, "Another output folder")
    }

    @Test func isEmptyForAnotherKeyOutputOrDamagedFile() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = try Self.output(in: folder)
        Self.cache().save(for: output)
        #expect(BuildCache.load(for: output, key: 8).entries.isEmpty, "Another key")
        let manifest = BuildCache.folder(for: output).appendingPathComponent("manifest")
        let saved = try Data(contentsOf: manifest)
        try saved.dropLast(5).write(to: manifest)
        let cut = BuildCache.load(for: output, key: 7)
        #expect(cut.entries.isEmpty && cut.answersFingerprint == nil, "A cut manifest")
        try (saved + [0]).write(to: manifest)
        #expect(BuildCache.load(for: output, key: 7).entries.isEmpty, "Bytes after the last chunk")
        try saved.write(to: manifest)
        #expect(BuildCache.load(for: output, key: 7).entries.count == Self.cache().entries.count)
        // An output folder replaced by hand has a marker of another identity.
        let marker = output.appendingPathComponent(SiteWriter.markerFileName)
        try FileManager.default.removeItem(at: marker)
        try Data().write(to: marker)
        #expect(BuildCache.load(for: output, key: 7).entries.isEmpty, "Another output folder")
    }

    @Test func aDamagedEntryCountMakesNoRoomForBillionsOfEntries() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = try Self.output(in: folder)
        Self.cache().save(for: output)
        let manifest = BuildCache.folder(for: output).appendingPathComponent("manifest")
        var bytes = [UInt8](try Data(contentsOf: manifest))
        // After the three header lines: the answers fingerprint, the flag and the site facts (one
        // byte each here), then the count of entries, 516 in two bytes, made 2^31 - 1.
        let headerEnd = try #require(bytes.indices.filter { bytes[$0] == UInt8(ascii: "\n") }.dropFirst(2).first) + 1
        #expect(Array(bytes[headerEnd + 3..<headerEnd + 5]) == [0x84, 0x04])
        bytes.replaceSubrange(headerEnd + 3..<headerEnd + 5, with: [0xFF, 0xFF, 0xFF, 0xFF, 0x07])
        try Data(bytes).write(to: manifest)
        #expect(BuildCache.load(for: output, key: 7).entries.count == Self.cache().entries.count)
    }

    /// Chunks encoded by a build's tasks make one manifest: every entry reads back, in the
    /// chunks' order, each with its place.
    @Test func chunksEncodedApartReadBackAsOneManifest() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = try Self.output(in: folder)
        let entries = Self.cache().entries.values.sorted { $0.path < $1.path }
        let chunks = [Array(entries[..<3]), Array(entries[3...]), [BuildCache.Entry(unlisted: "flows.json")]]
        let saved = BuildCache(key: 7, answersFingerprint: 11, siteFacts: nil)
        saved.save(for: output, chunks: chunks.map(BuildCache.encode), entryCount: entries.count + 1)
        let loaded = BuildCache.load(for: output, key: 7)
        #expect(loaded.answersFingerprint == 11 && loaded.siteFacts == nil)
        #expect(loaded.entries.count == entries.count + 1 && loaded.ordinalCount == entries.count + 1)
        for (ordinal, entry) in (entries + [BuildCache.Entry(unlisted: "flows.json")]).enumerated() {
            let read = try #require(loaded.entries[entry.path])
            #expect(read.ordinal == ordinal)
            #expect(read.sourceDigest == entry.sourceDigest && read.answers == entry.answers)
            #expect(read.queries == entry.queries)
        }
    }

    /// The previous files a new site does not have are the entries whose places it did not
    /// mark, each mark counted once.
    @Test func pathsNotMarkedAreTheFilesTheNewSiteLacks() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = try Self.output(in: folder)
        Self.cache().save(for: output)
        let loaded = BuildCache.load(for: output, key: 7)
        let all = Array(0..<loaded.ordinalCount)
        #expect(loaded.paths(notAmong: [Array(all[..<10]), Array(all[10...])]).isEmpty)
        let byOrdinal = Dictionary(uniqueKeysWithValues: loaded.entries.values.map { ($0.ordinal, $0.path) })
        let gone = [4, 300]
        // Another place marked twice in their stead: as many marks as entries, two of them not marked.
        let marked = all.filter { !gone.contains($0) } + [7, 7]
        #expect(Set(loaded.paths(notAmong: [marked])) == Set(gone.compactMap { byOrdinal[$0] }))
        #expect(loaded.paths(notAmong: [[Int]]()).count == loaded.entries.count)
    }
}
