import FlowHTML
import FlowTestSupport
import Foundation
import Testing

@testable import FlowCommands

#if canImport(Glibc)
    import Glibc
#endif

/// Builds that are killed, run twice at once, or meet a full or read-only disk: the previous
/// site is always left whole, and the message says what happened.
///
/// The kill and concurrency tests run the real `flowdoc` binary, found beside the test bundle
/// (`swift build --build-tests` builds both) or at `$FLOWDOC_BINARY`. Serialized: they time
/// processes, and two of them at once would only make the timings noisy.
@Suite(.serialized) struct BuildFaultTests {
    /// The `flowdoc` executable built with the tests.
    static var binary: URL? {
        if let path = ProcessInfo.processInfo.environment["FLOWDOC_BINARY"] { return URL(fileURLWithPath: path) }
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
            .deletingLastPathComponent()
        for folder in [beside, beside.deletingLastPathComponent()] {
            let url = folder.appendingPathComponent("flowdoc")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        return nil
    }

    /// A content folder of `pages` generated flows, each mentioning `revision`, plus an index.
    static func writeContent(at content: URL, pages: Int, revision: Int) throws {
        try FileManager.default.createDirectory(at: content, withIntermediateDirectories: true)
        var index = "---\ntype: overview\ntitle: Generated\n---\n\n# Generated (revision \(revision))\n\n"
        for page in 0..<pages {
            index += "- [Page \(page)](p\(page).md)\n"
            var text =
                "---\ntitle: Page \(page)\nsummary: Revision \(revision) of page \(page).\n---\n\n# Page \(page)\n\n"
            text += "Revision \(revision).\n\n## Steps\n\n"
            for step in 1...8 {
                text += "\(step). Click **Button \(step)**.\n\n   About step \(step) of page \(page).\n"
            }
            text += "\n   Result: Done.\n"
            try Data(text.utf8).write(to: content.appendingPathComponent("p\(page).md"))
        }
        try Data(index.utf8).write(to: content.appendingPathComponent("index.md"))
    }

    /// Runs `flowdoc build` on `content` into `site`; returns the process, already started.
    static func startBuild(_ binary: URL, _ content: URL, _ site: URL, extra: [String] = []) throws -> (Process, Pipe) {
        let process = Process()
        process.executableURL = binary
        process.arguments = ["build", content.path, "--output", site.path, "--quiet"] + extra
        let pipe = Pipe()
        process.standardError = pipe
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        return (process, pipe)
    }

    /// Every regular file below `root` with its bytes; symbolic links and folders as markers.
    static func snapshot(_ root: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(atPath: root.path)
        while let path = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(
                atPath: root.appendingPathComponent(path).path,
                isDirectory: &isDirectory
            )
            files[path] =
                isDirectory.boolValue ? Data("<folder>".utf8) : try Data(contentsOf: root.appendingPathComponent(path))
        }
        return files
    }

    /// The temporary build folders beside `site`.
    static func leftovers(beside site: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: site.deletingLastPathComponent().path)
            .filter { $0.contains(".flowdoc-new-") || $0.contains(".flowdoc-old-") }
    }

    @Test func killedBuildsLeaveThePreviousSiteIntact() throws {
        let binary = try #require(Self.binary, "flowdoc must be built beside the tests (swift build --build-tests)")
        let root = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let content = root.appendingPathComponent("content"), site = root.appendingPathComponent("site")
        try Self.writeContent(at: content, pages: 300, revision: 0)
        let clock = ContinuousClock()
        let started = clock.now
        let (first, _) = try Self.startBuild(binary, content, site)
        first.waitUntilExit()
        try #require(first.terminationStatus == 0)
        let duration = clock.now - started
        var expected = try Self.snapshot(site)
        var killedBeforeSwap = 0
        // Kill at fractions of a whole build's time, so every phase is hit on a fast or a slow machine.
        for (revision, fraction) in [0.05, 0.15, 0.3, 0.45, 0.6, 0.7, 0.8, 0.88, 0.94, 1.0, 1.1].enumerated() {
            try Self.writeContent(at: content, pages: 300, revision: revision + 1)
            let (process, _) = try Self.startBuild(
                binary,
                content,
                site,
                extra: revision % 2 == 0 ? ["--no-incremental"] : []
            )
            let seconds = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
            Thread.sleep(forTimeInterval: seconds * fraction)
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let killed = process.terminationReason == .uncaughtSignal
            let now = try Self.snapshot(site)
            if now == expected {
                #expect(killed, "A build that finished must have swapped in its site")
                killedBeforeSwap += 1
                continue
            }
            // Not the previous site: then it must be the whole new one (killed after the swap,
            // while removing the previous site), never a mix.
            let reference = root.appendingPathComponent("reference-\(revision)")
            let (clean, _) = try Self.startBuild(binary, content, reference, extra: ["--no-incremental"])
            clean.waitUntilExit()
            let complete = try Self.snapshot(reference)
            let differing = Set(now.keys).union(complete.keys).filter { now[$0] != complete[$0] }
            #expect(
                differing.isEmpty,
                "Killed at \(fraction) of a build: \(differing.count) paths are neither old nor new, e.g. \(differing.sorted().prefix(5))"
            )
            expected = now
        }
        #expect(killedBeforeSwap >= 3, "Too few builds were killed mid-way to mean anything: \(killedBeforeSwap)")
        // The next build takes the lock (the kernel dropped it), removes what killed builds left
        // and gives exactly what a clean build gives.
        let (last, _) = try Self.startBuild(binary, content, site)
        last.waitUntilExit()
        #expect(last.terminationStatus == 0)
        let leftovers = try Self.leftovers(beside: site)
        #expect(leftovers.isEmpty, "\(leftovers)")
        let clean = root.appendingPathComponent("clean")
        let (reference, _) = try Self.startBuild(binary, content, clean, extra: ["--no-incremental"])
        reference.waitUntilExit()
        let final = try Self.snapshot(site), wanted = try Self.snapshot(clean)
        #expect(
            final == wanted,
            "\(Set(final.keys).union(wanted.keys).filter { final[$0] != wanted[$0] }.sorted().prefix(5))"
        )
    }

    @Test func aSecondBuildOnTheSameOutputFailsAtOnce() throws {
        let binary = try #require(Self.binary, "flowdoc must be built beside the tests (swift build --build-tests)")
        let root = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let content = root.appendingPathComponent("content"), site = root.appendingPathComponent("site")
        try Self.writeContent(at: content, pages: 300, revision: 1)
        let builds = try (0..<2).map { _ in try Self.startBuild(binary, content, site) }
        var statuses: [Int32] = []
        var messages: [String] = []
        for (process, pipe) in builds {
            let text = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            statuses.append(process.terminationStatus)
            messages.append(text)
        }
        #expect(statuses.sorted() == [0, 2], "One build wins, one fails: \(statuses) \(messages)")
        let loser = messages[statuses.firstIndex(of: 2) ?? 0]
        let winner = builds[statuses.firstIndex(of: 0) ?? 0].0.processIdentifier
        #expect(
            loser.contains(
                "another flowdoc build is writing to \(site.path) (pid \(winner)); wait for it or use another --output"
            ),
            "\(loser)"
        )
        let clean = root.appendingPathComponent("clean")
        let (reference, _) = try Self.startBuild(binary, content, clean)
        reference.waitUntilExit()
        let final = try Self.snapshot(site), wanted = try Self.snapshot(clean)
        #expect(
            final == wanted,
            "The winner's site is whole: \(Set(final.keys).union(wanted.keys).filter { final[$0] != wanted[$0] }.sorted().prefix(5))"
        )
    }

    @Test func theActionRefusesAnOutputWhoseLockIsHeld() async throws {
        let root = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let content = root.appendingPathComponent("content"), site = root.appendingPathComponent("site")
        try Self.writeContent(at: content, pages: 2, revision: 1)
        let lock = try BuildLock.acquire(for: site)
        await #expect(throws: BuildLockError.busy(output: site.path, pid: getpid())) {
            try await BuildAction(contentURL: content, outputURL: site, options: .init()).perform()
        }
        #expect(!FileManager.default.fileExists(atPath: site.path))
        lock.release()
        let result = try await BuildAction(contentURL: content, outputURL: site, options: .init()).perform()
        #expect(result.didWrite)
    }

    @Test func aBusyLockNamesItsHolderEvenBeforeTheHolderWroteItsID() throws {
        let root = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let site = root.appendingPathComponent("site")
        let lock = try BuildLock.acquire(for: site)
        defer { lock.release() }
        // The file still names an earlier build that has ended; the holder writes its id a moment later.
        @Sendable func overwriteLockFile(with text: String) throws {
            let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: lock.path))
            defer { try? handle.close() }
            try handle.truncate(atOffset: 0)
            try handle.write(contentsOf: Data(text.utf8))
        }
        try overwriteLockFile(with: "2147483646\n")
        let ownID = "\(getpid())\n"
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.1) { try? overwriteLockFile(with: ownID) }
        #expect(throws: BuildLockError.busy(output: site.path, pid: getpid())) { try BuildLock.acquire(for: site) }
    }
}
