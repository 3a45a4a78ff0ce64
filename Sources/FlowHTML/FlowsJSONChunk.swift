import FlowJSON
import Foundation

/// The part of `flows.json` that one task of a build makes: the JSON of its flows, made now or
/// taken from the previous build's `flows.json` as ranges of that file.
///
/// The ranges are copied file to file by ``FlowsJSONAssembler`` (`copy_file_range`), never
/// through this process's memory; ranges that follow each other in the previous file are merged,
/// so that a chunk of unchanged flows is one copy.
struct FlowsJSONChunk: Sendable {
    /// A run of the chunk's bytes.
    enum Piece: Sendable, Equatable {
        /// Bytes of ``made``.
        case made(Range<Int>)
        /// Bytes of the previous `flows.json`.
        case previous(Range<Int>)
    }

    /// The bytes made now, in order.
    private(set) var made: [UInt8] = []
    /// The runs in order.
    private(set) var pieces: [Piece] = []
    /// The chunk's length in bytes.
    private(set) var count = 0

    /// Appends the JSON of one flow; `isFirst` for the first flow of the whole document.
    mutating func append(_ json: Data, isFirst: Bool) {
        let start = made.count
        ExportDocumentStream.appendFlow(json, isFirst: isFirst, layout: SiteGenerator.jsonLayout, to: &made)
        appendMade(start..<made.count)
    }

    /// Appends a flow's part of the previous `flows.json`, which starts after `prefixLength`
    /// bytes; `isFirst` for the first flow of the whole document.
    mutating func appendPrevious(_ range: Range<Int>, prefixLength: Int, isFirst: Bool) {
        // Parts are separated by one comma (compact JSON): copied with the part when it had one.
        if !isFirst, range.lowerBound > prefixLength {
            return appendPrevious(range.lowerBound - 1..<range.upperBound)
        }
        if !isFirst {
            made.append(UInt8(ascii: ","))
            appendMade(made.count - 1..<made.count)
        }
        appendPrevious(range)
    }

    private mutating func appendMade(_ range: Range<Int>) {
        count += range.count
        if case .made(let last) = pieces.last, last.upperBound == range.lowerBound {
            pieces[pieces.count - 1] = .made(last.lowerBound..<range.upperBound)
        } else {
            pieces.append(.made(range))
        }
    }

    private mutating func appendPrevious(_ range: Range<Int>) {
        count += range.count
        if case .previous(let last) = pieces.last, last.upperBound == range.lowerBound {
            pieces[pieces.count - 1] = .previous(last.lowerBound..<range.upperBound)
        } else {
            pieces.append(.previous(range))
        }
    }
}
