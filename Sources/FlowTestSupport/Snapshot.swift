import Foundation

/// Golden-file comparison: `Snapshots/<name>` next to the test file.
///
/// With the environment variable `RECORD_SNAPSHOTS` set, the snapshot is written and the
/// comparison reports a failure, so that a recording run never passes by accident.
public enum Snapshot {
    /// The outcome of comparing text with its snapshot.
    public enum Outcome: Equatable, Sendable {
        case matches
        case recorded(path: String)
        case differs(expected: String, firstDifferentLine: Int)
        case missing(path: String)
    }

    /// Compares `actual` with `Snapshots/<name>` next to `testFile`.
    public static func compare(_ actual: String, named name: String, testFile: String = #filePath) -> Outcome {
        let url = URL(fileURLWithPath: testFile).deletingLastPathComponent()
            .appendingPathComponent("Snapshots").appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] != nil {
            try? FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(),
                withIntermediateDirectories: true
            )
            try? Data(actual.utf8).write(to: url)
            return .recorded(path: url.path)
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else { return .missing(path: url.path) }
        if expected == actual { return .matches }
        let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let line =
            zip(expectedLines, actualLines).enumerated().first { $0.element.0 != $0.element.1 }?.offset
            ?? min(expectedLines.count, actualLines.count)
        return .differs(expected: expected, firstDifferentLine: line + 1)
    }
}
