/// Writes values as compact bytes for flowdoc's caches.
///
/// Unsigned integers are LEB128 varints, strings their UTF-8 length and bytes. ``ByteReader``
/// reads them back in the same order.
public struct ByteWriter: Sendable {
    /// The bytes written so far.
    public var bytes: [UInt8] { storage }
    /// The bytes; inlinable writes append to it.
    @usableFromInline var storage: [UInt8] = []

    /// Creates an empty writer.
    public init() {}

    /// Writes `value` in 1 to 10 bytes, 7 bits each, low bits first.
    @inlinable public mutating func write(_ value: UInt64) {
        var rest = value
        while rest >= 0x80 {
            storage.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        storage.append(UInt8(rest))
    }

    /// Writes a count or another non-negative number; a negative one is written as 0.
    @inlinable public mutating func write(_ value: Int) {
        write(UInt64(max(0, value)))
    }

    /// Writes `value` as one byte.
    @inlinable public mutating func write(_ value: Bool) {
        storage.append(value ? 1 : 0)
    }

    /// Writes the UTF-8 length of `text`, then its bytes.
    @inlinable public mutating func write(_ text: String) {
        var text = text
        text.withUTF8 { utf8 in
            write(utf8.count)
            storage.append(contentsOf: utf8)
        }
    }

    /// Writes whether `text` is there, then the text.
    @inlinable public mutating func write(_ text: String?) {
        write(text != nil)
        if let text { write(text) }
    }

    /// Writes the count of `values`, then each with `element`.
    @inlinable public mutating func write<Element>(_ values: [Element], _ element: (inout ByteWriter, Element) -> Void)
    {
        write(values.count)
        for value in values { element(&self, value) }
    }

    /// Writes the count of `texts`, then each text.
    @inlinable public mutating func write(_ texts: [String]) {
        write(texts) { $0.write($1) }
    }

    /// Writes the count of `other`'s bytes, then the bytes.
    @inlinable public mutating func write(lengthPrefixed other: ArraySlice<UInt8>) {
        write(other.count)
        other.withUnsafeBufferPointer { storage.append(contentsOf: $0) }
    }

    /// Writes what `body` writes after its count of bytes, as ``write(lengthPrefixed:)`` would,
    /// without a writer of its own to copy from.
    @inlinable public mutating func writeLengthPrefixed(_ body: (inout ByteWriter) -> Void) {
        let start = storage.count
        storage.append(0)  // room for a count under 128; more is made below
        body(&self)
        var count = storage.count - start - 1
        var countBytes = 1
        while count >> (7 * countBytes) != 0 { countBytes += 1 }
        if countBytes > 1 { storage.insert(contentsOf: repeatElement(0, count: countBytes - 1), at: start + 1) }
        for index in start..<start + countBytes {
            storage[index] = UInt8(truncatingIfNeeded: count & 0x7F) | (index < start + countBytes - 1 ? 0x80 : 0)
            count >>= 7
        }
    }

    /// Appends `other`'s bytes.
    @inlinable public mutating func append(_ other: ByteWriter) {
        storage += other.storage
    }

    /// Appends bytes another writer wrote.
    @inlinable public mutating func append(bytes other: ArraySlice<UInt8>) {
        storage += other
    }

    /// Appends bytes another writer wrote, from memory the caller holds.
    @inlinable public mutating func append(_ other: UnsafeBufferPointer<UInt8>) {
        storage.append(contentsOf: other)
    }
}

/// Reads what a ``ByteWriter`` wrote, in the same order; throws on bytes that end early or do not
/// fit, so that a damaged cache is noticed rather than read as garbage.
public struct ByteReader {
    /// Bytes that are not what the reader expected.
    public struct Malformed: Error, Sendable {
        /// Creates the error.
        @inlinable public init() {}
    }

    @usableFromInline let bytes: ArraySlice<UInt8>
    @usableFromInline var position: Int

    /// Creates a reader over `bytes`.
    @inlinable public init(_ bytes: ArraySlice<UInt8>) {
        self.bytes = bytes
        position = bytes.startIndex
    }

    /// Whether every byte was read.
    @inlinable public var isAtEnd: Bool { position == bytes.endIndex }

    /// The index of the next byte to read, among the indices of the bytes read (a slice's own).
    @inlinable public var offset: Int { position }

    /// Reads a varint.
    @inlinable public mutating func readUInt64() throws -> UInt64 {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard position < bytes.endIndex, shift < 64 else { throw Malformed() }
            let byte = bytes[position]
            position += 1
            value |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return value }
            shift += 7
        }
    }

    /// Reads a count or another number written by ``ByteWriter/write(_:)-(Int)``.
    @inlinable public mutating func readInt() throws -> Int {
        let value = try readUInt64()
        guard value <= UInt64(Int32.max) else { throw Malformed() }
        return Int(value)
    }

    /// Reads a flag.
    @inlinable public mutating func readBool() throws -> Bool {
        guard position < bytes.endIndex, bytes[position] <= 1 else { throw Malformed() }
        defer { position += 1 }
        return bytes[position] == 1
    }

    /// Reads a string; bytes that are not UTF-8 are malformed.
    @inlinable public mutating func readString() throws -> String {
        let count = try readInt()
        guard count <= bytes.endIndex - position else { throw Malformed() }
        let start = position - bytes.startIndex
        // Through the whole slice's buffer: a slice of the slice for each string retained and
        // released the bytes' storage, a count that every core reading a cache contended for.
        let text = bytes.withUnsafeBufferPointer { all in
            let utf8 = UnsafeBufferPointer(rebasing: all[start..<start + count])
            // ASCII needs no validation: `String(validating:as:)` took a generic path, a third of reading a cache.
            return utf8.allSatisfy { $0 < 0x80 }
                ? String(decoding: utf8, as: UTF8.self) : String(validating: utf8, as: UTF8.self)
        }
        position += count
        guard let text else { throw Malformed() }
        return text
    }

    /// Reads a string's bytes, checked as ``readString()`` checks them, without making the string.
    @inlinable public mutating func readUTF8() throws -> ArraySlice<UInt8> {
        let count = try readInt()
        guard count <= bytes.endIndex - position else { throw Malformed() }
        let start = position - bytes.startIndex
        let isUTF8 = bytes.withUnsafeBufferPointer { all in
            let utf8 = UnsafeBufferPointer(rebasing: all[start..<start + count])
            return utf8.allSatisfy { $0 < 0x80 } || String(validating: utf8, as: UTF8.self) != nil
        }
        guard isUTF8 else { throw Malformed() }
        defer { position += count }
        return bytes[position..<position + count]
    }

    /// Moves past a string, checking it as ``readString()`` does, without making it.
    @inlinable public mutating func skipString() throws {
        _ = try readUTF8()
    }

    /// Reads a string written by ``ByteWriter/write(_:)-(String?)``.
    @inlinable public mutating func readOptionalString() throws -> String? {
        try readBool() ? try readString() : nil
    }

    /// Reads `count` bytes.
    @inlinable public mutating func readBytes(_ count: Int) throws -> ArraySlice<UInt8> {
        guard count <= bytes.endIndex - position else { throw Malformed() }
        defer { position += count }
        return bytes[position..<position + count]
    }

    /// Reads an array written by ``ByteWriter/write(_:_:)``, each element with `element`.
    @inlinable public mutating func readArray<Element>(_ element: (inout ByteReader) throws -> Element) throws
        -> [Element]
    {
        let count = try readInt()
        guard count <= bytes.endIndex - position else { throw Malformed() }
        var values: [Element] = []
        values.reserveCapacity(count)
        for _ in 0..<count { values.append(try element(&self)) }
        return values
    }

    /// Reads an array of strings.
    @inlinable public mutating func readStrings() throws -> [String] {
        try readArray { try $0.readString() }
    }

    /// Moves past an array, each element with `element`, without making it.
    @inlinable public mutating func skipArray(_ element: (inout ByteReader) throws -> Void) throws {
        let count = try readInt()
        guard count <= bytes.endIndex - position else { throw Malformed() }
        for _ in 0..<count { try element(&self) }
    }

    /// Moves past an array of strings, checking each.
    @inlinable public mutating func skipStrings() throws {
        try skipArray { try $0.skipString() }
    }

    /// Reads bytes written after their count (``ByteWriter/write(lengthPrefixed:)``).
    @inlinable public mutating func readLengthPrefixed() throws -> ArraySlice<UInt8> {
        try readBytes(try readInt())
    }
}
