import Synchronization

/// Keeps large values (the loaded content) alive until the process exits.
///
/// Freeing a 10,000-page model takes a tenth of a second or more of `flowdoc check` and
/// `flowdoc export`, only to hand the memory back a moment before the process ends anyway.
/// Commands call ``keep(_:)``, but it keeps values only once ``enable()`` was called, which only
/// ``FlowdocCommand/runFromCommandLine()`` does: the `flowdoc` process ends when its command does.
/// Actions run in-process (the tests, a library user) free their values as usual, so a long-lived
/// process never piles up models, and LeakSanitizer has nothing to report at exit. (It would report
/// kept values as leaks: it can't follow a pointer that Swift stores with an enum's case tag in its
/// spare bits, as it does for the cases of the model's indirect enums.)
enum KeepAlive {
    private struct State {
        var isEnabled = false
        var values: [any Sendable] = []
    }

    private static let state = Mutex(State())

    /// Makes ``keep(_:)`` keep its values from now until the process exits.
    static func enable() {
        state.withLock { $0.isEnabled = true }
    }

    /// Keeps `value` alive until the process exits, if ``enable()`` was called; otherwise does nothing.
    static func keep(_ value: any Sendable) {
        state.withLock { state in
            if state.isEnabled { state.values.append(value) }
        }
    }
}
