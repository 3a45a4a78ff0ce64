import FlowCheck
import Foundation

/// Creates a new help center in a folder: the work of `flowdoc init`, callable from tests.
///
/// Writes the files of ``StarterSite``. Nothing is overwritten: when any of those files
/// already exists, the action writes nothing and throws ``InitConflictError`` naming them all.
/// An existing `.gitignore` is the one exception: the lines flowdoc needs are appended to it
/// when missing, and the rest of it is kept as it was.
struct InitAction {
    /// What `init` did.
    struct Result: Equatable {
        /// The files created, relative to the folder.
        var created: [String]
        /// Existing files that were added to (only `.gitignore`).
        var appended: [String]
    }

    /// The folder to create the help center in; created when missing.
    var directory: URL
    /// The date written to `updated:` in the pages.
    var today = CalendarDate.today()

    /// Writes the starter files.
    ///
    /// - Returns: The files created and appended to.
    /// - Throws: ``InitConflictError`` when a file exists (nothing is written then), or the
    ///   error of a file that can't be written.
    func perform() throws -> Result {
        let manager = FileManager.default
        let files = StarterSite.files(updated: today.description)
        let conflicts = files.map(\.path).filter { path in
            path != ".gitignore" && manager.fileExists(atPath: directory.appendingPathComponent(path).path)
        }
        guard conflicts.isEmpty else { throw InitConflictError(directory: directory.path, paths: conflicts) }

        var result = Result(created: [], appended: [])
        for file in files {
            let url = directory.appendingPathComponent(file.path)
            if file.path == ".gitignore", manager.fileExists(atPath: url.path) {
                if try appendMissingLines(to: url) { result.appended.append(file.path) }
                continue
            }
            try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            // `.withoutOverwriting` closes the gap between the check above and the write.
            do {
                try Data(file.contents.utf8).write(to: url, options: .withoutOverwriting)
            } catch {
                throw ValidationFailure("can't write \(url.path): \(error.localizedDescription)")
            }
            result.created.append(file.path)
        }
        return result
    }

    /// Appends the lines of ``StarterSite/gitignoreLines`` that `url` lacks.
    ///
    /// - Returns: Whether anything was appended.
    private func appendMissingLines(to url: URL) throws -> Bool {
        let existing = String(decoding: try Data(contentsOf: url), as: UTF8.self)
        let lines = Set(existing.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) })
        let missing = StarterSite.gitignoreLines.filter { !lines.contains($0) && !lines.contains("/" + $0) }
        guard !missing.isEmpty else { return false }
        let separator = existing.isEmpty || existing.hasSuffix("\n") ? "" : "\n"
        let addition = separator + "\n# Written by flowdoc build\n" + missing.joined(separator: "\n") + "\n"
        let handle = try FileHandle(forWritingTo: url)
        defer { try? handle.close() }
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(addition.utf8))
        return true
    }
}

/// `flowdoc init` found files it would overwrite.
struct InitConflictError: Error, CustomStringConvertible {
    var directory: String
    /// The files that exist, relative to ``directory``.
    var paths: [String]

    var description: String {
        "refusing to overwrite \(paths.count) existing file\(paths.count == 1 ? "" : "s") in \(directory); nothing was written:\n"
            + paths.map { "  \($0)" }.joined(separator: "\n")
    }
}
