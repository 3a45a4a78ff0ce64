import FlowCore
import FlowModel
import Synchronization

/// Parse results kept from one load of a content folder to the next, so that only the pages
/// whose bytes changed are parsed again.
///
/// The preview server loads the content after every save; with a cache, a save costs reading
/// and hashing every page but parsing only the edited one. A page's result is reused when its
/// path and the digest of its bytes (``FlowCore/StableHasher``) are those of the previous load
/// and the loader's ``ParseOptions`` are the same; other options empty the cache. Pages that
/// are gone from the folder are forgotten at the end of each load.
public final class ParseCache: Sendable {
    /// One page's parse result.
    struct Entry: Sendable {
        var digest: UInt64
        var flow: Flow?
        var diagnostics: [Diagnostic]
    }

    private struct State {
        var options: ParseOptions?
        var entries: [String: Entry] = [:]
        var reused = 0
        var parsed = 0
    }

    private let state = Mutex(State())

    /// Creates an empty cache.
    public init() {}

    /// How many pages the last load took from the cache, and how many it parsed.
    public var lastLoad: (reused: Int, parsed: Int) {
        state.withLock { ($0.reused, $0.parsed) }
    }

    /// Starts a load with `options`: forgets every result parsed with other options.
    func begin(options: ParseOptions) {
        state.withLock { state in
            if state.options != options { state.entries = [:] }
            state.options = options
            state.reused = 0
            state.parsed = 0
        }
    }

    /// The result kept for the page at `path` when its bytes still have `digest`.
    func entry(for path: String, digest: UInt64) -> Entry? {
        state.withLock { state in
            guard let entry = state.entries[path], entry.digest == digest else { return nil }
            state.reused += 1
            return entry
        }
    }

    /// Keeps the result of parsing the page at `path`.
    func store(_ entry: Entry, for path: String) {
        state.withLock { state in
            state.entries[path] = entry
            state.parsed += 1
        }
    }

    /// Forgets the pages that are not in `paths`, the pages of the load that just ended.
    func keepOnly(_ paths: Set<String>) {
        state.withLock { state in
            state.entries = state.entries.filter { paths.contains($0.key) }
        }
    }
}
