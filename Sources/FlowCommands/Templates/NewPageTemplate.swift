import Foundation

/// The page `flowdoc new` writes: front matter and a procedure skeleton to fill in.
enum NewPageTemplate {
    /// The facets and title of a new page; `nil` facets are left out of the front matter.
    struct Facets: Equatable {
        var title: String
        var product: String?
        var platform: String?
        var mode: String?
        /// `YYYY-MM-DD`.
        var updated: String
    }

    /// The Markdown of a new page.
    static func page(_ facets: Facets) -> String {
        var frontMatter = ["title: \(yamlScalar(facets.title))"]
        if let product = facets.product { frontMatter.append("product: \(yamlScalar(product))") }
        if let platform = facets.platform { frontMatter.append("platform: \(yamlScalar(platform))") }
        if let mode = facets.mode { frontMatter.append("mode: \(yamlScalar(mode))") }
        frontMatter.append("updated: \(facets.updated)")
        return """
            ---
            \(frontMatter.joined(separator: "\n"))
            ---

            # \(facets.title)

            Say in a sentence or two what this flow achieves and who it is for. The first
            paragraph is the page's summary in listings and search.

            ## \(facets.title)

            1. Open the **Settings** tab.
            2. Click **Save**.

               Result: Say what the reader has achieved.

            <!-- Add a "## What's next" section with links to the flows that follow. -->

            """
    }

    /// `text` as a YAML scalar: plain when that reads back the same, else double-quoted.
    static func yamlScalar(_ text: String) -> String {
        let special: Set<Character> = [
            ":", "#", "\"", "'", "[", "]", "{", "}", ",", "&", "*", "!", "|", ">", "%", "@", "`", "\\",
        ]
        let needsQuotes =
            text.isEmpty || text.first == " " || text.last == " " || text.first == "-" || text.first == "?"
            || text.contains(where: { special.contains($0) || $0.isNewline })
            || ["true", "false", "yes", "no", "null", "on", "off", "~"].contains(text.lowercased())
            || Double(text) != nil
        guard needsQuotes else { return text }
        var out = "\""
        for character in text {
            switch character {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default: out.append(character)
            }
        }
        return out + "\""
    }

    /// A title made from a file name: `export-data.md` gives `Export data`.
    static func title(fromFileName name: String) -> String {
        var base = name.hasSuffix(".md") ? String(name.dropLast(3)) : name
        base = base.replacingOccurrences(of: "-", with: " ").replacingOccurrences(of: "_", with: " ")
        let words = base.split(separator: " ")
        guard let first = words.first else { return "New page" }
        return ([first.prefix(1).uppercased() + first.dropFirst()] + words.dropFirst().map(String.init)).joined(
            separator: " "
        )
    }
}
