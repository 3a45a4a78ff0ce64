import Dispatch
import FlowCore
import FlowModel

/// The search index, built at build time as a script that assigns `window.FLOWDOC_SEARCH`.
///
/// A script rather than a JSON file, so that search also works from `file://`, where `fetch`
/// can't read local files. Each entry holds the page URL (relative to the site root), its title,
/// summary and facets, and the text to search: step instructions, UI targets, field names,
/// screen labels and choice options.
enum SearchIndex {
    private struct Entry: Encodable {
        var url: String
        var title: String
        var summary: String
        var facets: [String]
        var steps: [String]
        var targets: [String]
        var fields: [String]
    }

    /// Where the script is written, relative to the site's root.
    static let path = "assets/search-index.js"
    /// What comes before the entries, and after them.
    static let opening = "window.FLOWDOC_SEARCH = ["
    static let closing = "];\n"

    /// The search index script of `pages`.
    ///
    /// - Parameters:
    ///   - pages: The published pages, in the index's order.
    ///   - terms: The search terms of the page at a position of `pages`.
    static func script(for pages: [PageSummary], terms: @Sendable (Int) -> SearchTerms) -> String {
        guard let chunks = chunks(of: pages, terms: terms, digests: [:], previous: nil) else {
            return scriptWithEncoder(for: pages, terms: terms)
        }
        return opening + chunks.map { String(decoding: $0.bytes.made, as: UTF8.self) }.joined() + closing
    }

    /// The search index script of `pages`, and where each page's entry lies in it.
    ///
    /// - Parameters:
    ///   - pages: The published pages, in the index's order.
    ///   - terms: The search terms of the page at a position of `pages`; asked only for the
    ///     pages whose entry is made anew.
    ///   - digests: The digest of each page's source, by path.
    ///   - previous: The previous build's index: a page's entry is copied from it, file to file,
    ///     when the page's digest is the one the entry was made from.
    /// - Returns: The script's bytes, and its layout; `nil` when a string's escape was left to
    ///   the encoder.
    static func script(
        for pages: [PageSummary],
        terms: @Sendable (Int) -> SearchTerms,
        digests: [String: UInt64],
        previous: PreviousParts?
    ) -> (contents: SiteFile.Contents, layout: PartLayout?) {
        guard let chunks = chunks(of: pages, terms: terms, digests: digests, previous: previous) else {
            return (.text(scriptWithEncoder(for: pages, terms: terms)), nil)
        }
        var frame = (opening: SplicedBytes(), closing: SplicedBytes())
        frame.opening.append(opening.utf8)
        frame.closing.append(closing.utf8)
        let lengths = chunks.flatMap(\.lengths)
        let layout = PartLayout(
            prefixLength: opening.utf8.count,
            parts: pages.indices.map {
                .init(source: pages[$0].source, digest: digests[pages[$0].source] ?? 0, length: lengths[$0])
            }
        )
        let parts = [frame.opening] + chunks.map(\.bytes) + [frame.closing]
        return (.spliced(.init(parts: parts, previous: previous)), layout)
    }

    /// The entries of `pages` in chunks, made on every core, each with the length of each of
    /// its entries; `nil` when a string's escape was left to the encoder.
    ///
    /// The chunks are kept apart: joined, the entries of a first build were held twice at its
    /// peak of memory.
    private static func chunks(
        of pages: [PageSummary],
        terms: @Sendable (Int) -> SearchTerms,
        digests: [String: UInt64],
        previous: PreviousParts?
    ) -> [(bytes: SplicedBytes, lengths: [Int])]? {
        let chunkSize = 256
        var parts = [(bytes: SplicedBytes, lengths: [Int])?](
            repeating: nil,
            count: (pages.count + chunkSize - 1) / chunkSize
        )
        parts.withUnsafeMutableBufferPointer { buffer in
            // Each iteration writes only its own element of the buffer.
            nonisolated(unsafe) let parts = buffer
            DispatchQueue.concurrentPerform(iterations: parts.count) { index in
                let range = index * chunkSize..<min(pages.count, (index + 1) * chunkSize)
                parts[index] = json(of: range, pages, terms: terms, digests: digests, previous: previous)
            }
        }
        let chunks = parts.compactMap { $0 }
        return chunks.count == parts.count ? chunks : nil
    }

    /// The script as ``HowToJSONLD/scriptSafeJSON(_:)`` writes it through `JSONEncoder`, the
    /// reference for ``script(for:terms:)``'s bytes.
    static func scriptWithEncoder(for pages: [PageSummary], terms: (Int) -> SearchTerms) -> String {
        let entries = pages.indices.map { entry(for: pages[$0], terms: terms($0)) }
        return "window.FLOWDOC_SEARCH = " + HowToJSONLD.scriptSafeJSON(entries) + ";\n"
    }

    /// The entries of the pages at `range` as script-safe JSON with the encoder's bytes (sorted
    /// keys, no spaces), each after a comma but the index's first, made now or runs of
    /// `previous`, with the length of each entry; `nil` when a string holds a character whose
    /// escape is left to the encoder (control characters other than tab and line breaks, DEL,
    /// U+2028, U+2029).
    ///
    /// Entries that lie one after the other in `previous` are one run, copied file to file.
    private static func json(
        of range: Range<Int>,
        _ pages: [PageSummary],
        terms: (Int) -> SearchTerms,
        digests: [String: UInt64],
        previous: PreviousParts?
    ) -> (bytes: SplicedBytes, lengths: [Int])? {
        var bytes = SplicedBytes()
        var lengths: [Int] = []
        lengths.reserveCapacity(range.count)
        var json = ""
        for index in range {
            let page = pages[index]
            if let previous, let part = previous.range(of: page.source, digest: digests[page.source], at: index) {
                bytes.appendPrevious(part, prefixLength: previous.prefixLength, isFirst: index == 0)
                lengths.append(part.count)
                continue
            }
            if index > 0 { bytes.append(CollectionOfOne(UInt8(ascii: ","))) }
            json.removeAll(keepingCapacity: true)
            guard append(entry(for: page, terms: terms(index)), to: &json) else { return nil }
            bytes.append(json.utf8)
            lengths.append(json.utf8.count)
        }
        return (bytes, lengths)
    }

    /// Appends one entry.
    private static func append(_ entry: Entry, to json: inout String) -> Bool {
        json += "{\"facets\":"
        guard append(entry.facets, to: &json) else { return false }
        json += ",\"fields\":"
        guard append(entry.fields, to: &json) else { return false }
        json += ",\"steps\":"
        guard append(entry.steps, to: &json) else { return false }
        json += ",\"summary\":"
        guard append(entry.summary, to: &json) else { return false }
        json += ",\"targets\":"
        guard append(entry.targets, to: &json) else { return false }
        json += ",\"title\":"
        guard append(entry.title, to: &json) else { return false }
        json += ",\"url\":"
        guard append(entry.url, to: &json) else { return false }
        json += "}"
        return true
    }

    private static func append(_ strings: [String], to json: inout String) -> Bool {
        json += "["
        for (index, string) in strings.enumerated() {
            if index > 0 { json += "," }
            guard append(string, to: &json) else { return false }
        }
        json += "]"
        return true
    }

    /// Appends `string` as a JSON string literal that can't end a script element.
    ///
    /// Works on bytes: every character it escapes is ASCII, and the two it leaves to the encoder
    /// (U+2028 and U+2029) are the bytes E2 80 A8 and E2 80 A9.
    private static func append(_ string: String, to json: inout String) -> Bool {
        json += "\""
        var plain = string
        if plain.withUTF8({ ByteClass.scriptJSONSpecial.firstIndex(in: $0, from: 0) == $0.count }) {
            json += string
            json += "\""
            return true
        }
        let bytes = string.utf8
        var runStart = bytes.startIndex
        var index = bytes.startIndex
        while index != bytes.endIndex {
            let escape: String
            switch bytes[index] {
            case UInt8(ascii: "\""): escape = "\\\""
            case UInt8(ascii: "\\"): escape = "\\\\"
            case UInt8(ascii: "\n"): escape = "\\n"
            case UInt8(ascii: "\r"): escape = "\\r"
            case UInt8(ascii: "\t"): escape = "\\t"
            case UInt8(ascii: "<"): escape = "\\u003c"
            case UInt8(ascii: ">"): escape = "\\u003e"
            case UInt8(ascii: "&"): escape = "\\u0026"
            case let byte where byte < 0x20 || byte == 0x7F: return false
            case 0xE2 where isLineOrParagraphSeparator(bytes[index...]): return false
            default:
                bytes.formIndex(after: &index)
                continue
            }
            json += string[runStart..<index]
            json += escape
            bytes.formIndex(after: &index)
            runStart = index
        }
        json += string[runStart...]
        json += "\""
        return true
    }

    /// Whether `bytes` start with U+2028 or U+2029 (E2 80 A8 or E2 80 A9).
    private static func isLineOrParagraphSeparator(_ bytes: Substring.UTF8View) -> Bool {
        let rest = bytes.dropFirst()
        guard let second = rest.first, let third = rest.dropFirst().first else { return false }
        return second == 0x80 && (third == 0xA8 || third == 0xA9)
    }

    private static func entry(for page: PageSummary, terms: SearchTerms) -> Entry {
        Entry(
            url: SitePaths.relative(from: "search.html", to: SitePaths.page(forFlowID: page.id)),
            title: page.title,
            summary: page.summary,
            facets: page.metadata.facets.map(\.value),
            steps: terms.steps,
            targets: terms.targets,
            fields: terms.fields
        )
    }
}
