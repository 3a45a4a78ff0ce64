import FlowParser

/// The libFuzzer entry point: reads the input as a page, or puts it where one reader sees it.
///
/// A first byte 0x01 to 0x04 picks a wrapper, so one target reaches every reader; any other
/// input is a whole page, so the seed corpus holds plain `.md` pages:
///
/// | first byte | the rest of the input becomes |
/// | --- | --- |
/// | 0x01 | the body of a step (list item content, indented 3 spaces) |
/// | 0x02 | the lines of a ```` ```screen ```` fence inside a step |
/// | 0x03 | the body rows of a field table inside a step |
/// | 0x04 | the YAML between the front matter's `---` lines |
/// | other | the whole page, front matter included |
///
/// Bytes are decoded as UTF-8 with replacement, as the content loader does after reporting them.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data, size > 0 else { return 0 }
    let bytes = UnsafeBufferPointer(start: data, count: size)
    let body = String(decoding: bytes.dropFirst(), as: UTF8.self)
    let page: String
    switch bytes[0] {
    case 1: page = "# Fuzz\n\n1. Click **Fuzz**.\n\n" + indented(body, by: "   ") + "\n2. Click **Done**.\n"
    case 2: page = "# Fuzz\n\n1. Open **Fuzz**.\n\n   ```screen Fuzz\n" + indented(body, by: "   ") + "\n   ```\n"
    case 3:
        page = "# Fuzz\n\n1. Fill in **Fuzz**.\n\n   | Field | Description | Required |\n   | --- | --- | --- |\n"
            + indented(body, by: "   ") + "\n"
    case 4: page = "---\n" + body + "\n---\n# Fuzz\n\n1. Click **Fuzz**.\n"
    default: page = String(decoding: bytes, as: UTF8.self)
    }
    let (flow, diagnostics) = PageParser().parse(page, source: "fuzz.md")
    // Touch the results, so nothing is optimised away and the model's synthesized conformances run too.
    var hasher = Hasher()
    hasher.combine(flow)
    hasher.combine(diagnostics.count)
    _ = hasher.finalize()
    return 0
}

/// `text` with `prefix` before every line.
private func indented(_ text: String, by prefix: String) -> String {
    text.split(separator: "\n", omittingEmptySubsequences: false).map { prefix + $0 }.joined(separator: "\n")
}
