import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Keeps large values (the loaded content) alive until the process exits.
///
/// Freeing a 10,000-page model takes a tenth of a second or more of `flowdoc check` and
/// `flowdoc export`, only to hand the memory back a moment before the process ends anyway.
/// Commands call ``keep(_:)``, but it keeps values only once ``enable()`` was called, which only
/// ``FlowdocCommand/runFromCommandLine()`` does: the `flowdoc` process ends when its command does.
/// Actions run in-process (the tests, a library user) free their values as usual, so a long-lived
/// process never piles up models. A process with LeakSanitizer (an AddressSanitizer build) keeps
/// nothing either: the leak checker would report kept values as leaks, since it can't follow a
/// pointer that Swift stores with an enum's case tag in its spare bits, as it does for the boxed
/// cases of the model's enums.
enum KeepAlive {
    private struct State {
        var isEnabled = false
        var values: [any Sendable] = []
    }

    private static let state = Mutex(State())

    /// Makes ``keep(_:)`` keep its values from now until the process exits, unless a leak checker runs.
    static func enable() {
        guard !hasLeakChecker else { return }
        state.withLock { $0.isEnabled = true }
    }

    /// Whether LeakSanitizer's runtime is in the process (it defines `__lsan_do_leak_check`).
    static var hasLeakChecker: Bool {
        guard let process = dlopen(nil, RTLD_NOW) else { return false }
        defer { dlclose(process) }
        return dlsym(process, "__lsan_do_leak_check") != nil
    }

    /// Keeps `value` alive until the process exits, if ``enable()`` was called; otherwise does nothing.
    static func keep(_ value: any Sendable) {
        state.withLock { state in
            if state.isEnabled { state.values.append(value) }
        }
    }
}
