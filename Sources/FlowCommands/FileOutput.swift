import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Writing files so that a reader never sees half of one.
enum FileOutput {
    /// Writes `data` to a temporary file next to `url`, then renames it over `url`.
    static func writeAtomically(_ data: Data, to url: URL) throws {
        do {
            try data.write(to: url, options: .atomic)
        } catch {
            throw ValidationFailure("can't write \(url.path): \(error.localizedDescription)")
        }
    }
}

extension FileOutput {
    /// Writes the bytes `body` hands to its argument to a temporary file next to `url`, then
    /// renames it over `url`; on an error the temporary file is removed and `url` is untouched.
    static func writeAtomically(to url: URL, _ body: (_ append: ([UInt8]) throws -> Void) throws -> Void) throws {
        let temporary = url.deletingLastPathComponent().appendingPathComponent(
            ".\(url.lastPathComponent).flowdoc-\(ProcessInfo.processInfo.processIdentifier).tmp"
        )
        guard FileManager.default.createFile(atPath: temporary.path, contents: nil) else {
            throw ValidationFailure("can't write \(url.path): can't create \(temporary.path)")
        }
        do {
            let handle = try FileHandle(forWritingTo: temporary)
            defer { try? handle.close() }
            try body { try handle.write(contentsOf: $0) }
            try handle.synchronize()
            guard rename(temporary.path, url.path) == 0 else {
                throw ValidationFailure("can't write \(url.path): \(String(cString: strerror(errno)))")
            }
        } catch let failure as ValidationFailure {
            try? FileManager.default.removeItem(at: temporary)
            throw failure
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw ValidationFailure("can't write \(url.path): \(error.localizedDescription)")
        }
    }
}

/// A failure of the environment (a file that can't be written or read), reported with exit code 2.
struct ValidationFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
