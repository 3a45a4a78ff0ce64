/// A 64-bit hash whose value is the same in every process and on every machine: FNV-1a for
/// single bytes, eight bytes at a time with a multiply and a shift for longer runs.
///
/// Swift's `Hasher` is seeded per process, so its values can't be stored. Build caches key
/// their entries with this hash instead: content digests, template fingerprints and the
/// answers a page's dependencies gave.
///
/// ```swift
/// var hasher = StableHasher()
/// hasher.combine("index.md")
/// let key = hasher.value   // the same number tomorrow
/// ```
public struct StableHasher: Sendable, Hashable {
    /// The hash of everything combined so far.
    public private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    /// Creates a hasher in its initial state.
    public init() {}

    /// Adds `bytes`.
    public mutating func combine(bytes: some Sequence<UInt8>) {
        let done: Void? = bytes.withContiguousStorageIfAvailable { combine(buffer: UnsafeRawBufferPointer($0)) }
        if done == nil { Array(bytes).withUnsafeBytes { combine(buffer: $0) } }
    }

    /// Adds the bytes of `buffer`: eight at a time, then the last few one by one.
    ///
    /// Each step (a word or a byte) maps the hash one to one for a given input, so inputs of the
    /// same length that differ in one word or byte never hash alike.
    public mutating func combine(buffer: UnsafeRawBufferPointer) {
        var hash = value
        var index = 0
        while index + 8 <= buffer.count {
            // Multiplying spreads the word's bits upward; the shift brings the high bits back down.
            let word = UInt64(littleEndian: buffer.loadUnaligned(fromByteOffset: index, as: UInt64.self))
            hash = (hash ^ word) &* 0x9E37_79B9_7F4A_7C15
            hash ^= hash >> 29
            index += 8
        }
        while index < buffer.count {
            hash = (hash ^ UInt64(buffer[index])) &* 0x100_0000_01b3
            index += 1
        }
        value = hash
    }

    /// Adds the UTF-8 bytes of `text`, then a separator, so `("ab", "c")` and `("a", "bc")` differ.
    public mutating func combine(_ text: String) {
        var text = text
        text.withUTF8 { combine(buffer: UnsafeRawBufferPointer($0)) }
        value = (value ^ 0xFF) &* 0x100_0000_01b3
    }

    /// Adds the eight bytes of `number`.
    public mutating func combine(_ number: UInt64) {
        withUnsafeBytes(of: number.littleEndian) { combine(buffer: $0) }
    }

    /// The hash as 16 lowercase hexadecimal digits.
    public var hex: String { Self.hex(value) }

    /// `value` as 16 lowercase hexadecimal digits, the spelling of hashes in flowdoc's caches.
    public static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    /// The hash of `bytes` alone.
    public static func digest(_ bytes: some Sequence<UInt8>) -> UInt64 {
        var hasher = StableHasher()
        hasher.combine(bytes: bytes)
        return hasher.value
    }
}
