import Synchronization

/// The path of a source file, interned for the life of the process: four bytes that copy
/// without reference counting.
///
/// A model holds hundreds of ``SourceRange``s a page, all naming the same file. Storing the
/// path as a `String` in each made every range 16 bytes larger and every copy of a range a
/// reference count; a `SourceFile` is an index into one table of paths shared by all tasks.
/// Two `SourceFile`s are equal exactly when their paths are; their order is not the paths'
/// (compare ``path``).
public struct SourceFile: Sendable, Hashable, CustomStringConvertible {
    private let index: UInt32

    /// The file with no path, for text that did not come from a file.
    public static let none = SourceFile(index: 0)

    private init(index: UInt32) {
        self.index = index
    }

    /// The file at `path`, relative to the content folder.
    public init(_ path: String) {
        self.index = path.isEmpty ? 0 : SourceFileTable.shared.index(of: path)
    }

    /// The path, relative to the content folder; empty for ``none``.
    public var path: String {
        index == 0 ? "" : SourceFileTable.shared.path(at: index)
    }

    public var description: String { path }
}

/// Every path interned so far, by index (index 0 is the empty path).
///
/// Paths are never removed: a process reads a bounded set of files.
private final class SourceFileTable: Sendable {
    static let shared = SourceFileTable()

    private struct State {
        var paths: [String] = [""]
        var indexByPath: [String: UInt32] = ["": 0]
    }

    private let state = Mutex(State())

    func index(of path: String) -> UInt32 {
        state.withLock { state in
            if let index = state.indexByPath[path] { return index }
            guard let index = UInt32(exactly: state.paths.count) else {
                fatalError("more than \(UInt32.max) source files in one process")
            }
            state.paths.append(path)
            state.indexByPath[path] = index
            return index
        }
    }

    func path(at index: UInt32) -> String {
        state.withLock { $0.paths[Int(index)] }
    }
}
