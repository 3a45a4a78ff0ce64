import FlowJSON
import Foundation

/// Writes a new `flows.json` over an older one (``FlowsJSONScratch``) where the two differ.
///
/// A part made from the same source digest in a site with the same answers is the same bytes,
/// so a part found at the same place in both files, made from the same digest, is left as it
/// is; everything else is written at its place: the parts that changed and, after a part whose
/// length changed, every part that moved. Writing into the file's existing pages spares the
/// kernel allocating a new file's pages and freeing the old one's, and parts in place are not
/// written at all. A test compares the result with the file written anew.
enum FlowsJSONPatch {
    /// The ranges of the new file whose bytes are not already in the old file at the same place:
    /// each part (with the comma before it) not made from the same digest at the same range.
    ///
    /// - Parameters:
    ///   - new: The new file's layout.
    ///   - old: The layout of the file being overwritten, made with the same answers.
    /// - Returns: The ranges, in order, neighbours merged; the opening and closing are not among them.
    static func staleRanges(new: PartLayout, old: PartLayout) -> [Range<Int>] {
        let newRanges = new.ranges
        let oldRanges = old.ranges
        var stale: [Range<Int>] = []
        for (index, part) in new.parts.enumerated() {
            let range = newRanges[index]
            // A page with no digest (0) is made anew in every build.
            if new.prefixLength == old.prefixLength, old.parts.indices.contains(index), part.digest != 0,
                old.parts[index].digest == part.digest, old.parts[index].source == part.source,
                oldRanges[index] == range
            {
                continue
            }
            let written = index == 0 ? range : range.lowerBound - 1..<range.upperBound
            if let last = stale.last, last.upperBound == written.lowerBound {
                stale[stale.count - 1] = last.lowerBound..<written.upperBound
            } else {
                stale.append(written)
            }
        }
        return stale
    }

    /// Overwrites `file` with the document of `chunk`, writing of its parts only `stale`, and
    /// closes it.
    ///
    /// - Parameters:
    ///   - chunk: Every flow of the document, in order.
    ///   - stale: The ranges of the new file to write (``staleRanges(new:old:)``).
    ///   - frame: The document's opening, before the first flow, and closing, after the last.
    ///   - previous: The previous build's `flows.json`, which `chunk` copies ranges of.
    ///   - file: The file, open for writing at any place; cut to the new document's length.
    /// - Throws: ``SiteWriterError`` for a failed read or write.
    static func write(
        _ chunk: FlowsJSONChunk,
        stale: [Range<Int>],
        frame: (opening: [UInt8], closing: [UInt8]),
        previous: PreviousParts,
        to file: SiteStaging.OutputFile
    ) throws {
        try file.closing { file in
            try overwrite(file, with: chunk, stale: stale, frame: frame, previous: previous)
        }
    }

    private static func overwrite(
        _ file: SiteStaging.OutputFile,
        with chunk: FlowsJSONChunk,
        stale: [Range<Int>],
        frame: (opening: [UInt8], closing: [UInt8]),
        previous: PreviousParts
    ) throws {
        let (opening, closing) = frame
        try file.write(opening, at: 0)
        var start = opening.count
        var next = 0
        for piece in chunk.pieces {
            let span = start..<start + piece.count
            start = span.upperBound
            while next < stale.count, stale[next].upperBound <= span.lowerBound { next += 1 }
            // A stale range may run on into the next piece: it stays `next` until passed.
            for range in stale[next...].prefix(while: { $0.lowerBound < span.upperBound }) {
                let overlap = range.clamped(to: span)
                let skipped = overlap.lowerBound - span.lowerBound
                switch piece {
                case .made(let made):
                    let from = made.lowerBound + skipped
                    try file.write(chunk.made[from..<from + overlap.count], at: overlap.lowerBound)
                case .previous(let copied):
                    let from = copied.lowerBound + skipped
                    try previous.copy(from..<from + overlap.count, to: file, at: overlap.lowerBound)
                }
            }
        }
        try file.write(closing, at: start)
        try file.truncate(to: start + closing.count)
    }
}
