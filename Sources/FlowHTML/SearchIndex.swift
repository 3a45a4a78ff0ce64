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

    static func script(for context: SiteContext) -> String {
        let entries = context.published.map(entry)
        return "window.FLOWDOC_SEARCH = " + (json(entries) ?? HowToJSONLD.scriptSafeJSON(entries)) + ";\n"
    }

    /// The script as ``HowToJSONLD/scriptSafeJSON(_:)`` writes it through `JSONEncoder`, the
    /// reference for ``script(for:)``'s bytes.
    static func scriptWithEncoder(for context: SiteContext) -> String {
        "window.FLOWDOC_SEARCH = " + HowToJSONLD.scriptSafeJSON(context.published.map(entry)) + ";\n"
    }

    /// The entries as script-safe JSON with the encoder's bytes (sorted keys, no spaces), written
    /// directly; `nil` when a string holds a character whose escape is left to the encoder
    /// (control characters other than tab and line breaks, DEL, U+2028, U+2029).
    private static func json(_ entries: [Entry]) -> String? {
        var json = "["
        json.reserveCapacity(entries.count * 1024)
        for (index, entry) in entries.enumerated() {
            if index > 0 { json += "," }
            json += "{\"facets\":"
            guard append(entry.facets, to: &json) else { return nil }
            json += ",\"fields\":"
            guard append(entry.fields, to: &json) else { return nil }
            json += ",\"steps\":"
            guard append(entry.steps, to: &json) else { return nil }
            json += ",\"summary\":"
            guard append(entry.summary, to: &json) else { return nil }
            json += ",\"targets\":"
            guard append(entry.targets, to: &json) else { return nil }
            json += ",\"title\":"
            guard append(entry.title, to: &json) else { return nil }
            json += ",\"url\":"
            guard append(entry.url, to: &json) else { return nil }
            json += "}"
        }
        return json + "]"
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
    private static func append(_ string: String, to json: inout String) -> Bool {
        json += "\""
        var runStart = string.unicodeScalars.startIndex
        for index in string.unicodeScalars.indices {
            let escape: String
            switch string.unicodeScalars[index] {
            case "\"": escape = "\\\""
            case "\\": escape = "\\\\"
            case "\n": escape = "\\n"
            case "\r": escape = "\\r"
            case "\t": escape = "\\t"
            case "<": escape = "\\u003c"
            case ">": escape = "\\u003e"
            case "&": escape = "\\u0026"
            case let scalar
            where scalar.value < 0x20 || scalar.value == 0x7F || scalar == "\u{2028}" || scalar == "\u{2029}":
                return false
            default: continue
            }
            json += string[runStart..<index]
            json += escape
            runStart = string.unicodeScalars.index(after: index)
        }
        json += string[runStart...]
        json += "\""
        return true
    }

    private static func entry(for flow: Flow) -> Entry {
        var steps: [String] = []
        var targets: [String] = []
        var fields: [String] = []
        func visit(_ step: Step) {
            steps.append(step.text)
            targets += step.targets.map(\.name)
            for element in step.elements {
                switch element {
                case .fieldTable(let table): fields += table.fields.map(\.name)
                case .screen(let screen):
                    for item in screen.elements {
                        if item.kind.isField {
                            fields.append(item.label)
                        } else if item.kind == .button {
                            targets.append(item.label)
                        }
                    }
                case .choice(let choice): targets += choice.options.map(\.label)
                case .substeps(let substeps): substeps.forEach(visit)
                case .prose, .callout, .result: break
                }
            }
        }
        flow.steps.forEach(visit)
        return Entry(
            url: SitePaths.relative(from: "search.html", to: SitePaths.page(forFlowID: flow.id)),
            title: flow.title,
            summary: flow.summary,
            facets: flow.metadata.facets.map(\.value),
            steps: steps,
            targets: unique(targets),
            fields: unique(fields)
        )
    }

    private static func unique(_ values: [String]) -> [String] {
        var seen: Set<String> = []
        return values.filter { seen.insert($0).inserted }
    }
}
