import FlowCore
import FlowModel
import FlowParser
import FlowTestSupport
import Foundation

/// Helpers shared by the hostile-input suites.
enum Hostile {
    /// Writes `files` (path relative to the folder: bytes) into a new temporary folder.
    static func contentFolder(_ files: [String: [UInt8]]) throws -> URL {
        let root = try Fixtures.temporaryFolder()
        for (path, bytes) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(),
                withIntermediateDirectories: true
            )
            try Data(bytes).write(to: url)
        }
        return root
    }

    /// Loads `files` as a content folder.
    static func load(_ files: [String: [UInt8]]) async throws -> ContentSet {
        try await ContentLoader().load(from: contentFolder(files))
    }

    /// Runs `body` on a thread with a small stack, so that any recursion as deep as the input
    /// (thousands of levels) crashes the test instead of passing unnoticed on a big main stack.
    ///
    /// 4 MiB is plenty for the 64 levels the converter keeps (and for AddressSanitizer's larger
    /// frames) and far too little for 10,000 levels of synthesized `Hashable`, `Codable` or `deinit`.
    static func onSmallStack<T: Sendable>(_ body: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            let thread = Thread {
                continuation.resume(returning: body())
            }
            thread.stackSize = 4 << 20
            thread.start()
        }
    }

    /// Exercises everything that walks a whole model value: hashing, equality, encoding, decoding.
    ///
    /// - Returns: Whether the flow survives a JSON round trip unchanged.
    static func roundTrips(_ flow: Flow) -> Bool {
        var hasher = Hasher()
        hasher.combine(flow)
        _ = hasher.finalize()
        guard let data = try? JSONEncoder().encode(flow), let decoded = try? JSONDecoder().decode(Flow.self, from: data)
        else {
            return false
        }
        return decoded == flow
    }

    /// Every diagnostic's ID.
    static func ids(_ diagnostics: [Diagnostic]) -> [String] { diagnostics.map(\.id) }
}

extension Array where Element == UInt8 {
    /// `count` pseudo-random bytes from a fixed seed, about a quarter of them NUL.
    static func binaryNoise(count: Int) -> [UInt8] {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        return (0..<count).map { _ in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let byte = UInt8(truncatingIfNeeded: state >> 56)
            return byte < 64 ? 0 : byte
        }
    }
}
