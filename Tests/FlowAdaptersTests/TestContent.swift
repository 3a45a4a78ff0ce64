import FlowModel
import FlowParser
import FlowTestSupport
import Foundation
import Testing

/// Content for the adapter tests: the seed fixture, or pages written inline.
enum TestContent {
    /// `Tests/Fixtures/seed/content`, loaded.
    static func seed() async throws -> ContentSet {
        try await ContentLoader().load(from: Fixtures.url("seed/content"))
    }

    /// A content set of pages given as `(path, markdown)`.
    static func pages(_ pages: [(String, String)]) -> ContentSet {
        let flows = pages.map { PageParser().parse($0.1, source: $0.0).0 }.sorted { $0.source < $1.source }
        return ContentSet(flows: flows, assets: [], product: nil, diagnostics: [])
    }

    /// Writes `text` to a new temporary file named `name` and returns its path.
    static func temporaryFile(named name: String, text: String) throws -> URL {
        let url = try Fixtures.temporaryFolder().appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url
    }
}

/// Runs a command-line tool found on `PATH`, for checks by an independent implementation.
enum ExternalTool {
    /// The full path of `name` on `PATH`, or `nil`.
    static func find(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/\(name)" }.first {
            FileManager.default.isExecutableFile(atPath: $0)
        }
    }

    /// Runs `executable` with `arguments` and `input` on standard input.
    ///
    /// - Returns: The exit status, standard output and standard error.
    static func run(_ executable: String, _ arguments: [String], input: String) throws -> (
        status: Int32, output: String, error: String
    ) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let stdin = Pipe()
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        let errorData = stderr.fileHandleForReading.readDataToEndOfFile()
        let outputData = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (
            process.terminationStatus, String(decoding: outputData, as: UTF8.self),
            String(decoding: errorData, as: UTF8.self)
        )
    }
}
