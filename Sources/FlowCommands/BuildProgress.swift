import FlowHTML
import Foundation
import Synchronization

/// The one updating line a build shows on a terminal: pages done of the total, drawn at most
/// ten times a second and only once the build has taken more than a second.
final class BuildProgress: Sendable {
    private let started: ContinuousClock.Instant
    /// How long a build runs before the line appears.
    private let delay: Duration
    /// Where the line is written: standard error, or a test's buffer.
    private let write: @Sendable (String) -> Void
    /// When the line was last drawn, and whether it is on screen.
    private let state = Mutex<(drawn: ContinuousClock.Instant?, visible: Bool)>((nil, false))

    /// A progress line for a build that started at `started`.
    ///
    /// - Parameters:
    ///   - delay: How long the build runs before the line appears (one second).
    ///   - write: Where the line goes (standard error).
    init(
        started: ContinuousClock.Instant,
        delay: Duration = .seconds(1),
        write: @escaping @Sendable (String) -> Void = { Console.error($0) }
    ) {
        self.started = started
        self.delay = delay
        self.write = write
    }

    /// Redraws the line with `done` of `total` pages, unless it was drawn less than 0.1 s ago
    /// (the last page is always drawn).
    func update(done: Int, total: Int, at now: ContinuousClock.Instant = .now) {
        guard now - started >= delay else { return }
        let draw = state.withLock { state -> Bool in
            if let drawn = state.drawn, now - drawn < .milliseconds(100), done < total { return false }
            state = (now, true)
            return true
        }
        if draw { write("\r\u{1B}[KBuilding pages: \(done) of \(total)") }
    }

    /// Removes the progress line, if shown.
    func clear() {
        if state.withLock({ $0.visible }) { write("\r\u{1B}[K") }
    }

    /// The line that ends a build on a terminal: pages, files, pages reused, output and time.
    func summary(_ report: SiteBuilder.Report, seconds: Double, output: String) -> String {
        let time = String(format: "%.2f", seconds)
        let reused = report.pageCount - report.renderedPages
        return
            "Built \(report.pageCount) pages (\(report.fileCount) files, \(reused) reused) into \(output) in \(time) s\n"
    }
}
