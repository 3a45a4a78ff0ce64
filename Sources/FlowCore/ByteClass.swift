/// A set of bytes a writer can't copy as they are, found sixteen bytes at a time.
///
/// The escaping loops of the JSON, HTML and script writers look at every byte of every string a
/// build writes, and most runs hold nothing to escape: ``firstIndex(in:from:)`` passes over
/// such runs with one vector comparison per sixteen bytes.
///
/// ```swift
/// let special = ByteClass(below: 0x20, UInt8(ascii: "\""), UInt8(ascii: "\\"))
/// var index = special.firstIndex(in: text, from: 0)
/// while index < text.count {
///     // text[index] is a control character, a quote or a backslash.
///     index = special.firstIndex(in: text, from: index + 1)
/// }
/// ```
public struct ByteClass: Sendable {
    /// The bytes of the set: below, above, and five single bytes (some repeated).
    @usableFromInline let scalars: (below: UInt8, above: UInt8, UInt8, UInt8, UInt8, UInt8, UInt8)
    /// The same bytes, each in every lane.
    @usableFromInline let below: SIMD16<UInt8>
    @usableFromInline let above: SIMD16<UInt8>
    @usableFromInline let first: SIMD16<UInt8>
    @usableFromInline let second: SIMD16<UInt8>
    @usableFromInline let third: SIMD16<UInt8>
    @usableFromInline let fourth: SIMD16<UInt8>
    @usableFromInline let fifth: SIMD16<UInt8>

    /// Creates the set of the bytes less than `below`, the bytes greater than `above`, and up
    /// to five more bytes.
    ///
    /// - Parameters:
    ///   - below: Bytes less than it are in the set; with 0, none.
    ///   - above: Bytes greater than it are in the set; with 0xFF, none.
    ///   - bytes: At most five bytes of the set.
    public init(below: UInt8 = 0, above: UInt8 = 0xFF, _ bytes: UInt8...) {
        precondition(bytes.count <= 5, "a byte class holds at most five single bytes")
        precondition(below > 0 || above < 0xFF || !bytes.isEmpty, "a byte class holds at least one byte")
        // Missing bytes repeat one that is in the set anyway.
        let filler = bytes.first ?? (below > 0 ? 0 : 0xFF)
        let padded = bytes + Array(repeating: filler, count: 5 - bytes.count)
        scalars = (below, above, padded[0], padded[1], padded[2], padded[3], padded[4])
        self.below = SIMD16(repeating: below)
        self.above = SIMD16(repeating: above)
        first = SIMD16(repeating: padded[0])
        second = SIMD16(repeating: padded[1])
        third = SIMD16(repeating: padded[2])
        fourth = SIMD16(repeating: padded[3])
        fifth = SIMD16(repeating: padded[4])
    }

    /// Whether `byte` is in the set.
    @inlinable func contains(_ byte: UInt8) -> Bool {
        byte < scalars.below || byte > scalars.above || byte == scalars.2 || byte == scalars.3
            || byte == scalars.4 || byte == scalars.5 || byte == scalars.6
    }

    /// The index of the first byte of `bytes` from `start` on that is in the set, or
    /// `bytes.count` when there is none.
    @inlinable public func firstIndex(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        guard let base = bytes.baseAddress, start < bytes.count else { return bytes.count }
        var index = start
        guard bytes.count >= 16 else {
            while index < bytes.count, !contains(bytes[index]) { index += 1 }
            return index
        }
        while true {
            // The last block ends at the last byte, overlapping bytes already looked at.
            let blockStart = min(index, bytes.count - 16)
            let block = UnsafeRawPointer(base + blockStart).loadUnaligned(as: SIMD16<UInt8>.self)
            var hit = (block .< below) .| (block .> above)
            hit = hit .| (block .== first) .| (block .== second) .| (block .== third)
            hit = hit .| (block .== fourth) .| (block .== fifth)
            if any(hit) {
                for lane in (index - blockStart)..<16 where hit[lane] { return blockStart + lane }
            }
            index = blockStart + 16
            if index >= bytes.count { return bytes.count }
        }
    }
}
