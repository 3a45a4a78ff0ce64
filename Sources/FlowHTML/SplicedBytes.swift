import Foundation

/// The bytes of a file made of runs made now and runs of a previous build's file: a chunk of
/// `flows.json` (``FlowsJSONChunk``), or of the search index.
///
/// The previous file's runs are copied file to file (``PreviousParts/copy(_:to:at:)``,
/// `copy_file_range`), never through this process's memory; runs that follow each other in
/// either source are merged, so that a chunk of unchanged parts is one copy.
struct SplicedBytes: Sendable, Equatable {
    /// A run of the bytes.
    enum Piece: Sendable, Equatable {
        /// Bytes of ``made``.
        case made(Range<Int>)
        /// Bytes of the previous file.
        case previous(Range<Int>)

        /// The number of bytes of the piece.
        var count: Int {
            switch self {
            case .made(let range), .previous(let range): range.count
            }
        }
    }

    /// The bytes made now, in order.
    private(set) var made: [UInt8] = []
    /// The runs in order.
    private(set) var pieces: [Piece] = []
    /// The number of bytes in all.
    private(set) var count = 0

    /// Appends bytes made now.
    mutating func append(_ bytes: some Collection<UInt8>) {
        let start = made.count
        made.append(contentsOf: bytes)
        appendMade(start..<made.count)
    }

    /// Appends bytes made now by `body`, which appends them to the buffer it is given.
    mutating func appendMade<Result>(by body: (inout [UInt8]) throws -> Result) rethrows -> Result {
        let start = made.count
        let result = try body(&made)
        appendMade(start..<made.count)
        return result
    }

    /// Appends a part of a previous file whose parts lie after `prefixLength` bytes, one comma
    /// between two (`flows.json`, the search index); `isFirst` for the first part of the new file.
    ///
    /// The comma before the part is copied with it when the previous file has one: parts that
    /// follow each other there are then one run.
    mutating func appendPrevious(_ range: Range<Int>, prefixLength: Int, isFirst: Bool) {
        if !isFirst, range.lowerBound > prefixLength {
            return appendPrevious(range.lowerBound - 1..<range.upperBound)
        }
        if !isFirst { append(CollectionOfOne(UInt8(ascii: ","))) }
        appendPrevious(range)
    }

    /// Appends `range` of the previous file.
    mutating func appendPrevious(_ range: Range<Int>) {
        count += range.count
        if case .previous(let last) = pieces.last, last.upperBound == range.lowerBound {
            pieces[pieces.count - 1] = .previous(last.lowerBound..<range.upperBound)
        } else {
            pieces.append(.previous(range))
        }
    }

    private mutating func appendMade(_ range: Range<Int>) {
        guard !range.isEmpty else { return }
        count += range.count
        if case .made(let last) = pieces.last, last.upperBound == range.lowerBound {
            pieces[pieces.count - 1] = .made(last.lowerBound..<range.upperBound)
        } else {
            pieces.append(.made(range))
        }
    }

    /// Writes the bytes at the end of `file`, copying the previous runs from `previous`.
    ///
    /// - Throws: ``SiteWriterError`` for a failed write, a failed read of `previous`, or
    ///   previous runs without a previous file.
    func write(to file: SiteStaging.OutputFile, from previous: PreviousParts?) throws {
        for piece in pieces {
            switch piece {
            case .made(let range): try file.append(made[range])
            case .previous(let range):
                guard let previous else {
                    throw SiteWriterError(path: file.path, reason: "it copies from no previous build's file")
                }
                try previous.copy(range, to: file)
            }
        }
    }

    /// Appends the bytes to `buffer`, reading the previous runs from `previous`.
    ///
    /// - Throws: ``SiteWriterError`` for a failed read of `previous`, or previous runs without
    ///   a previous file.
    func append(to buffer: inout [UInt8], from previous: PreviousParts?) throws {
        for piece in pieces {
            switch piece {
            case .made(let range): buffer += made[range]
            case .previous(let range):
                guard let previous, previous.appendBytes(range, to: &buffer) else {
                    throw SiteWriterError(path: previous?.path ?? "", reason: "can't read the previous build's file")
                }
            }
        }
    }
}
