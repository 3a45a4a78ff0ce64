public import FlowCore

/// Applies fix-it replacements to the bytes of one file, touching nothing outside their ranges.
///
/// Ranges are 1-based lines and 1-based UTF-8 byte columns with an inclusive end, as diagnostics
/// carry them; the end is widened to the whole UTF-8 character it starts. A file that starts
/// with a byte order mark is handled as the parser saw it (without the mark).
public enum FixItApplier {
    /// The outcome of applying replacements.
    public struct Result: Sendable, Hashable {
        /// The new content of the file.
        public var bytes: [UInt8]
        /// How many replacements were applied; duplicates and overlapping ones are skipped.
        public var applied: Int
    }

    /// Applies `replacements` to `bytes`.
    ///
    /// - Parameters:
    ///   - replacements: The edits; identical ones are applied once, one overlapping an earlier one is skipped.
    ///   - bytes: The file's content as stored.
    /// - Returns: The edited bytes and the number of edits applied.
    public static func apply(_ replacements: [Diagnostic.FixIt.Replacement], to bytes: [UInt8]) -> Result {
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        let skip = bytes.starts(with: bom) ? bom.count : 0
        var lineStarts = [skip]
        for index in skip..<bytes.count where bytes[index] == UInt8(ascii: "\n") { lineStarts.append(index + 1) }

        func offset(line: Int, column: Int) -> Int? {
            guard line >= 1, line <= lineStarts.count, column >= 1 else { return nil }
            let offset = lineStarts[line - 1] + column - 1
            let lineEnd = line < lineStarts.count ? lineStarts[line] : bytes.count
            return offset < lineEnd ? offset : nil
        }

        var edits: [(start: Int, end: Int, text: [UInt8])] = []
        var seen = Set<Diagnostic.FixIt.Replacement>()
        for replacement in replacements where seen.insert(replacement).inserted {
            let range = replacement.range
            guard let start = offset(line: range.start.line, column: range.start.column),
                var end = offset(line: range.end.line, column: range.end.column), end >= start
            else { continue }
            end += 1
            while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
            edits.append((start, end, Array(replacement.text.utf8)))
        }
        edits.sort { ($0.start, $0.end) < ($1.start, $1.end) }
        var kept: [(start: Int, end: Int, text: [UInt8])] = []
        for edit in edits where kept.last.map({ edit.start >= $0.end }) ?? true { kept.append(edit) }

        var result = bytes
        for edit in kept.reversed() { result.replaceSubrange(edit.start..<edit.end, with: edit.text) }
        return Result(bytes: result, applied: kept.count)
    }
}
