public import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The lock that lets one build at a time write to an output folder.
///
/// The lock is an `flock(2)` on `.<output>.flowdoc-lock` beside the output folder, taken
/// without waiting: a second build on the same output fails at once with
/// ``BuildLockError/busy(output:pid:)`` instead of writing alongside the first. The kernel
/// drops the lock when the process ends, however it ends (`SIGKILL` included), so a killed
/// build never leaves a stale lock behind. The file itself stays; it holds the process id of
/// the build that holds the lock, for the message.
public final class BuildLock: Sendable {
    /// The lock file.
    public let path: String
    private let descriptor: Mutex<Int32>

    private init(path: String, descriptor: Int32) {
        self.path = path
        self.descriptor = Mutex(descriptor)
    }

    deinit { release() }

    /// The lock file of `output`: `.<name>.flowdoc-lock` in the same folder.
    public static func fileURL(for output: URL) -> URL {
        output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).flowdoc-lock")
    }

    /// Takes the lock of `output`, creating the folder that holds it when missing.
    ///
    /// - Parameter output: The output folder.
    /// - Returns: The held lock; it is released by ``release()`` or when the value goes away.
    /// - Throws: ``BuildLockError/busy(output:pid:)`` when another process holds it;
    ///   ``BuildLockError/unavailable(path:reason:)`` when the lock file can't be created.
    public static func acquire(for output: URL) throws -> BuildLock {
        let url = fileURL(for: output)
        let folder = url.deletingLastPathComponent().path
        if let (path, reason) = SiteWriter.makeFolders(folder) {
            throw BuildLockError.unavailable(
                path: path,
                reason: "can't create the folder the output goes in: \(reason)"
            )
        }
        var descriptor = open(url.path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        var writable = true
        if descriptor < 0, errno == EROFS || errno == EACCES {
            // A read-only folder whose lock file already exists: lock it anyway, so the error
            // the build then meets is about the site, not about the lock.
            descriptor = open(url.path, O_RDONLY | O_CLOEXEC)
            writable = false
        }
        guard descriptor >= 0 else {
            throw BuildLockError.unavailable(
                path: url.path,
                reason: "can't create the build lock: \(String(cString: strerror(errno)))"
            )
        }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            let failure = errno
            let holder = failure == EWOULDBLOCK ? holderPID(descriptor) : nil
            close(descriptor)
            if failure == EWOULDBLOCK { throw BuildLockError.busy(output: output.path, pid: holder) }
            throw BuildLockError.unavailable(
                path: url.path,
                reason: "can't lock the file: \(String(cString: strerror(failure)))"
            )
        }
        if writable {
            let text = Array("\(getpid())\n".utf8)
            if ftruncate(descriptor, 0) == 0 {
                _ = text.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, 0) }
            }
        }
        return BuildLock(path: url.path, descriptor: descriptor)
    }

    /// Releases the lock; calling it again does nothing.
    public func release() {
        descriptor.withLock { descriptor in
            guard descriptor >= 0 else { return }
            close(descriptor)
            descriptor = -1
        }
    }

    /// The process id of the build holding the lock, as it writes it in the lock file.
    ///
    /// The holder writes its id just after taking the lock, so a build that arrives in between
    /// reads nothing, or the id of an earlier build that has ended; it reads again for up to
    /// half a second until the file names a running process.
    private static func holderPID(_ descriptor: Int32) -> Int32? {
        for _ in 0..<50 {
            if let pid = readPID(descriptor), kill(pid, 0) == 0 || errno == EPERM { return pid }
            usleep(10_000)
        }
        return readPID(descriptor)
    }

    /// The process id written in the lock file, if any.
    private static func readPID(_ descriptor: Int32) -> Int32? {
        var buffer = [UInt8](repeating: 0, count: 32)
        let count = buffer.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, 0) }
        guard count > 0 else { return nil }
        let text = String(decoding: buffer[..<count], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return Int32(text)
    }
}

/// Why a build could not take the lock of its output folder.
public enum BuildLockError: Error, CustomStringConvertible, Sendable, Equatable {
    /// Another process is building into the same output folder.
    case busy(output: String, pid: Int32?)
    /// The lock file, or the folder that holds it, can't be created or locked; `reason` says which.
    case unavailable(path: String, reason: String)

    public var description: String {
        switch self {
        case .busy(let output, let pid):
            let holder = pid.map { " (pid \($0))" } ?? ""
            return "another flowdoc build is writing to \(output)\(holder); wait for it or use another --output"
        case .unavailable(let path, let reason):
            return "\(path): \(reason)"
        }
    }
}
