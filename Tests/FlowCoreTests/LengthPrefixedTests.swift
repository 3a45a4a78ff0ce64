import FlowCore
import Testing

/// Bytes written after their count, by a writer of their own or in place, read back the same.
@Suite struct LengthPrefixedTests {
    /// Counts around each size of the count's varint (one, two and three bytes).
    @Test(arguments: [0, 1, 127, 128, 300, 16_383, 16_384, 70_000])
    func writtenInPlaceAsFromAWriterOfTheirOwn(count: Int) throws {
        let payload = (0..<count).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        var own = ByteWriter()
        own.write("before")
        own.write(lengthPrefixed: payload[...])
        own.write(true)
        var inPlace = ByteWriter()
        inPlace.write("before")
        inPlace.writeLengthPrefixed { writer in
            for byte in payload { writer.append(bytes: [byte]) }
        }
        inPlace.write(true)
        let same = inPlace.bytes == own.bytes  // not the bytes themselves: 70,000 of them in a failure's message
        #expect(same)
        var reader = ByteReader(inPlace.bytes[...])
        #expect(try reader.readString() == "before")
        let read = Array(try reader.readLengthPrefixed()) == payload
        #expect(read)
        #expect(try reader.readBool())
        #expect(reader.isAtEnd)
    }

    @Test func skippedStringsAreCheckedAsReadOnes() throws {
        var writer = ByteWriter()
        writer.write(["ascii", "ünïcode", ""])
        var reader = ByteReader(writer.bytes[...])
        try reader.skipStrings()
        #expect(reader.isAtEnd)
        var damaged = writer.bytes
        damaged[damaged.count - 4] = 0xFF  // inside "ünïcode"
        var damagedReader = ByteReader(damaged[...])
        #expect(throws: ByteReader.Malformed.self) { try damagedReader.skipStrings() }
        var cut = ByteReader(writer.bytes.dropLast(3)[...])
        #expect(throws: ByteReader.Malformed.self) { try cut.skipStrings() }
    }
}
