import FlowCore
import Testing

/// Records written in chunks on every core read back in order, and a damaged chunk is noticed.
@Suite struct ByteChunksTests {
    /// 1,000 records in chunks of 64 (the last shorter), each a number and a string.
    static func written() -> [UInt8] {
        let records = Array(0..<1_000)
        let chunks = ByteChunks.make(of: records, chunkSize: 64) { slice, writer in
            writer.write(slice.count)
            for record in slice {
                writer.write(UInt64(record))
                writer.write("record \(record) ü")
            }
        }
        var file = ByteWriter()
        for chunk in chunks { ByteChunks.appendWithLength(chunk, to: &file) }
        return file.bytes
    }

    static func read(_ bytes: [UInt8]) -> [(UInt64, String)]? {
        var reader = ByteReader(bytes[...])
        guard let chunks = try? ByteChunks.split(&reader) else { return nil }
        let read = ByteChunks.read(chunks) { chunk in
            var reader = ByteReader(chunk)
            let records = try reader.readArray { (try $0.readUInt64(), try $0.readString()) }
            guard reader.isAtEnd else { throw ByteReader.Malformed() }
            return records
        }
        return read.map { Array($0.joined()) }
    }

    @Test func recordsReadBackInTheirOrder() throws {
        let records = try #require(Self.read(Self.written()))
        #expect(records.count == 1_000)
        #expect(records.map(\.0) == (0..<1_000).map { UInt64($0) })
        #expect(records.map(\.1) == (0..<1_000).map { "record \($0) ü" })
    }

    @Test func aCutOrDamagedChunkIsNoticed() {
        let bytes = Self.written()
        #expect(Self.read(Array(bytes.dropLast(3)))?.count == nil, "A length past the end")
        // The first chunk's first record count says one record more than the chunk holds.
        var damaged = bytes
        let lengthBytes = 2  // the first chunk is longer than 127 bytes
        damaged[lengthBytes] += 1
        #expect(Self.read(damaged)?.count == nil, "A chunk whose records run past its end")
    }

    /// A file written as each chunk's length, then the chunk, is the file `appendWithLength` makes.
    @Test func aLengthThenItsChunkIsTheSameFile() {
        var short = ByteWriter()
        short.write("short")
        var long = ByteWriter()
        long.write(String(repeating: "long ", count: 100))
        var joined = ByteWriter()
        var pieces: [UInt8] = []
        for chunk in [short, long, ByteWriter()] {
            ByteChunks.appendWithLength(chunk, to: &joined)
            pieces += ByteChunks.length(of: chunk) + chunk.bytes
        }
        #expect(pieces == joined.bytes)
        #expect(ByteChunks.length(of: long).count == 2)
    }
}
