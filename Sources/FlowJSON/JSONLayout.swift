/// How flowdoc's JSON is spaced; the values and the key order are the same either way.
public enum JSONLayout: Sendable, Hashable {
    /// Two-space indentation and `"key" : value`, for people and diffs: `flowdoc export` writes this.
    case pretty
    /// No spacing at all, for programs: the site's `flows.json` and `json/<id>.json` are written
    /// this way, at about 60% of the pretty size.
    case compact
}
