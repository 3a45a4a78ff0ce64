#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads a whole file into bytes with `open` and `read`.
///
/// `Data(contentsOf:)`, with the symbolic-link resolution and attribute lookup around it, made
/// several file-system calls per page and per component of its path, and a copy of the bytes:
/// a tenth of `flowdoc check`; reading a cache into `Data`, then copying it into an array, a
/// tenth of reading the cache. The content walker has already left out all but regular files.
public enum FileBytes {
    /// The bytes of the file at `path`, or `nil` if it can't be opened or read (a folder, a
    /// file without read permission, a read error).
    public static func read(atPath path: String) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return nil }
        // One byte more than the size, so that the read that finds the end needs no larger
        // buffer; not zeroed first (the page store's megabytes were set to zero, then read over).
        let capacity = max(0, Int(status.st_size)) + 1
        var failed = false
        var bytes = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, count in
            guard let base = buffer.baseAddress else { return }
            while count < capacity {
                let read = readRetrying(descriptor, base + count, capacity - count)
                if read <= 0 {
                    failed = read < 0
                    return
                }
                count += read
            }
        }
        guard !failed else { return nil }
        if bytes.count < capacity { return bytes }
        // The file grew since `fstat`: the rest in pieces.
        var piece = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = piece.withUnsafeMutableBytes { buffer in
                buffer.baseAddress.map { readRetrying(descriptor, $0, buffer.count) } ?? -1
            }
            guard count >= 0 else { return nil }
            if count == 0 { return bytes }
            bytes += piece[..<count]
        }
    }
}

/// `read(2)`, repeated when a signal interrupts it; -1 on an error.
private func readRetrying(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    while true {
        let result = read(descriptor, buffer, count)
        if result < 0, errno == EINTR { continue }
        return result
    }
}
