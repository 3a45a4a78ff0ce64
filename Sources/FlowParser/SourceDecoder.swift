import FlowCore

#if canImport(Glibc)
    import Glibc
#endif

/// Reads a page's bytes as text, reporting what had to be repaired.
enum SourceDecoder {
    struct Decoded {
        var text: String
        var diagnostics: [Diagnostic]
        /// Whether the bytes look like a binary file rather than text; ``text`` is then empty.
        var isBinary = false
    }

    /// Decodes `bytes` as UTF-8.
    ///
    /// A BOM is dropped; invalid sequences become U+FFFD and are reported once, at the first one; NUL bytes
    /// are reported (libcmark replaces them).
    static func decode(_ bytes: [UInt8], source: String) -> Decoded {
        var bytes = bytes[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        if looksBinary(bytes) {
            let diagnostic = Diagnostic(
                .error,
                id: "BinaryFile",
                range: nil,
                file: source,
                summary: "Page is not a text file; it is left out",
                explanation: "Save the page as UTF-8 text, or rename it if it is not a page (only .md files are pages)."
            )
            return Decoded(text: "", diagnostics: [diagnostic], isBinary: true)
        }
        var diagnostics: [Diagnostic] = []
        if let offset = firstNul(in: bytes) {
            diagnostics.append(
                Diagnostic(
                    .warning,
                    id: "NulByte",
                    range: location(of: offset, in: bytes, file: source),
                    summary: "Page contains a NUL byte; it is shown as U+FFFD",
                    explanation: "Remove the NUL bytes; a page that is mostly NUL bytes is probably not a text file."
                )
            )
        }
        if let text = String(validating: bytes, as: UTF8.self) {
            return Decoded(text: text, diagnostics: diagnostics)
        }
        let offset = firstInvalidOffset(bytes) ?? bytes.startIndex
        diagnostics.append(
            Diagnostic(
                .warning,
                id: "InvalidUTF8",
                range: location(of: offset, in: bytes, file: source),
                summary: "Page is not valid UTF-8; invalid bytes are shown as U+FFFD",
                explanation: "Save the file as UTF-8."
            )
        )
        return Decoded(text: String(decoding: bytes, as: UTF8.self), diagnostics: diagnostics)
    }

    /// Whether `bytes` look like a binary file (an image, an archive, UTF-16 text), judged by its start.
    ///
    /// Counts, in the first 64 KiB, NUL and other control bytes (all below 0x20 except tab, line
    /// feed, form feed and carriage return) and bytes of invalid UTF-8 sequences. A text page with
    /// a stray NUL or a Latin-1 page stays text (and gets a warning); one where more than 30% of
    /// the bytes are such is binary. UTF-16 text (every other byte NUL) and random data score 50%.
    static func looksBinary(_ bytes: ArraySlice<UInt8>) -> Bool {
        let sample = bytes.prefix(64 << 10)
        var suspicious = 0
        // All ASCII (nearly every page): each byte is a scalar of its own, so count by bytes.
        let ascii = sample.withContiguousStorageIfAvailable { buffer -> Bool in
            let counted = countControls(in: buffer)
            suspicious = counted.controls
            return counted.isASCII
        }
        if ascii == true { return suspicious > 3 && suspicious * 10 > sample.count * 3 }
        suspicious = 0
        var iterator = sample.makeIterator()
        var parser = Unicode.UTF8.ForwardParser()
        loop: while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                if encoded.count == 1, let byte = encoded.first, byte < 0x20, ![9, 10, 12, 13].contains(byte) {
                    suspicious += 1
                }
            case .error(let length): suspicious += length
            case .emptyInput: break loop
            }
        }
        return suspicious > 3 && suspicious * 10 > sample.count * 3
    }

    /// The number of control bytes in `buffer` other than tab, line feed, form feed and carriage
    /// return, and whether every byte is ASCII: sixteen bytes at a time (a loop over bytes was 1%
    /// of a build).
    private static func countControls(in buffer: UnsafeBufferPointer<UInt8>) -> (controls: Int, isASCII: Bool) {
        let isAllowedControl = { (byte: UInt8) in byte == 9 || byte == 10 || byte == 12 || byte == 13 }
        var controls = 0
        var index = 0
        var high = SIMD16<UInt8>(repeating: 0)
        // Vectors, not scalars: comparing a vector with a scalar compiled to a loop over lanes.
        let (space, tab, lineFeed, formFeed, carriageReturn) = (
            SIMD16<UInt8>(repeating: 0x20), SIMD16<UInt8>(repeating: 9), SIMD16<UInt8>(repeating: 10),
            SIMD16<UInt8>(repeating: 12), SIMD16<UInt8>(repeating: 13)
        )
        if let base = buffer.baseAddress {
            while index + 16 <= buffer.count {
                let block = UnsafeRawPointer(base + index).loadUnaligned(as: SIMD16<UInt8>.self)
                high |= block
                let allowed =
                    (block .== tab) .| (block .== lineFeed) .| (block .== formFeed) .| (block .== carriageReturn)
                let isControl = (block .< space) .& .!allowed
                if any(isControl) {
                    for lane in 0..<16 where isControl[lane] { controls += 1 }
                }
                index += 16
            }
        }
        var highByte = high.max()
        for byte in buffer[index...] {
            highByte |= byte
            if byte < 0x20, !isAllowedControl(byte) { controls += 1 }
        }
        return (controls, highByte < 0x80)
    }

    /// The offset of the first NUL byte, found by `memchr` (a loop over the bytes was 1% of `check`).
    private static func firstNul(in bytes: ArraySlice<UInt8>) -> Int? {
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress, let found = memchr(base, 0, buffer.count) else { return nil }
            return bytes.startIndex + base.distance(to: found.assumingMemoryBound(to: UInt8.self))
        }
    }

    static func unreadable(_ source: String) -> Diagnostic {
        Diagnostic(
            .error,
            id: "UnreadableFile",
            range: nil,
            file: source,
            summary: "Page can't be read",
            explanation: "Check the file's permissions."
        )
    }

    private static func location(of offset: Int, in bytes: ArraySlice<UInt8>, file: String) -> SourceRange {
        let before = bytes[bytes.startIndex..<offset]
        let line = before.count { $0 == UInt8(ascii: "\n") } + 1
        let lineStart = before.lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? bytes.startIndex
        return SourceRange(file: file, line: line, column: offset - lineStart + 1)
    }

    private static func firstInvalidOffset(_ bytes: ArraySlice<UInt8>) -> Int? {
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            let length =
                byte < 0x80 ? 1 : byte >> 5 == 0b110 ? 2 : byte >> 4 == 0b1110 ? 3 : byte >> 3 == 0b11110 ? 4 : 0
            guard length > 0, index + length <= bytes.endIndex,
                String(validating: bytes[index..<index + length], as: UTF8.self) != nil
            else { return index }
            index += length
        }
        return nil
    }
}
