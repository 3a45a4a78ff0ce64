public import FlowCore

/// The bytes of a summary in a build's cache (``FlowCore/ByteWriter``): its id, source, kind,
/// title, summary, front matter and step count, then its details (``PageSummary+Details``) and
/// the front matter's key positions each after their length, so that reading them can wait; a
/// range in the page's own file is written without the file's path.
extension PageSummary {
    /// The digest of what the site rules read of the page.
    ///
    /// Every field but the search terms, as ``write(to:)`` writes them: two summaries with the
    /// same digest give the same diagnostics to every site rule.
    public var siteFactsDigest: UInt64 {
        var writer = ByteWriter()
        write(to: &writer, includingSearchTerms: false)
        return StableHasher.digest(writer.bytes)
    }

    /// Writes the summary to `writer`.
    public func write(to writer: inout ByteWriter) {
        write(to: &writer, includingSearchTerms: true)
    }

    private func write(to writer: inout ByteWriter, includingSearchTerms: Bool) {
        let page = source
        writer.write(id)
        writer.write(source)
        writer.write(kind == .flow)
        writer.write(title)
        writer.write(summary)
        Self.write(metadata, in: page, to: &writer)
        writer.write(stepCount)
        // Details still as read from a store are written as they are.
        if let encoded = storage.fields.details.encodedBytes {
            writer.write(lengthPrefixed: encoded)
        } else {
            writer.writeLengthPrefixed { storage.fields.details.value.write(in: page, to: &$0) }
        }
        guard includingSearchTerms else { return }
        writer.write(searchTerms != nil)
        if let searchTerms { writer.writeLengthPrefixed { searchTerms.write(to: &$0) } }
    }

    /// Writes the summary to `writer` with search terms that are still encoded, as
    /// ``init(reading:encodedSearchTerms:)`` gave them; the summary's own terms are left out.
    public func write(to writer: inout ByteWriter, encodedSearchTerms: ArraySlice<UInt8>) {
        write(to: &writer, includingSearchTerms: false)
        writer.write(true)
        writer.write(lengthPrefixed: encodedSearchTerms)
    }

    /// Reads a summary that ``write(to:)`` wrote.
    ///
    /// - Throws: ``FlowCore/ByteReader/Malformed`` when the bytes are not such a summary.
    public init(reading reader: inout ByteReader) throws {
        var encoded: ArraySlice<UInt8>?
        try self.init(reading: &reader, encodedSearchTerms: &encoded)
        if let encoded { searchTerms = try SearchTerms(decoding: encoded) }
    }

    /// Reads a summary that ``write(to:)`` wrote, leaving its search terms encoded in
    /// `encodedSearchTerms` (`nil` when it has none) for ``SearchTerms/init(decoding:)``: most
    /// builds never need them.
    ///
    /// The links, anchors, "What's next" links and source positions (the title's, the front
    /// matter keys') are checked but kept as bytes, read when first asked for: most builds never
    /// ask for those of an unchanged page either.
    ///
    /// - Throws: ``FlowCore/ByteReader/Malformed`` when the bytes are not such a summary.
    public init(reading reader: inout ByteReader, encodedSearchTerms: inout ArraySlice<UInt8>?) throws {
        let id = try reader.readString()
        let source = try reader.readString()
        let fields = Fields(
            id: id,
            source: source,
            kind: try reader.readBool() ? .flow : .overview,
            title: try reader.readString(),
            summary: try reader.readString(),
            metadata: try Self.readMetadata(of: source, from: &reader),
            stepCount: try reader.readInt(),
            details: try Self.readDetails(of: source, from: &reader),
            searchTerms: nil
        )
        encodedSearchTerms = try reader.readBool() ? try reader.readLengthPrefixed() : nil
        self.init(fields)
    }

    /// The details of the page at `page` as bytes, checked now and read when first asked for.
    private static func readDetails(of page: String, from reader: inout ByteReader) throws -> OnDemand<Details> {
        let bytes = try reader.readLengthPrefixed()
        try Details.skim(bytes)
        return OnDemand(encoded: bytes, page: page, fallback: .none, decode: Details.init(decoding:of:))
    }

    // MARK: Metadata

    private static func write(_ metadata: Metadata, in page: String, to writer: inout ByteWriter) {
        for field in [metadata.id, metadata.title, metadata.summary, metadata.product, metadata.platform] {
            writer.write(field)
        }
        for field in [metadata.mode, metadata.audience, metadata.updated, metadata.type] { writer.write(field) }
        writer.write(metadata.next)
        writer.write(metadata.tags)
        writer.write(metadata.draft)
        writer.write(metadata.extra.sorted { $0.key < $1.key }) { writer, entry in
            writer.write(entry.key)
            write(entry.value, to: &writer)
        }
        metadata.keyRanges.write(in: page, to: &writer)
    }

    private static func readMetadata(of page: String, from reader: inout ByteReader) throws -> Metadata {
        var metadata = Metadata()
        metadata.id = try reader.readOptionalString()
        metadata.title = try reader.readOptionalString()
        metadata.summary = try reader.readOptionalString()
        metadata.product = try reader.readOptionalString()
        metadata.platform = try reader.readOptionalString()
        metadata.mode = try reader.readOptionalString()
        metadata.audience = try reader.readOptionalString()
        metadata.updated = try reader.readOptionalString()
        metadata.type = try reader.readOptionalString()
        metadata.next = try reader.readStrings()
        metadata.tags = try reader.readStrings()
        metadata.draft = try reader.readBool()
        let extra = try reader.readArray { reader in (try reader.readString(), try readValue(from: &reader, depth: 0)) }
        metadata.extra = Dictionary(extra, uniquingKeysWith: { _, last in last })
        metadata.keyRanges = try KeyRanges(reading: &reader, of: page)
        return metadata
    }

    private static func write(_ value: MetadataValue, to writer: inout ByteWriter) {
        switch value {
        case .string(let text):
            writer.write(0)
            writer.write(text)
        case .number(let number):
            writer.write(1)
            writer.write(number.bitPattern)
        case .bool(let flag):
            writer.write(2)
            writer.write(flag)
        case .list(let values):
            writer.write(3)
            writer.write(values) { write($1, to: &$0) }
        case .map(let values):
            writer.write(4)
            writer.write(values.sorted { $0.key < $1.key }) { writer, entry in
                writer.write(entry.key)
                write(entry.value, to: &writer)
            }
        case .null: writer.write(5)
        }
    }

    /// Reads a front-matter value.
    ///
    /// The front-matter reader keeps 64 levels (`FrontMatterTooDeep`); deeper bytes are not a
    /// summary that was written.
    private static func readValue(from reader: inout ByteReader, depth: Int) throws -> MetadataValue {
        guard depth <= 64 else { throw ByteReader.Malformed() }
        switch try reader.readInt() {
        case 0: return .string(try reader.readString())
        case 1: return .number(Double(bitPattern: try reader.readUInt64()))
        case 2: return .bool(try reader.readBool())
        case 3: return .list(try reader.readArray { try readValue(from: &$0, depth: depth + 1) })
        case 4:
            let entries = try reader.readArray { reader in
                (try reader.readString(), try readValue(from: &reader, depth: depth + 1))
            }
            return .map(Dictionary(entries, uniquingKeysWith: { _, last in last }))
        case 5: return .null
        default: throw ByteReader.Malformed()
        }
    }
}

extension SearchTerms {
    /// Writes the terms to `writer`.
    func write(to writer: inout ByteWriter) {
        writer.write(steps)
        writer.write(targets)
        writer.write(fields)
    }

    /// Reads terms that ``PageSummary/init(reading:encodedSearchTerms:)`` left encoded.
    ///
    /// - Throws: ``FlowCore/ByteReader/Malformed`` when the bytes are not such terms.
    public init(decoding bytes: ArraySlice<UInt8>) throws {
        var reader = ByteReader(bytes)
        self.init(steps: try reader.readStrings(), targets: try reader.readStrings(), fields: try reader.readStrings())
        guard reader.isAtEnd else { throw ByteReader.Malformed() }
    }
}
