import FlowHTML
import FlowTestSupport
import Foundation
import Testing

@testable import FlowCommands

#if canImport(Glibc)
    import Glibc
#endif

/// Full and read-only disks, and an output path through a file: a clear error, the previous site kept.
extension BuildFaultTests {
    /// Runs `mount` with `arguments`; `true` when it succeeded.
    @discardableResult
    static func mount(_ arguments: [String]) -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/mount")
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }

    static func unmount(_ folder: URL) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/umount")
        process.arguments = [folder.path]
        try? process.run()
        process.waitUntilExit()
    }

    /// Whether this machine lets the tests mount a tmpfs (root with CAP_SYS_ADMIN); permission
    /// bits can't stand in, because root writes through them.
    static let canMount: Bool = {
        guard getuid() == 0, let folder = try? Fixtures.temporaryFolder() else { return false }
        defer { try? FileManager.default.removeItem(at: folder) }
        guard mount(["-t", "tmpfs", "-o", "size=64k", "tmpfs", folder.path]) else { return false }
        unmount(folder)
        return true
    }()

    @Test(.enabled(if: canMount, "needs to mount a tmpfs"))
    func aFullDiskGivesAClearErrorAndLeavesThePreviousSite() async throws {
        let root = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let content = root.appendingPathComponent("content"), disk = root.appendingPathComponent("disk")
        try Self.writeContent(at: content, pages: 3, revision: 1)
        try FileManager.default.createDirectory(at: disk, withIntermediateDirectories: true)
        try #require(Self.mount(["-t", "tmpfs", "-o", "size=1m", "tmpfs", disk.path]))
        defer { Self.unmount(disk) }
        let site = disk.appendingPathComponent("site")
        let action = BuildAction(contentURL: content, outputURL: site, options: .init())
        #expect(try await action.perform().didWrite)
        let before = try Self.snapshot(site)
        let image = content.appendingPathComponent("images/big.png")
        try FileManager.default.createDirectory(
            at: image.deletingLastPathComponent(),
            withIntermediateDirectories: true
        )
        try Data(repeating: 7, count: 2 << 20).write(to: image)
        let error = await #expect(throws: BuildFailure.self) { try await action.perform() }
        let message = "\(error.map { $0 as any Error } ?? CancellationError())"
        #expect(
            message.contains("No space left on device") && message.contains("the previous site was left as it was"),
            "\(message)"
        )
        #expect(try Self.snapshot(site) == before, "The previous site changed")
        #expect(try Self.leftovers(beside: site).isEmpty, "The staging folder is removed, freeing the space")
        try FileManager.default.removeItem(at: image)
        #expect(try await action.perform().didWrite, "The lock was released and the disk has room again")
    }

    @Test(.enabled(if: canMount, "needs to mount a read-only bind"))
    func aReadOnlyOutputGivesAClearErrorAndLeavesThePreviousSite() async throws {
        let root = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let content = root.appendingPathComponent("content"), writable = root.appendingPathComponent("writable")
        let readOnly = root.appendingPathComponent("read-only")
        try Self.writeContent(at: content, pages: 3, revision: 1)
        try FileManager.default.createDirectory(at: readOnly, withIntermediateDirectories: true)
        #expect(
            try await BuildAction(
                contentURL: content,
                outputURL: writable.appendingPathComponent("site"),
                options: .init()
            ).perform().didWrite
        )
        try #require(Self.mount(["--bind", writable.path, readOnly.path]))
        defer { Self.unmount(readOnly) }
        try #require(Self.mount(["-o", "remount,bind,ro", readOnly.path]))
        let site = readOnly.appendingPathComponent("site")
        let before = try Self.snapshot(site)
        try Self.writeContent(at: content, pages: 3, revision: 2)
        let error = await #expect(throws: (any Error).self) {
            try await BuildAction(contentURL: content, outputURL: site, options: .init()).perform()
        }
        let message = "\(error.map { $0 as any Error } ?? CancellationError())"
        #expect(message.contains("Read-only file system") && message.contains(site.path), "\(message)")
        #expect(try Self.snapshot(site) == before, "The previous site changed")
    }

    @Test func anOutputBelowAFileGivesAClearError() async throws {
        let root = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let content = root.appendingPathComponent("content"), file = root.appendingPathComponent("file")
        try Self.writeContent(at: content, pages: 2, revision: 1)
        try Data("not a folder".utf8).write(to: file)
        let site = file.appendingPathComponent("site")
        let error = await #expect(throws: (any Error).self) {
            try await BuildAction(contentURL: content, outputURL: site, options: .init()).perform()
        }
        let message = "\(error.map { $0 as any Error } ?? CancellationError())"
        #expect(message.contains(file.path) && message.contains("Not a directory"), "\(message)")
        #expect(try String(contentsOf: file, encoding: .utf8) == "not a folder")
    }
}
