/// A 64-bit FNV-1a hash whose value is the same in every process and on every machine.
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

    /// Adds the bytes of `buffer`.
    public mutating func combine(buffer: UnsafeRawBufferPointer) {
        var hash = value
        for byte in buffer {
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
        }
        value = hash
    }

    /// Adds the UTF-8 bytes of `text`, then a separator, so `("ab", "c")` and `("a", "bc")` differ.
    public mutating func combine(_ text: String) {
        var text = text
        text.withUTF8 { combine(buffer: UnsafeRawBufferPointer($0)) }
        combine(bytes: CollectionOfOne(0xFF))
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
