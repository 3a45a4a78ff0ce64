public import FlowCore
public import FlowModel

/// Reports a flow ID that can't be a page URL: empty, absolute, with `.` or `..` or empty
/// segments, or with a backslash, control character, `:`, `?` or `#`; or one that names a page the
/// site generates itself (``FlowModel/ContentSet/generatedPageIDs``).
///
/// The site writes each flow to `<id>.html`, so such an ID would leave the output folder, read as a
/// URL scheme, or cut the URL short. An error: the build stops here, on the line of the ID, rather
/// than later without a position.
public struct InvalidFlowID: Checker {
    public let id = "InvalidFlowID"
    public let defaultSeverity = DiagnosticSeverity.error
    public let abstract = "A flow ID can't be used as a page URL"
    public let scope = RuleScope.page

    public init() {}

    public func check(_ content: ContentSet, context: CheckContext) -> [Diagnostic] {
        content.flows.compactMap { flow in
            guard let problem = Self.problem(with: flow.id) else { return nil }
            return diagnostic(
                flow.metadata.keyRanges["id"] ?? flow.pageRange,
                "Flow ID '\(flow.id)' \(problem)",
                explanation:
                    "Use letters, digits, '-', '_' and '/' between folder names, for example 'salesforce/accept-invitation'."
            )
        }
    }

    /// What is wrong with `id`, or `nil` when it is a usable page path.
    static func problem(with id: String) -> String? {
        if id.isEmpty { return "is empty" }
        // Compared without case: on a case-insensitive disk `Graph.html` is `graph.html`.
        if ContentSet.generatedPageIDs.contains(id.lowercased()) {
            return "is the name of a page flowdoc generates (\(id).html)"
        }
        if id.hasPrefix("/") { return "starts with '/'" }
        // Segments split on the byte '/', as the file system splits them: split by characters, a
        // combining mark after a slash (`../\u{301}x`) hid the `..` segment in one character.
        let segments = id.utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false)
        if segments.contains(where: { $0.elementsEqual(".".utf8) || $0.elementsEqual("..".utf8) }) {
            return "has a '.' or '..' segment"
        }
        if segments.contains(where: \.isEmpty) { return "has an empty segment" }
        if let bad = id.unicodeScalars.first(where: {
            $0.value < 0x20 || $0.value == 0x7F || "\\:?#".unicodeScalars.contains($0)
        }) {
            return bad.value < 0x20 || bad.value == 0x7F ? "contains a control character" : "contains '\(bad)'"
        }
        return nil
    }
}
