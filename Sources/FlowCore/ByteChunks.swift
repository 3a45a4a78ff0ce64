import Dispatch

/// Runs of a cache file's records, each written after its length, so that they are written and
/// read on every core.
///
/// A cache with thousands of records (the build's manifest, the page store) is cut into chunks
/// of a few hundred: each chunk is made by one ``ByteWriter`` and read by one ``ByteReader``,
/// while the other cores make or read the others.
public enum ByteChunks {
    /// Makes a chunk of each run of `chunkSize` items of `items`, on every core.
    ///
    /// - Parameters:
    ///   - items: The records, in the order the file keeps them.
    ///   - chunkSize: The number of records a chunk holds (the last holds the rest).
    ///   - write: Writes the records of one chunk.
    /// - Returns: The chunks in order, each without its length (``appendWithLength(_:to:)``).
    public static func make<Items: RandomAccessCollection & Sendable>(
        of items: Items,
        chunkSize: Int,
        _ write: @Sendable (Items.SubSequence, inout ByteWriter) -> Void
    ) -> [ByteWriter] where Items.Index == Int {
        let count = (items.count + chunkSize - 1) / chunkSize
        var chunks = [ByteWriter](repeating: ByteWriter(), count: count)
        chunks.withUnsafeMutableBufferPointer { buffer in
            // Each iteration writes only its own element of the buffer.
            nonisolated(unsafe) let chunks = buffer
            DispatchQueue.concurrentPerform(iterations: count) { index in
                let start = items.startIndex + index * chunkSize
                write(items[start..<min(start + chunkSize, items.endIndex)], &chunks[index])
            }
        }
        return chunks
    }

    /// Appends `chunk`'s length, then its bytes, to `writer`.
    public static func appendWithLength(_ chunk: ByteWriter, to writer: inout ByteWriter) {
        writer.write(chunk.bytes.count)
        writer.append(chunk)
    }

    /// The bytes ``appendWithLength(_:to:)`` puts before `chunk`: a file can be written as each
    /// chunk's length, then the chunk itself, without copying the chunk after its length first.
    public static func length(of chunk: ByteWriter) -> [UInt8] {
        var length = ByteWriter()
        length.write(chunk.bytes.count)
        return length.bytes
    }

    /// The chunks that `reader` holds from its position to its end, each after its length.
    ///
    /// - Throws: ``ByteReader/Malformed`` when a length runs past the end.
    public static func split(_ reader: inout ByteReader) throws -> [ArraySlice<UInt8>] {
        var chunks: [ArraySlice<UInt8>] = []
        while !reader.isAtEnd { chunks.append(try reader.readBytes(try reader.readInt())) }
        return chunks
    }

    /// Reads each of `chunks` with `read`, on every core.
    ///
    /// - Returns: What `read` made of each chunk, in order; `nil` when it threw for one.
    public static func read<Value>(
        _ chunks: [ArraySlice<UInt8>],
        _ read: @Sendable (ArraySlice<UInt8>) throws -> Value
    ) -> [Value]? {
        var values = [Value?](repeating: nil, count: chunks.count)
        values.withUnsafeMutableBufferPointer { buffer in
            // Each iteration writes only its own element of the buffer.
            nonisolated(unsafe) let values = buffer
            DispatchQueue.concurrentPerform(iterations: chunks.count) { index in
                values[index] = try? read(chunks[index])
            }
        }
        let read = values.compactMap { $0 }
        return read.count == chunks.count ? read : nil
    }
}
