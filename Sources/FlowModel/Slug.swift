/// Turns heading text into a URL fragment the way GitHub does.
///
/// `What's next?` becomes `whats-next`, `Schritt 2: Übersicht` becomes `schritt-2-übersicht`.
public enum Slug {
    /// The GitHub-style slug of `text`: lowercased, punctuation dropped, spaces to hyphens.
    public static func make(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return asciiSlug(text) }
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

    /// ``make(_:)`` by bytes for ASCII text, where a letter or digit is one byte and lowercasing
    /// changes only `A` to `Z`.
    private static func asciiSlug(_ text: String) -> String {
        var slug: [UInt8] = []
        slug.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            let lower = byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
            let isLetter = lower >= UInt8(ascii: "a") && lower <= UInt8(ascii: "z")
            let isDigit = lower >= UInt8(ascii: "0") && lower <= UInt8(ascii: "9")
            if isLetter || isDigit || lower == UInt8(ascii: "-") || lower == UInt8(ascii: "_") {
                slug.append(lower)
            } else if lower == UInt8(ascii: " ") {
                slug.append(UInt8(ascii: "-"))
            }
        }
        return String(decoding: slug, as: UTF8.self)
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
            // One hash lookup for a slug not seen before, the usual case.
            guard let count = counts.updateValue(1, forKey: slug) else { return slug }
            counts[slug] = count + 1
            return uniqueSlug("\(slug)-\(count)")
        }
    }
}
