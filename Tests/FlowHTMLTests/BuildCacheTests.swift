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
            cache.append(.init(path: path, sourceDigest: UInt64(index), answers: ~UInt64(index), queries: queries))
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
        #expect(loaded.count == saved.count)
        for entry in (0..<saved.count).map(saved.entry(at:)) {
            let path = entry.path
            let read = try #require(loaded.entry(for: path), "\(path) is read back")
            #expect(read.path == path)
            #expect(read.sourceDigest == entry.sourceDigest)
            #expect(read.answers == entry.answers)
            #expect(read.queries == entry.queries)
        }
        #expect(loaded.entry(for: "tab\tand\nbreak/ü.html")?.queries == Self.queries)
    }

    /// A manifest read ahead, before the build knows its key, is used only under its own key.
    @Test func aManifestReadAheadServesOnlyItsOwnKey() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = try Self.output(in: folder)
        #expect(PreviousBuild.read(for: output).cache(for: 7).count == 0, "No manifest yet")
        Self.cache().save(for: output)
        let ahead = PreviousBuild.read(for: output)
        #expect(ahead.cache(for: 7).count == Self.cache().count)
        #expect(ahead.cache(for: 7).answersFingerprint == 11)
        #expect(ahead.cache(for: 8).count == 0 && ahead.cache(for: 8).key == 8, "Another key")
        let marker = output.appendingPathComponent(SiteWriter.markerFileName)
        try FileManager.default.removeItem(at: marker)
        try Data().write(to: marker)
        #expect(PreviousBuild.read(for: output).cache(for: 7).count == 0, "Another output folder")
    }

    @Test func isEmptyForAnotherKeyOutputOrDamagedFile() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = try Self.output(in: folder)
        Self.cache().save(for: output)
        #expect(BuildCache.load(for: output, key: 8).count == 0, "Another key")
        let manifest = BuildCache.folder(for: output).appendingPathComponent("manifest")
        let saved = try Data(contentsOf: manifest)
        try saved.dropLast(5).write(to: manifest)
        let cut = BuildCache.load(for: output, key: 7)
        #expect(cut.count == 0 && cut.answersFingerprint == nil, "A cut manifest")
        try (saved + [0]).write(to: manifest)
        #expect(BuildCache.load(for: output, key: 7).count == 0, "Bytes after the last chunk")
        try saved.write(to: manifest)
        #expect(BuildCache.load(for: output, key: 7).count == Self.cache().count)
        // An output folder replaced by hand has a marker of another identity.
        let marker = output.appendingPathComponent(SiteWriter.markerFileName)
        try FileManager.default.removeItem(at: marker)
        try Data().write(to: marker)
        #expect(BuildCache.load(for: output, key: 7).count == 0, "Another output folder")
    }

    @Test func aDamagedEntryCountMakesNoRoomForBillionsOfEntries() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = try Self.output(in: folder)
        Self.cache().save(for: output)
        let manifest = BuildCache.folder(for: output).appendingPathComponent("manifest")
        var bytes = [UInt8](try Data(contentsOf: manifest))
        // After the three header lines: the answers fingerprint, the flag, the site facts and the
        // place of the first page (one byte each here), then the count of entries, 516 in two
        // bytes, made 2^31 - 1.
        let headerEnd = try #require(bytes.indices.filter { bytes[$0] == UInt8(ascii: "\n") }.dropFirst(2).first) + 1
        #expect(Array(bytes[headerEnd + 4..<headerEnd + 6]) == [0x84, 0x04])
        bytes.replaceSubrange(headerEnd + 4..<headerEnd + 6, with: [0xFF, 0xFF, 0xFF, 0xFF, 0x07])
        try Data(bytes).write(to: manifest)
        #expect(BuildCache.load(for: output, key: 7).count == Self.cache().count)
    }

    /// Chunks encoded by a build's tasks make one manifest: every entry reads back, in the
    /// chunks' order, each with its place.
    @Test func chunksEncodedApartReadBackAsOneManifest() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = try Self.output(in: folder)
        let saved = Self.cache()
        let entries = (0..<saved.count).map(saved.entry(at:))
        let chunks = [Array(entries[..<3]), Array(entries[3...]), [BuildCache.Entry(unlisted: "flows.json")]]
        BuildCache(key: 7, answersFingerprint: 11, siteFacts: nil)
            .save(for: output, chunks: chunks.map(BuildCache.encode), entryCount: entries.count + 1)
        let loaded = BuildCache.load(for: output, key: 7)
        #expect(loaded.answersFingerprint == 11 && loaded.siteFacts == nil)
        #expect(loaded.count == entries.count + 1)
        for (place, entry) in (entries + [BuildCache.Entry(unlisted: "flows.json")]).enumerated() {
            #expect(loaded.place(of: entry.path) == place)
            let read = loaded.entry(at: place)
            #expect(read.path == entry.path)
            #expect(read.sourceDigest == entry.sourceDigest && read.answers == entry.answers)
            #expect(read.queries == entry.queries)
        }
    }

    /// A file is found where it is expected, else wherever it is: among the whole-site files
    /// without a place, else by the table of places, made then.
    @Test func anEntryIsFoundWhereExpectedElseByItsPath() {
        var cache = BuildCache(key: 7, answersFingerprint: 11, siteFacts: nil)
        #expect(cache.place(of: "a.html", expectedAt: 0) == nil)
        #expect(!cache.positions.isMade, "a first build's empty manifest")
        for path in ["graph.html", "search.html", "json/a.json", "a.html", "json/b.json", "b.html", "flows.json"] {
            cache.append(.init(unlisted: path))
        }
        cache.pagesStart = 2
        #expect(cache.places(ofPageAt: 1) == (json: 4, page: 5))
        #expect(cache.place(of: "b.html", expectedAt: 5) == 5)
        #expect(cache.place(of: "search.html") == 1)
        #expect(cache.place(of: "flows.json", expectedAt: 6) == 6)
        #expect(!cache.positions.isMade, "every file where expected, or a whole-site file")
        #expect(cache.place(of: "json/a.json", expectedAt: 4) == 2, "another page's place")
        #expect(cache.positions.isMade)
        #expect(cache.place(of: "c.html", expectedAt: 3) == nil)
        #expect(cache.place(of: "a.html", expectedAt: 70) == 3)
    }

    /// A build's manifest lists the whole-site files, then each page's JSON and page in the
    /// site's order, then flows.json: where the next build of the same pages looks for them,
    /// which it then finds without a table of places, and lists again as they were.
    @Test func aBuildListsEachPageWhereTheNextLooksForIt() async throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let content = try Fixtures.copyOfShippedContent(into: folder)
        let site = folder.appendingPathComponent("site")
        let report = try await IncrementalBuildTests.build(content, into: site)
        let manifest = try #require(BuildCache.read(for: site))
        #expect(manifest.pagesStart > 0)
        #expect(manifest.count == manifest.pagesStart + 2 * report.pageCount + 1)
        #expect(manifest.path(at: manifest.count - 1) == "flows.json")
        for index in 0..<report.pageCount {
            let places = manifest.places(ofPageAt: index)
            let json = manifest.path(at: places.json)
            #expect(json.hasPrefix("json/") && json.hasSuffix(".json"), "\(json)")
            let id = json.dropFirst("json/".count).dropLast(".json".count)
            #expect(manifest.place(of: "\(id).html", expectedAt: places.page) == places.page)
            #expect(manifest.place(of: json, expectedAt: places.json) == places.json)
        }
        #expect(!manifest.positions.isMade)
        // A rebuild that reuses every file lists each entry again as it was.
        _ = try await IncrementalBuildTests.build(content, into: site)
        let again = try #require(BuildCache.read(for: site))
        #expect(again.count == manifest.count && again.pagesStart == manifest.pagesStart)
        for place in 0..<manifest.count {
            let (before, after) = (manifest.entry(at: place), again.entry(at: place))
            #expect(after.path == before.path && after.sourceDigest == before.sourceDigest)
            #expect(after.answers == before.answers && after.encodedQueries.elementsEqual(before.encodedQueries))
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
        let all = Array(0..<loaded.count)
        #expect(loaded.paths(notAmong: [Array(all[..<10]), Array(all[10...])]).isEmpty)
        let byOrdinal = Dictionary(uniqueKeysWithValues: all.map { ($0, loaded.path(at: $0)) })
        let gone = [4, 300]
        // Another place marked twice in their stead: as many marks as entries, two of them not marked.
        let marked = all.filter { !gone.contains($0) } + [7, 7]
        #expect(Set(loaded.paths(notAmong: [marked])) == Set(gone.compactMap { byOrdinal[$0] }))
        #expect(loaded.paths(notAmong: [[Int]]()).count == loaded.count)
    }
}
