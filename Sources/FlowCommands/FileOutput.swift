import Foundation

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

/// A failure of the environment (a file that can't be written or read), reported with exit code 2.
struct ValidationFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
