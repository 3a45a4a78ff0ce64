#if canImport(Glibc)
    import Glibc
#endif

/// The bytes of a page with an index of where each line starts, for reading source text
/// at the positions libcmark reports.
struct SourceText: Sendable {
    let bytes: [UInt8]
    /// Byte offset of the start of each line; `lineStarts[0]` is line 1.
    let lineStarts: [Int]

    init(bytes: [UInt8]) {
        self.bytes = bytes
        var starts = [0]
        // Help pages have lines of about 40 bytes: room for most without growing the array.
        starts.reserveCapacity(bytes.count / 32 + 1)
        // Line feeds found by `memchr`, which reads many bytes at a time (a loop over the bytes was
        // 2% of `check`).
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            var offset = 0
            while offset < buffer.count,
                let found = memchr(base + offset, Int32(UInt8(ascii: "\n")), buffer.count - offset)
            {
                offset = base.distance(to: found.assumingMemoryBound(to: UInt8.self)) + 1
                starts.append(offset)
            }
        }
        self.lineStarts = starts
    }

    /// The bytes of 1-based `line` without its line ending, or empty if there is no such line.
    func line(_ line: Int) -> ArraySlice<UInt8> {
        guard line >= 1, line <= lineStarts.count else { return [] }
        let start = lineStarts[line - 1]
        var end = line < lineStarts.count ? lineStarts[line] - 1 : bytes.count
        if end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        return bytes[start..<max(start, end)]
    }

    /// The list-item number written at `line`:`column` (`12.` gives 12), if there is one.
    func orderedListNumber(line: Int, column: Int) -> Int? {
        let text = self.line(line)
        var index = text.startIndex + max(0, column - 1)
        while index < text.endIndex, text[index] == UInt8(ascii: " ") || text[index] == UInt8(ascii: "\t") {
            index += 1
        }
        var number = 0
        var digits = 0
        while index < text.endIndex, text[index] >= UInt8(ascii: "0"), text[index] <= UInt8(ascii: "9"), digits < 9 {
            number = number * 10 + Int(text[index] - UInt8(ascii: "0"))
            digits += 1
            index += 1
        }
        return digits > 0 ? number : nil
    }
}
