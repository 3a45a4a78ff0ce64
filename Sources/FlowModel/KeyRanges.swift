public import FlowCore

/// Where each front-matter key of a page was written (``Metadata/keyRanges``), kept sorted by key.
///
/// A page has a handful of keys: an array of them searched in order holds them in half the
/// memory of a dictionary (which keeps room for twice as many) and is read back from the page
/// store without hashing, already sorted. Its `Codable` form is the dictionary's.
public struct KeyRanges: Sendable, Hashable, Codable, ExpressibleByDictionaryLiteral, Sequence {
    /// One key and where it was written.
    public struct Entry: Sendable, Hashable {
        public var key: String
        public var range: SourceRange
    }

    /// The keys in order; from the page store, read only when first asked for.
    private(set) var storage = OnDemand<[Entry]>([])

    private var entries: [Entry] {
        get { storage.value }
        _modify { yield &storage.value }
    }

    /// No keys.
    public init() {}

    /// The keys `storage` holds, in order.
    init(storage: OnDemand<[Entry]>) {
        self.storage = storage
    }

    public init(dictionaryLiteral elements: (String, SourceRange)...) {
        for (key, range) in elements { self[key] = range }
    }

    /// Where `key` was written; setting `nil` removes it.
    public subscript(key: String) -> SourceRange? {
        get {
            let entries = entries
            let index = Self.insertionIndex(of: key, in: entries)
            return index < entries.count && entries[index].key == key ? entries[index].range : nil
        }
        set {
            let index = Self.insertionIndex(of: key, in: entries)
            let isPresent = index < entries.count && entries[index].key == key
            switch (newValue, isPresent) {
            case (let range?, true): entries[index].range = range
            case (let range?, false): entries.insert(Entry(key: key, range: range), at: index)
            case (nil, true): entries.remove(at: index)
            case (nil, false): break
            }
        }
    }

    /// The number of keys.
    public var count: Int { entries.count }

    /// Whether there are no keys.
    public var isEmpty: Bool { entries.isEmpty }

    /// Makes room for `count` keys.
    public mutating func reserveCapacity(_ count: Int) {
        entries.reserveCapacity(count)
    }

    /// The keys in order, each with where it was written.
    public func makeIterator() -> IndexingIterator<[Entry]> {
        entries.makeIterator()
    }

    /// The position of `key`, or where it would go.
    ///
    /// Keys set in order (as the page store reads them) go at the end without a search.
    private static func insertionIndex(of key: String, in entries: [Entry]) -> Int {
        if let last = entries.last, last.key < key { return entries.count }
        var low = 0
        var high = entries.count
        while low < high {
            let middle = (low + high) / 2
            if entries[middle].key < key { low = middle + 1 } else { high = middle }
        }
        return low
    }

    public init(from decoder: any Decoder) throws {
        let dictionary = try [String: SourceRange](from: decoder)
        entries = dictionary.map { Entry(key: $0.key, range: $0.value) }.sorted { $0.key < $1.key }
    }

    public func encode(to encoder: any Encoder) throws {
        try Dictionary(uniqueKeysWithValues: entries.map { ($0.key, $0.range) }).encode(to: encoder)
    }
}
