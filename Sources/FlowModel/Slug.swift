/// Turns heading text into a URL fragment the way GitHub does.
///
/// `What's next?` becomes `whats-next`, `Schritt 2: Übersicht` becomes `schritt-2-übersicht`.
public enum Slug {
    /// The GitHub-style slug of `text`: lowercased, punctuation dropped, spaces to hyphens.
    public static func make(_ text: String) -> String {
        var slug = ""
        for character in text.lowercased() {
            if character.isLetter || character.isNumber || character == "-" || character == "_" {
                slug.append(character)
            } else if character == " " {
                slug.append("-")
            }
        }
        return slug
    }

    /// Slugs made unique in order of use: `a`, `a-1`, `a-2`.
    public struct Registry: Sendable {
        private var counts: [String: Int] = [:]

        public init() {}

        /// Returns a slug for `text` not returned before by this registry.
        public mutating func unique(_ text: String) -> String {
            uniqueSlug(Slug.make(text))
        }

        /// Returns `slug`, or `slug-N` if it was used before.
        public mutating func uniqueSlug(_ slug: String) -> String {
            guard let count = counts[slug] else {
                counts[slug] = 1
                return slug
            }
            counts[slug] = count + 1
            return uniqueSlug("\(slug)-\(count)")
        }
    }
}
