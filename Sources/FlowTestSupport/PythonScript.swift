import Foundation

/// Runs one of the repository's Python helper scripts, for tests that need an independent checker.
public enum PythonScript {
    /// What a script printed and how it exited.
    public struct Result: Sendable {
        public var status: Int32
        public var output: String
    }

    /// Runs `scripts/<name>` from the package root with `python3` and waits for it.
    ///
    /// - Parameters:
    ///   - script: The script's path relative to the package root.
    ///   - arguments: The script's arguments.
    /// - Returns: The exit status and the combined standard output and error.
    public static func run(_ script: String, arguments: [String]) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", Fixtures.packageRoot.appendingPathComponent(script).path] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, output: String(decoding: data, as: UTF8.self))
    }
}
