import FlowCore

/// The JSON syntax ``ExportJSONWriter`` writes with: containers, keys, separators and values,
/// spaced as its ``JSONLayout`` says.
extension ExportJSONWriter {
    // MARK: Structure

    mutating func newline() {
        guard layout == .pretty else { return }
        bytes.append(UInt8(ascii: "\n"))
        for _ in 0..<depth { bytes.append(UInt8(ascii: " ")); bytes.append(UInt8(ascii: " ")) }
    }

    mutating func open(_ bracket: UInt8) {
        bytes.append(bracket)
        depth += 1
        isEmpty.append(true)
    }

    mutating func close(_ bracket: UInt8) {
        depth -= 1
        if isEmpty.removeLast(), layout == .pretty { bytes.append(UInt8(ascii: "\n")) }
        newline()
        bytes.append(bracket)
    }

    /// Starts a member or element: the comma after the previous one, a new line, the indentation.
    mutating func separate() {
        if isEmpty[isEmpty.count - 1] {
            isEmpty[isEmpty.count - 1] = false
        } else {
            bytes.append(UInt8(ascii: ","))
        }
        newline()
    }

    mutating func object(_ members: (inout ExportJSONWriter) -> Void) {
        open(UInt8(ascii: "{"))
        members(&self)
        close(UInt8(ascii: "}"))
    }

    mutating func array<Element>(_ elements: [Element], _ write: (inout ExportJSONWriter, Element) -> Void) {
        open(UInt8(ascii: "["))
        for element in elements {
            separate()
            write(&self, element)
        }
        close(UInt8(ascii: "]"))
    }

    mutating func key(_ name: StaticString, _ value: (inout ExportJSONWriter) -> Void) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        name.withUTF8Buffer { bytes.append(contentsOf: $0) }
        if layout == .pretty {
            bytes.append(contentsOf: [UInt8(ascii: "\""), UInt8(ascii: " "), UInt8(ascii: ":"), UInt8(ascii: " ")])
        } else {
            bytes.append(contentsOf: [UInt8(ascii: "\""), UInt8(ascii: ":")])
        }
        value(&self)
    }

    // MARK: Values

    mutating func bool(_ value: Bool) {
        literal(value ? "true" : "false")
    }

    /// Appends `text` as it is: syntax, never a value from the flow.
    mutating func literal(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    mutating func int(_ value: Int) {
        guard value >= 0 else { return bytes.append(contentsOf: String(value).utf8) }
        // The digits from the last, into a buffer large enough for any Int.
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)
        withUnsafeMutableBytes(of: &digits) { buffer in
            var rest = value
            var start = buffer.count
            repeat {
                start -= 1
                buffer[start] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
            } while rest > 0
            bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: buffer[start...]))
        }
    }

    /// The bytes ``string(_:)`` escapes or leaves to the encoder: control characters, the
    /// quote, the backslash, DEL, and the first byte of U+2028 and U+2029.
    private static let special = ByteClass(
        below: 0x20,
        UInt8(ascii: "\""),
        UInt8(ascii: "\\"),
        0x7F,
        0xE2
    )

    mutating func string(_ value: String) {
        var value = value
        bytes.append(UInt8(ascii: "\""))
        value.withUTF8 { utf8 in
            // Runs of bytes written as they are are copied whole.
            var runStart = 0
            let count = utf8.count
            var index = Self.special.firstIndex(in: utf8, from: 0)
            while index < count {
                defer { index = Self.special.firstIndex(in: utf8, from: index + 1) }
                let escaped: UInt8
                switch utf8[index] {
                case UInt8(ascii: "\""): escaped = UInt8(ascii: "\"")
                case UInt8(ascii: "\\"): escaped = UInt8(ascii: "\\")
                case UInt8(ascii: "\n"): escaped = UInt8(ascii: "n")
                case UInt8(ascii: "\r"): escaped = UInt8(ascii: "r")
                case UInt8(ascii: "\t"): escaped = UInt8(ascii: "t")
                case 0..<0x20, 0x7F:
                    failed = true
                    continue
                case 0xE2:
                    // U+2028 and U+2029 (E2 80 A8, E2 80 A9): left to the encoder.
                    if index + 2 < count, utf8[index + 1] == 0x80, utf8[index + 2] == 0xA8 || utf8[index + 2] == 0xA9 {
                        failed = true
                    }
                    continue
                default: continue
                }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
                bytes.append(UInt8(ascii: "\\"))
                bytes.append(escaped)
                runStart = index + 1
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart...]))
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
