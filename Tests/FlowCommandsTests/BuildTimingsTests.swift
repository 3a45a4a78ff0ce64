import FlowTestSupport
import Foundation
import Testing

@testable import FlowCommands
@testable import FlowHTML

/// What `flowdoc build --verbose` says of each step: its time, and what the caches spared.
@Suite struct BuildTimingsTests {
    static let timings = BuildTimings(load: .milliseconds(56), check: .microseconds(12_400), site: .seconds(1.5))

    /// A rebuild, a first build, and a build stopped by errors (no site built).
    static let cases: [(pages: Int, parsed: Int, report: SiteBuilder.Report?, lines: [String])] = [
        (
            10, 1, SiteBuilder.Report(pageCount: 9, fileCount: 20, renderedPages: 1),
            [
                "Read 10 pages in 0.056 s (1 parsed, 9 unchanged since the last build)",
                "Checked them in 0.012 s",
                "Built the site in 1.500 s (1 page rendered, 8 reused, 20 files)",
            ]
        ),
        (
            1, 1, SiteBuilder.Report(pageCount: 1, fileCount: 1, renderedPages: 1),
            [
                "Read 1 page in 0.056 s (all parsed)", "Checked them in 0.012 s",
                "Built the site in 1.500 s (1 page rendered, 0 reused, 1 file)",
            ]
        ),
        (3, 3, nil, ["Read 3 pages in 0.056 s (all parsed)", "Checked them in 0.012 s"]),
    ]

    @Test(arguments: cases.indices)
    func saysWhatWasReadParsedRenderedAndReused(index: Int) {
        let (pages, parsed, report, lines) = Self.cases[index]
        #expect(Self.timings.lines(pages: pages, parsed: parsed, report: report) == lines)
    }

    /// The binary prints the lines on standard error with `--verbose`, and none without.
    @Test func theBinaryPrintsThemWithVerboseOnly() throws {
        let binary = try #require(BuildFaultTests.binary, "flowdoc must be built beside the tests")
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let content = Fixtures.url("seed/content").path
        let site = folder.appendingPathComponent("site").path
        func build(_ flags: [String]) throws -> String {
            let process = Process()
            process.executableURL = binary
            process.arguments = ["build", content, "--output", site] + flags
            let errors = Pipe()
            process.standardError = errors
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            #expect(process.terminationStatus == 0, "\(message)")
            return message
        }
        let first = try build(["--verbose"])
        #expect(first.contains("(all parsed)\nChecked them in "), "\(first)")
        #expect(first.contains("Built the site in "))
        let again = try build(["--verbose"])
        #expect(again.contains("(0 parsed, "), "\(again)")
        #expect(again.contains("(0 pages rendered, "))
        #expect(!(try build([])).contains("Checked them in"))
    }
}
