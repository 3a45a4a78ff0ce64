import FlowCore
import Foundation

extension BuildCache {
    /// One reusable output file, as a build lists it in its manifest.
    struct Entry: Sendable {
        var path: String
        var sourceDigest: UInt64
        var answers: UInt64
        /// The questions as the manifest spells them (``DependencyTrace/Query/encoded``, separated
        /// by U+001E), decoded only when they are asked again.
        var encodedQueries: ArraySlice<UInt8>

        init(path: String, sourceDigest: UInt64, answers: UInt64, encodedQueries: ArraySlice<UInt8>) {
            self.path = path
            self.sourceDigest = sourceDigest
            self.answers = answers
            self.encodedQueries = encodedQueries
        }

        init(path: String, sourceDigest: UInt64, answers: UInt64, queries: [DependencyTrace.Query]) {
            let encoded = queries.map(\.encoded).joined(separator: "\u{1E}")
            self.init(
                path: path,
                sourceDigest: sourceDigest,
                answers: answers,
                encodedQueries: ArraySlice(encoded.utf8)
            )
        }

        /// The entry of a file whose reuse the next build does not decide by its questions: the
        /// whole-site files, and a page without a source digest.
        init(unlisted path: String) {
            self.init(path: path, sourceDigest: 0, answers: 0, encodedQueries: [])
        }

        /// The questions; one that doesn't decode is left out, as a manifest of another version may have it.
        var queries: [DependencyTrace.Query] {
            encodedQueries.split(separator: 0x1E).map { String(decoding: $0, as: UTF8.self)[...] }
                .compactMap(DependencyTrace.Query.init(encoded:))
        }
    }

    /// Where an entry of a manifest lies in its bytes, with its numbers.
    ///
    /// Places, not slices or strings: the build's tasks look up, compare and copy entries of the
    /// one manifest all at once, and a reference-counted value in each made every core count
    /// references to the same buffer.
    struct Record: Sendable {
        /// The whole entry, as it is written again when its file is reused.
        var bytes: Range<Int>
        /// The path's UTF-8 bytes.
        var path: Range<Int>
        var sourceDigest: UInt64
        var answers: UInt64
        /// The questions' bytes (``Entry/encodedQueries``).
        var queries: Range<Int>

        /// The records of the entries ``ByteWriter/write(_:)`` wrote in `chunk`, to its end, as
        /// places in the bytes `chunk` is a slice of.
        ///
        /// - Throws: ``FlowCore/ByteReader/Malformed`` unless the bytes are such entries, one or
        ///   more (a build writes no empty chunk: one is damage).
        static func all(in chunk: ArraySlice<UInt8>) throws -> [Record] {
            guard !chunk.isEmpty else { throw ByteReader.Malformed() }
            var reader = ByteReader(chunk)
            var records: [Record] = []
            while !reader.isAtEnd {
                let start = reader.offset
                let path = try reader.readUTF8()
                let sourceDigest = try reader.readUInt64()
                let answers = try reader.readUInt64()
                let queries = try reader.readLengthPrefixed()
                records.append(
                    Record(
                        bytes: start..<reader.offset,
                        path: path.indices,
                        sourceDigest: sourceDigest,
                        answers: answers,
                        queries: queries.indices
                    )
                )
            }
            return records
        }
    }

    /// The number of entries.
    var count: Int { records.count }

    /// The entry at `place`.
    func entry(at place: Int) -> Entry {
        let record = records[place]
        return Entry(
            path: path(at: place),
            sourceDigest: record.sourceDigest,
            answers: record.answers,
            encodedQueries: entryBytes[record.queries]
        )
    }

    /// The path of the entry at `place`.
    func path(at place: Int) -> String {
        String(decoding: entryBytes[records[place].path], as: UTF8.self)
    }

    /// Writes the entry at `place` again, byte for byte, to `writer`.
    func write(entryAt place: Int, to writer: inout ByteWriter) {
        let range = records[place].bytes
        entryBytes.withUnsafeBufferPointer { writer.append(UnsafeBufferPointer(rebasing: $0[range])) }
    }
}

extension ByteWriter {
    /// Writes one entry of a manifest's chunk.
    mutating func write(_ entry: BuildCache.Entry) {
        write(entry.path)
        write(entry.sourceDigest)
        write(entry.answers)
        write(lengthPrefixed: entry.encodedQueries)
    }
}
