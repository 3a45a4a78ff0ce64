import Synchronization

/// The open server-sent-event streams of `/__flowdoc/events`, and a way to send to all of them.
///
/// Each subscriber gets an `AsyncStream` of ready-made event texts. Sending never waits for a
/// slow reader: each stream buffers its newest few events and drops older ones.
final class ReloadHub: Sendable {
    private struct State {
        var nextID = 0
        var continuations: [Int: AsyncStream<String>.Continuation] = [:]
    }

    private let state = Mutex(State())

    /// The number of open streams.
    var subscriberCount: Int { state.withLock { $0.continuations.count } }

    /// Opens a stream; close it with ``finish(_:)``.
    ///
    /// - Returns: The subscriber's identifier and its stream of event texts.
    func subscribe() -> (id: Int, events: AsyncStream<String>) {
        let (stream, continuation) = AsyncStream.makeStream(of: String.self, bufferingPolicy: .bufferingNewest(8))
        let id = state.withLock { state in
            state.nextID += 1
            state.continuations[state.nextID] = continuation
            return state.nextID
        }
        return (id, stream)
    }

    /// Ends the stream of subscriber `id`, if it is still open.
    func finish(_ id: Int) {
        let continuation = state.withLock { $0.continuations.removeValue(forKey: id) }
        continuation?.finish()
    }

    /// Ends every stream (used when the server stops).
    func finishAll() {
        let all = state.withLock { state in
            defer { state.continuations = [:] }
            return Array(state.continuations.values)
        }
        for continuation in all { continuation.finish() }
    }

    /// Sends one event to every open stream.
    ///
    /// - Parameters:
    ///   - name: The event name (`reload`).
    ///   - data: The event's data, one line.
    func send(_ name: String, data: String) {
        let text = Self.event(name, data: data)
        let all = state.withLock { Array($0.continuations.values) }
        for continuation in all { continuation.yield(text) }
    }

    /// The wire form of one event: `event: NAME`, `data: DATA`, a blank line.
    static func event(_ name: String, data: String) -> String {
        let line = data.split(whereSeparator: \.isNewline).joined(separator: " ")
        return "event: \(name)\ndata: \(line)\n\n"
    }
}
