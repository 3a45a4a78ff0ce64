import FlowCore

/// The bytes of what a summary keeps as bytes until asked for (``OnDemand``): its details and
/// the positions of its front-matter keys. Each is written after its length; reading a summary
/// checks them (`skim`) without making anything, so that reading them later can't fail.
extension PageSummary.Details {
    /// No position, no links, no anchors: what details that could not be read give (never, for checked bytes).
    static let none = Self(titleRange: nil, next: [], links: [], images: [], anchors: [], choiceLinks: [])

    /// Writes the details of the page at `page`.
    func write(in page: String, to writer: inout ByteWriter) {
        SourceRange.write(titleRange, in: page, to: &writer)
        writer.write(next) { writer, link in
            writer.write(link.destination)
            writer.write(link.text)
            SourceRange.write(link.range, in: page, to: &writer)
        }
        for references in [links, images] {
            writer.write(references) { writer, reference in
                writer.write(reference.destination)
                SourceRange.write(reference.range, in: page, to: &writer)
            }
        }
        writer.write(anchors)
        writer.write(choiceLinks)
    }

    /// Reads the details ``write(in:to:)`` wrote for the page at `page`; throws unless they end the bytes.
    init(decoding bytes: ArraySlice<UInt8>, of page: String) throws {
        var reader = ByteReader(bytes)
        let file = SourceFile(page)
        let titleRange = try SourceRange.read(in: file, from: &reader)
        let next = try reader.readArray { reader in
            NextLink(
                destination: try reader.readString(),
                text: try reader.readString(),
                range: try SourceRange.read(in: file, from: &reader)
            )
        }
        let readReference = { (reader: inout ByteReader) throws -> PageSummary.Reference in
            .init(destination: try reader.readString(), range: try SourceRange.read(in: file, from: &reader))
        }
        self.init(
            titleRange: titleRange,
            next: next,
            links: try reader.readArray(readReference),
            images: try reader.readArray(readReference),
            anchors: try reader.readStrings(),
            choiceLinks: try reader.readStrings()
        )
        guard reader.isAtEnd else { throw ByteReader.Malformed() }
    }

    /// Checks that `bytes` are details ``init(decoding:of:)`` reads, making nothing.
    static func skim(_ bytes: ArraySlice<UInt8>) throws {
        var reader = ByteReader(bytes)
        try SourceRange.skim(&reader)
        try reader.skipArray { reader in
            try reader.skipString()
            try reader.skipString()
            try SourceRange.skim(&reader)
        }
        for _ in 0..<2 {
            try reader.skipArray { reader in
                try reader.skipString()
                try SourceRange.skim(&reader)
            }
        }
        try reader.skipStrings()
        try reader.skipStrings()
        guard reader.isAtEnd else { throw ByteReader.Malformed() }
    }
}

extension KeyRanges {
    /// Writes the keys of the page at `page` after their length in bytes; keys still as read
    /// from a store are written as they are.
    func write(in page: String, to writer: inout ByteWriter) {
        if let encoded = storage.encodedBytes { return writer.write(lengthPrefixed: encoded) }
        writer.writeLengthPrefixed { keys in
            keys.write(count)
            for entry in self {
                keys.write(entry.key)
                SourceRange.write(entry.range, in: page, to: &keys)
            }
        }
    }

    /// Reads the keys ``write(in:to:)`` wrote for the page at `page`, checked now and made when
    /// first asked for.
    init(reading reader: inout ByteReader, of page: String) throws {
        let bytes = try reader.readLengthPrefixed()
        var skimmed = ByteReader(bytes)
        try skimmed.skipArray { reader in
            try reader.skipString()
            guard try SourceRange.skim(&reader) else { throw ByteReader.Malformed() }
        }
        guard skimmed.isAtEnd else { throw ByteReader.Malformed() }
        self.init(storage: OnDemand(encoded: bytes, page: page, fallback: [], decode: Self.entries(decoding:of:)))
    }

    private static func entries(decoding bytes: ArraySlice<UInt8>, of page: String) throws -> [Entry] {
        var reader = ByteReader(bytes)
        let file = SourceFile(page)
        return try reader.readArray { reader in
            let key = try reader.readString()
            guard let range = try SourceRange.read(in: file, from: &reader) else { throw ByteReader.Malformed() }
            return Entry(key: key, range: range)
        }
    }
}

extension SourceRange {
    /// Writes `range`, without the path when it is in the file at `page`.
    fileprivate static func write(_ range: SourceRange?, in page: String, to writer: inout ByteWriter) {
        guard let range else { return writer.write(0) }
        if range.file == page {
            writer.write(1)
        } else {
            writer.write(2)
            writer.write(range.file)
        }
        for number in [range.start.line, range.start.column, range.end.line, range.end.column] {
            writer.write(number)
        }
    }

    fileprivate static func read(in page: SourceFile, from reader: inout ByteReader) throws -> SourceRange? {
        let file: SourceFile
        switch try reader.readInt() {
        case 0: return nil
        case 1: file = page
        case 2: file = SourceFile(try reader.readString())
        default: throw ByteReader.Malformed()
        }
        let start = SourceLocation(line: try reader.readInt(), column: try reader.readInt())
        return SourceRange(
            file: file,
            start: start,
            end: SourceLocation(line: try reader.readInt(), column: try reader.readInt())
        )
    }

    /// Moves past a range as ``read(in:from:)`` reads it; whether there is one.
    @discardableResult
    fileprivate static func skim(_ reader: inout ByteReader) throws -> Bool {
        switch try reader.readInt() {
        case 0: return false
        case 1: break
        case 2: try reader.skipString()
        default: throw ByteReader.Malformed()
        }
        for _ in 0..<4 { _ = try reader.readInt() }
        return true
    }
}
