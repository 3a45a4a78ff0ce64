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
        var bySource: [String: String] = [:]
        for flow in content.flows { bySource[flow.source] = flow.id }
        self.flowIDsBySource = bySource
        self.flowIDs = Set(content.flows.map(\.id))
        self.assets = Set(content.assets)
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
        guard let colon = destination.firstIndex(of: ":") else { return false }
        let scheme = destination[..<colon]
        guard let first = scheme.first, first.isLetter, scheme.count > 1 else { return false }
        return scheme.allSatisfy { $0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == "." }
    }

    /// Splits `a.md#step-2` into the percent-decoded path `a.md` and the fragment `step-2`.
    static func split(_ destination: String) -> (path: String, fragment: String?) {
        var rest = Substring(destination)
        var fragment: String?
        if let hash = rest.firstIndex(of: "#") {
            fragment = String(rest[rest.index(after: hash)...])
            rest = rest[..<hash]
        }
        if let query = rest.firstIndex(of: "?") { rest = rest[..<query] }
        return (String(rest).removingPercentEncodingSafely, fragment)
    }

    /// Joins `path` to the folder of `source` and removes `.` and `..`; `nil` if it leaves the root.
    public static func normalize(_ path: String, relativeTo source: String) -> String? {
        var parts = source.split(separator: "/", omittingEmptySubsequences: true).dropLast().map(String.init)
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
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
}

extension String {
    /// The string with `%XX` escapes decoded; unchanged where an escape is not valid UTF-8.
    var removingPercentEncodingSafely: String {
        guard contains("%") else { return self }
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
