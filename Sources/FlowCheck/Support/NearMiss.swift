/// Finds the known name closest to a misspelt one, for "did you mean" suggestions.
///
/// Names are compared case-insensitively with spaces ignored, by edit distance (Levenshtein,
/// counted in characters). A candidate is close when its distance is at most two fifths of the
/// longer name and less than half the shorter one, so short unrelated words are never suggested.
public enum NearMiss {
    /// The candidate closest to `name`, or `nil` when none is close enough or `name` itself is known.
    ///
    /// Ties go to the candidate that sorts first, so suggestions are stable.
    public static func bestMatch(for name: String, in candidates: some Sequence<String>) -> String? {
        let key = normalized(name)
        var best: (distance: Int, name: String)?
        for candidate in candidates where candidate != name {
            let other = normalized(candidate)
            let limit = max(2, max(key.count, other.count) * 2 / 5)
            guard abs(key.count - other.count) <= limit else { continue }
            let distance = editDistance(key, other)
            guard distance <= limit, distance == 0 || distance * 2 < min(key.count, other.count) else { continue }
            if let current = best, (current.distance, current.name) <= (distance, candidate) { continue }
            best = (distance, candidate)
        }
        return best?.name
    }

    /// The Levenshtein distance between `a` and `b`, in characters.
    public static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a)
        let b = Array(b)
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var previous = Array(0...b.count)
        var current = previous
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }

    /// ` — did you mean 'X'?` for the closest candidate, or an empty string.
    static func suffix(for name: String, in candidates: some Sequence<String>) -> String {
        bestMatch(for: name, in: candidates).map { "; did you mean '\($0)'?" } ?? ""
    }

    private static func normalized(_ name: String) -> String {
        String(name.lowercased().filter { !$0.isWhitespace })
    }
}
