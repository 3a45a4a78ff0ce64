import Dispatch
/// Resolves a link written in a page to what it points at in the content folder.
///
/// Links between pages are written to the `.md` file (`accept.md`, `../jira/accept.md#step-2`);
/// a front-matter `next` may also name a flow id.
public struct LinkResolver: Sendable {
    /// What a link points at.
    public enum Target: Sendable, Hashable {
        /// A URL with a scheme (`https:`, `mailto:`) or a protocol-relative one.
        case external(String)
        /// An anchor in the same page.
        case sameFlow(fragment: String)
        /// Another page, with an optional fragment.
        case flow(id: String, fragment: String?)
        /// A file in the content folder that is not a page, such as an image.
        case asset(path: String)
        /// A path inside the content folder where nothing exists.
        case missing(path: String)
        /// A path that leaves the content folder (`../../etc/passwd`, `/etc/passwd`).
        case outside(path: String)
    }

    private let flowIDsBySource: [String: String]
    private let flowIDs: Set<String>
    private let assets: Set<String>

    /// Creates a resolver over the pages and assets of `content`.
    public init(content: ContentSet) {
        self.init(pages: content.flows.lazy.map { ($0.source, $0.id) }, assets: content.assets)
    }

    /// Creates a resolver for pages given by their source path and flow ID, and asset paths.
    public init(pages: some Sequence<(source: String, id: String)>, assets: [String]) {
        self.init(pages: Array(pages), assets: assets)
    }

    /// Creates a resolver for pages given by their source path and flow ID, and asset paths.
    ///
    /// The table of ids by path and the set of ids of a large site are made side by side, on
    /// two cores: a rebuild makes them on its way to the site while the other core is idle.
    public init(pages: [(source: String, id: String)], assets: [String]) {
        nonisolated(unsafe) var bySource: [String: String] = [:]
        nonisolated(unsafe) var ids: Set<String> = []
        let parts = pages.count < 1024 ? 1 : 2
        DispatchQueue.concurrentPerform(iterations: parts) { part in
            if part == 0 {
                bySource = Dictionary(pages, uniquingKeysWith: { _, last in last })
            }
            if part == parts - 1 {
                ids = Set(pages.lazy.map(\.id))
            }
        }
        self.flowIDsBySource = bySource
        self.flowIDs = ids
        self.assets = Set(assets)
    }

    /// Resolves `destination` as written in the page at `source`.
    ///
    /// - Parameters:
    ///   - destination: The link destination as written.
    ///   - source: The path of the page that holds the link, relative to the content folder.
    ///   - allowsFlowID: Whether a bare flow id counts (front matter `next`).
    public func resolve(_ destination: String, from source: String, allowsFlowID: Bool = false) -> Target {
        if Self.hasScheme(destination) || destination.hasPrefix("//") { return .external(destination) }
        let (path, fragment) = Self.split(destination)
        if path.isEmpty { return .sameFlow(fragment: fragment ?? "") }
        if allowsFlowID, flowIDs.contains(path) { return .flow(id: path, fragment: fragment) }
        guard !path.hasPrefix("/"), let normalized = Self.normalize(path, relativeTo: source) else {
            return .outside(path: path)
        }
        if let id = flowIDsBySource[normalized] { return .flow(id: id, fragment: fragment) }
        if let id = flowIDsBySource[normalized + ".md"], allowsFlowID { return .flow(id: id, fragment: fragment) }
        if assets.contains(normalized) { return .asset(path: normalized) }
        return .missing(path: normalized)
    }

    /// Whether `destination` starts with a URL scheme such as `https:` or `mailto:`.
    public static func hasScheme(_ destination: String) -> Bool {
        if let ascii = asciiHasScheme(destination.utf8) { return ascii }
        guard let colon = destination.firstIndex(of: ":") else { return false }
        let scheme = destination[..<colon]
        guard let first = scheme.first, first.isLetter, scheme.count > 1 else { return false }
        return scheme.allSatisfy { $0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == "." }
    }

    /// ``hasScheme(_:)`` by bytes when the scheme part is ASCII (where bytes and characters agree);
    /// `nil` when a non-ASCII byte comes before the first colon.
    private static func asciiHasScheme(_ bytes: String.UTF8View) -> Bool? {
        var count = 0
        var index = bytes.startIndex
        while index != bytes.endIndex {
            let byte = bytes[index]
            if byte >= 0x80 { return nil }
            if byte == UInt8(ascii: ":") { return isPlainColon(at: index, in: bytes) ? count > 1 : nil }
            let isLetter = (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
            let isDigit = byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
            let allowed =
                count == 0
                ? isLetter
                : isLetter || isDigit || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-")
                    || byte == UInt8(ascii: ".")
            // A byte that can't be in a scheme: still look for the colon, which may be preceded by non-ASCII.
            if !allowed { return asciiUpToColon(bytes) ? false : nil }
            count += 1
            bytes.formIndex(after: &index)
        }
        return false
    }

    /// Whether every byte before the first colon (or of the whole text, without one) is ASCII,
    /// and that colon is a character of its own.
    private static func asciiUpToColon(_ bytes: String.UTF8View) -> Bool {
        var index = bytes.startIndex
        while index != bytes.endIndex {
            let byte = bytes[index]
            if byte == UInt8(ascii: ":") { return isPlainColon(at: index, in: bytes) }
            if byte >= 0x80 { return false }
            bytes.formIndex(after: &index)
        }
        return true
    }

    /// Whether the colon at `index` is the character `:`, not the start of a cluster with a
    /// combining mark (which is never ASCII).
    private static func isPlainColon(at index: String.Index, in bytes: String.UTF8View) -> Bool {
        let next = bytes.index(after: index)
        return next == bytes.endIndex || bytes[next] < 0x80
    }

    /// Splits `a.md#step-2` into the percent-decoded path `a.md` and the fragment `step-2`.
    static func split(_ destination: String) -> (path: String, fragment: String?) {
        // Most links are a plain relative path, without a fragment, query or escape: the path is
        // the destination as it is, with no new string (every link is resolved several times a
        // build). Without those bytes, no character is one of them either.
        let special = destination.utf8.contains {
            $0 == UInt8(ascii: "#") || $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "%")
        }
        if !special { return (destination, nil) }
        if destination.utf8.allSatisfy({ $0 < 0x80 }) { return asciiSplit(destination) }
        var rest = Substring(destination)
        var fragment: String?
        if let hash = rest.firstIndex(of: "#") {
            fragment = String(rest[rest.index(after: hash)...])
            rest = rest[..<hash]
        }
        if let query = rest.firstIndex(of: "?") { rest = rest[..<query] }
        return (String(rest).removingPercentEncodingSafely, fragment)
    }

    /// ``split(_:)`` by bytes, for ASCII text (where each byte is a character).
    private static func asciiSplit(_ destination: String) -> (path: String, fragment: String?) {
        let bytes = destination.utf8
        var end = bytes.firstIndex(of: UInt8(ascii: "#")) ?? bytes.endIndex
        let fragment = end == bytes.endIndex ? nil : String(destination[bytes.index(after: end)...])
        if let query = bytes[..<end].firstIndex(of: UInt8(ascii: "?")) { end = query }
        return (String(destination[..<end]).removingPercentEncodingSafely, fragment)
    }

    /// Joins `path` to the folder of `source` and removes `.` and `..`; `nil` if it leaves the root.
    public static func normalize(_ path: String, relativeTo source: String) -> String? {
        if path.utf8.allSatisfy({ $0 < 0x80 }), source.utf8.allSatisfy({ $0 < 0x80 }) {
            return asciiNormalize(path, relativeTo: source)
        }
        // Split on the byte '/', as file systems and browsers do: split by characters, a combining
        // mark after a slash (`../\u{301}x`) joined the slash and hid the `..` beside it.
        var parts = Self.segments(of: source).dropLast().map(String.init)
        for part in Self.segments(of: path) {
            switch part {
            case ".": continue
            case "..":
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            default: parts.append(String(part))
            }
        }
        return parts.joined(separator: "/")
    }

    /// The non-empty segments of `path` between `/` bytes.
    private static func segments(of path: String) -> [Substring] {
        path.utf8.split(separator: UInt8(ascii: "/")).map { Substring($0) }
    }

    /// ``normalize(_:relativeTo:)`` for ASCII paths, segment by segment into one byte buffer.
    ///
    /// The parts are the same as by characters, since in ASCII every byte is a character. It
    /// runs for every link of every page, several times a build, so it makes no array of parts.
    private static func asciiNormalize(_ path: String, relativeTo source: String) -> String? {
        var path = path
        var source = source
        return source.withUTF8 { sourceBytes in
            path.withUTF8 { pathBytes in asciiNormalize(pathBytes, relativeTo: sourceBytes) }
        }
    }

    private static func asciiNormalize(
        _ path: UnsafeBufferPointer<UInt8>,
        relativeTo source: UnsafeBufferPointer<UInt8>
    ) -> String? {
        var result: [UInt8] = []
        result.reserveCapacity(source.count + path.count)
        // The folders of `source`: every segment but the last.
        var pending: Slice<UnsafeBufferPointer<UInt8>>?
        forEachSegment(of: source) { segment in
            if let folder = pending { append(folder, to: &result) }
            pending = segment
            return true
        }
        let completed = forEachSegment(of: path) { segment in
            if segment.count == 1, segment.first == UInt8(ascii: ".") { return true }
            if segment.count == 2, segment.allSatisfy({ $0 == UInt8(ascii: ".") }) {
                guard !result.isEmpty else { return false }
                result.removeSubrange((result.lastIndex(of: UInt8(ascii: "/")) ?? 0)...)
            } else {
                append(segment, to: &result)
            }
            return true
        }
        return completed ? String(decoding: result, as: UTF8.self) : nil
    }

    /// Calls `body` with each non-empty segment of `bytes` between `/` bytes, until it returns `false`.
    ///
    /// - Returns: Whether `body` returned `true` for every segment.
    @discardableResult
    private static func forEachSegment(
        of bytes: UnsafeBufferPointer<UInt8>,
        _ body: (Slice<UnsafeBufferPointer<UInt8>>) -> Bool
    ) -> Bool {
        var start = bytes.startIndex
        for index in bytes.indices where bytes[index] == UInt8(ascii: "/") {
            if index > start, !body(bytes[start..<index]) { return false }
            start = index + 1
        }
        return start == bytes.endIndex || body(bytes[start...])
    }

    /// Appends `segment` to the path in `bytes`, after a `/` unless the path is empty.
    private static func append(_ segment: Slice<UnsafeBufferPointer<UInt8>>, to bytes: inout [UInt8]) {
        if !bytes.isEmpty { bytes.append(UInt8(ascii: "/")) }
        bytes.append(contentsOf: segment)
    }
}

extension String {
    /// The string with `%XX` escapes decoded; unchanged where an escape is not valid UTF-8.
    var removingPercentEncodingSafely: String {
        // By bytes: `contains("%")` compared characters, grapheme by grapheme, for every link.
        guard utf8.contains(UInt8(ascii: "%")) else { return self }
        var bytes: [UInt8] = []
        var iterator = utf8.makeIterator()
        while let byte = iterator.next() {
            if byte == UInt8(ascii: "%"), let high = iterator.next(), let low = iterator.next(),
                let value = UInt8(String(decoding: [high, low], as: UTF8.self), radix: 16)
            {
                bytes.append(value)
            } else {
                bytes.append(byte)
            }
        }
        return String(validating: bytes, as: UTF8.self) ?? self
    }
}
