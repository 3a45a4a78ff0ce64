public import Foundation

/// The previous build's manifest, read ahead of the site build: a build that reads it while its
/// pages are checked, on a core the check leaves idle, does not wait for it later
/// (``SiteBuilder/previousBuild``).
///
/// Read without knowing the new build's key (which depends on the checked content); the
/// builder uses it only when the keys agree, and else builds as without a manifest.
public struct PreviousBuild: Sendable {
    let cache: BuildCache?

    /// Reads the manifest kept beside the output folder `output`.
    public static func read(for output: URL) -> PreviousBuild {
        PreviousBuild(cache: BuildCache.read(for: output))
    }

    /// The manifest, if it was written under `key`; else an empty one.
    func cache(for key: UInt64) -> BuildCache {
        guard let cache, cache.key == key else { return BuildCache(key: key) }
        return cache
    }
}

extension SiteBuilder {
    /// The previous build's manifest under `key`: the one read ahead, else read now; empty for
    /// a build that is not incremental.
    static func previousCache(
        for output: URL,
        key: UInt64,
        incremental: Bool,
        readAhead: Task<PreviousBuild, Never>?
    ) async -> BuildCache {
        guard incremental else { return BuildCache(key: key) }
        guard let readAhead else { return BuildCache.load(for: output, key: key) }
        return await readAhead.value.cache(for: key)
    }
}
