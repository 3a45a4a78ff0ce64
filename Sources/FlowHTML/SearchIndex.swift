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
        return "window.FLOWDOC_SEARCH = " + HowToJSONLD.scriptSafeJSON(entries) + ";\n"
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
