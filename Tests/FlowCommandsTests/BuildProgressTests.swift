import Foundation
import Synchronization
import Testing

@testable import FlowCommands
@testable import FlowHTML

/// The progress line of a build on a terminal: drawn only after the delay, at most ten times a
/// second but always for the last page, and removed at the end.
struct BuildProgressTests {
    /// Collects what a progress line writes.
    final class Screen: Sendable {
        let written = Mutex<[String]>([])
        func write(_ text: String) { written.withLock { $0.append(text) } }
        var text: [String] { written.withLock { $0 } }
    }

    @Test func nothingIsDrawnBeforeTheDelay() {
        let screen = Screen()
        let progress = BuildProgress(started: .now, delay: .seconds(60), write: screen.write)
        progress.update(done: 1, total: 2)
        progress.update(done: 2, total: 2)
        progress.clear()
        #expect(screen.text.isEmpty)
    }

    @Test func lineAppearsAfterTheDelayThrottledButTheLastPageIsAlwaysDrawn() {
        let screen = Screen()
        let start = ContinuousClock.now
        let progress = BuildProgress(started: start, delay: .seconds(1), write: screen.write)
        progress.update(done: 1, total: 4, at: start + .milliseconds(500))
        progress.update(done: 2, total: 4, at: start + .milliseconds(1000))
        progress.update(done: 3, total: 4, at: start + .milliseconds(1050))
        progress.update(done: 4, total: 4, at: start + .milliseconds(1060))
        progress.clear()
        #expect(
            screen.text == [
                "\r\u{1B}[KBuilding pages: 2 of 4", "\r\u{1B}[KBuilding pages: 4 of 4", "\r\u{1B}[K",
            ]
        )
    }

    @Test func summaryNamesPagesFilesReusedPagesAndTime() {
        let progress = BuildProgress(started: .now, write: { _ in })
        let report = SiteBuilder.Report(pageCount: 10, fileCount: 25, renderedPages: 3)
        #expect(
            progress.summary(report, seconds: 1.234, output: "site")
                == "Built 10 pages (25 files, 7 reused) into site in 1.23 s\n"
        )
    }
}
