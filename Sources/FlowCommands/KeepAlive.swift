import Foundation

/// Keeps large values (the loaded content) alive until the process exits.
///
/// Freeing a 10,000-page model takes a tenth of a second or more of `flowdoc check` and
/// `flowdoc export`, only to hand the memory back a moment before the process ends anyway.
/// Commands that end the process call ``keep(_:)``; tests that run actions in-process keep
/// a few models around, which is harmless.
enum KeepAlive {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var values: [Any] = []

    static func keep(_ value: Any) {
        lock.lock()
        defer { lock.unlock() }
        values.append(value)
    }
}
