import FlowCore
import FlowModel
import Foundation
import Synchronization

/// The questions a page asked about the rest of the site while it was rendered.
///
/// A flow page is a function of its own source and of the answers to a few questions about
/// other pages: where a link leads (``SiteContext/href(_:in:allowsFlowID:trace:)``), what the
/// linked flow is called (``SiteContext/linkedFlow(_:in:allowsFlowID:trace:)``), which flows
/// come before and after it, and which overview pages sit above it. The trace records those
/// questions while the page renders. An incremental build asks them again against the new
/// content: when the page's source and every answer are unchanged, so is the page, and the
/// previous file is reused.
final class DependencyTrace: Sendable {
    private let recorded = Mutex<[(query: Query, answer: String)]>([])

    /// One recorded question.
    enum Query: Sendable, Hashable {
        /// The URL a link destination gets in the page.
        case href(String, allowsFlowID: Bool)
        /// The listing of the flow a link leads to, if any.
        case linkedFlow(String, allowsFlowID: Bool)
        /// The listings of the flows before and after the page in reading order.
        case neighbors
        /// The overview page at a source path, if any.
        case overview(source: String)
    }

    /// Records `query` and the answer the page got, as ``answer(to:for:in:)`` words it.
    func record(_ query: Query, answer: String) {
        recorded.withLock { $0.append((query, answer)) }
    }

    /// The distinct questions asked, in the order first asked.
    var queries: [Query] {
        recorded.withLock { recorded in
            var seen: Set<Query> = []
            return recorded.map(\.query).filter { seen.insert($0).inserted }
        }
    }

    /// The hash of the answers the page got, equal to what ``answers(to:for:in:)`` gives for
    /// ``queries`` in the same context, without asking them again.
    var answersHash: UInt64 {
        recorded.withLock { recorded in
            var seen: Set<Query> = []
            var hasher = StableHasher()
            for (query, answer) in recorded where seen.insert(query).inserted { hasher.combine(answer) }
            return hasher.value
        }
    }

    /// The hash of the answers `context` gives to `queries` for `flow`.
    static func answers(to queries: [Query], for flow: some SitePage, in context: SiteContext) -> UInt64 {
        var hasher = StableHasher()
        for query in queries { hasher.combine(answer(to: query, for: flow, in: context)) }
        return hasher.value
    }

    /// The answer `context` gives to `query` for `flow`, as one string.
    private static func answer(to query: Query, for flow: some SitePage, in context: SiteContext) -> String {
        switch query {
        case .href(let destination, let allowsFlowID):
            context.href(destination, in: flow, allowsFlowID: allowsFlowID)
        case .linkedFlow(let destination, let allowsFlowID):
            context.listing(at: context.linkedIndex(destination, in: flow, allowsFlowID: allowsFlowID))
        case .neighbors:
            context.neighborListing(of: flow)
        case .overview(let source):
            context.overviewListing(atSource: source)
        }
    }

    /// What a page may show of another flow (its id, title, summary, mode, kind and step count),
    /// as a digest of them in base 36.
    ///
    /// Answers are only ever hashed (``answersHash``), so the digest serves as well as the
    /// fields, and its 13 characters need no storage of their own: the fields joined took 160
    /// bytes for each page of the site, all kept from the start of a build (``SiteContext``).
    static func listing(_ flow: PageSummary?) -> String {
        guard let flow else { return "-" }
        var hasher = StableHasher()
        hasher.combine(flow.id)
        hasher.combine(flow.title)
        hasher.combine(flow.summary)
        hasher.combine(flow.metadata.mode ?? "\u{0}")
        hasher.combine(flow.kind.rawValue)
        hasher.combine(UInt64(flow.stepCount))
        return String(hasher.value, radix: 36)
    }

    /// The listings of the flows before and after a page, given their listings.
    static func neighborListing(previous: String, next: String) -> String {
        previous + "\u{2}" + next
    }
}

// MARK: - Storage

extension DependencyTrace.Query {
    /// The query as one line-safe string: a kind letter, then its fields, separated by U+001F and escaped.
    var encoded: String {
        switch self {
        case .href(let destination, let allows): "h\u{1F}\(allows ? 1 : 0)\u{1F}" + Self.escape(destination)
        case .linkedFlow(let destination, let allows): "l\u{1F}\(allows ? 1 : 0)\u{1F}" + Self.escape(destination)
        case .neighbors: "n"
        case .overview(let source): "o\u{1F}0\u{1F}" + Self.escape(source)
        }
    }

    /// Reads a query written by ``encoded``; `nil` for anything else.
    ///
    /// Works on bytes: the kind letter, the flag and the separators are ASCII, and the argument
    /// holds no separator (``escape(_:)``).
    init?(encoded: Substring) {
        let bytes = encoded.utf8
        guard let kind = bytes.first else { return nil }
        if kind == UInt8(ascii: "n") {
            guard bytes.count == 1 || bytes.dropFirst().first == Self.separator else { return nil }
            self = .neighbors
            return
        }
        let head = Array(bytes.prefix(4))
        guard head.count == 4, head[1] == Self.separator, head[3] == Self.separator else { return nil }
        let argument = Self.unescape(Substring(bytes.dropFirst(4)))
        let allows = head[2] == UInt8(ascii: "1")
        switch kind {
        case UInt8(ascii: "h"): self = .href(argument, allowsFlowID: allows)
        case UInt8(ascii: "l"): self = .linkedFlow(argument, allowsFlowID: allows)
        case UInt8(ascii: "o"): self = .overview(source: argument)
        default: return nil
        }
    }

    /// The byte between the fields of an encoded query (U+001F).
    private static let separator: UInt8 = 0x1F

    /// `text` with `%`, tab, line breaks and the separators U+001E and U+001F percent-escaped.
    static func escape(_ text: String) -> String {
        // Every character escaped is ASCII, so a look at the bytes tells whether there is any.
        let isSpecial = { (byte: UInt8) in
            switch byte {
            case UInt8(ascii: "%"), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"), 0x1E, 0x1F: true
            default: false
            }
        }
        guard text.utf8.contains(where: isSpecial) else { return text }
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "%": result += "%25"
            case "\t": result += "%09"
            case "\n": result += "%0A"
            case "\r": result += "%0D"
            case "\u{1E}": result += "%1E"
            case "\u{1F}": result += "%1F"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// Undoes ``escape(_:)``.
    static func unescape(_ text: Substring) -> String {
        guard text.utf8.contains(UInt8(ascii: "%")) else { return String(text) }
        return String(text)
            .replacingOccurrences(of: "%09", with: "\t").replacingOccurrences(of: "%0A", with: "\n")
            .replacingOccurrences(of: "%0D", with: "\r").replacingOccurrences(of: "%1F", with: "\u{1F}")
            .replacingOccurrences(of: "%1E", with: "\u{1E}")
            .replacingOccurrences(of: "%25", with: "%")
    }
}
