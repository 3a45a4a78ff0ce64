import FlowTestSupport
import Foundation
import Testing

/// A `flowdoc` binary copied on its own into another folder, as an installation does, builds a
/// whole site: its theme and schema are compiled in, no resource folder is needed beside it.
struct InstalledBinaryTests {
    @Test func binaryAloneBuildsASite() throws {
        let built = try #require(
            BuildFaultTests.binary,
            "flowdoc must be built beside the tests (swift build --build-tests)"
        )
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let installed = folder.appendingPathComponent("bin/flowdoc")
        try FileManager.default.createDirectory(
            at: installed.deletingLastPathComponent(),
            withIntermediateDirectories: true
        )
        try FileManager.default.copyItem(at: built, to: installed)
        let site = folder.appendingPathComponent("site")

        let process = Process()
        process.executableURL = installed
        process.arguments = ["build", Fixtures.url("seed/content").path, "--output", site.path, "--quiet"]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)

        #expect(process.terminationStatus == 0, "\(message)")
        let css = try String(contentsOf: site.appendingPathComponent("assets/flowdoc.css"), encoding: .utf8)
        #expect(css.contains(".step"))
        let schema = try Data(contentsOf: site.appendingPathComponent("flowdoc-export.schema.json"))
        let shipped = Fixtures.packageRoot.appendingPathComponent(
            "Sources/FlowJSON/Resources/flowdoc-export.schema.json"
        )
        #expect(schema == (try Data(contentsOf: shipped)))
        let index = try String(contentsOf: site.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(index.contains("<link rel=\"stylesheet\""))
    }
}
