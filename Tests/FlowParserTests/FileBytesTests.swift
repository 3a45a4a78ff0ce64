import FlowCore
import FlowTestSupport
import Foundation
import Testing

/// ``FileBytes`` gives what `Data(contentsOf:)` gave, or `nil` where that threw.
@Suite struct FileBytesTests {
    @Test(arguments: [0, 1, 4095, 4096, 4097, 300_000])
    func readsEveryByteOfAFile(size: Int) throws {
        let root = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let url = root.appendingPathComponent("page.md")
        let bytes = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
        try Data(bytes).write(to: url)
        #expect(FileBytes.read(atPath: url.path) == bytes)
    }

    /// A file larger than `fstat` said (a `/proc` file reports a size of 0) is read to its end.
    @Test func readsAFileLongerThanItsReportedSize() throws {
        let read = try #require(FileBytes.read(atPath: "/proc/self/maps"))
        #expect(read.count > 1)
        #expect(read.last == UInt8(ascii: "\n"))
        let status = try #require(FileBytes.read(atPath: "/proc/self/status"))
        #expect(String(decoding: status, as: UTF8.self).hasPrefix("Name:"))
    }

    @Test func givesNothingForAFolderOrAMissingFile() throws {
        let root = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(FileBytes.read(atPath: root.path) == nil)
        #expect(FileBytes.read(atPath: root.appendingPathComponent("missing.md").path) == nil)
    }

    @Test func readsThroughASymbolicLink() throws {
        let root = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let target = root.appendingPathComponent("target.md")
        try Data("# Title\n".utf8).write(to: target)
        let link = root.appendingPathComponent("link.md")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: target)
        #expect(FileBytes.read(atPath: link.path) == Array("# Title\n".utf8))
    }
}
