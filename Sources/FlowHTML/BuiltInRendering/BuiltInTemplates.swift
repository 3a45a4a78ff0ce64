import FlowCore

/// The built-in theme's page templates written as Swift, for speed.
///
/// swift-mustache looks up every `{{key}}` through dynamic casts and walks the context stack for
/// each section, which made Mustache most of a build's time. When a theme leaves these templates
/// as flowdoc ships them, ``TemplateSet`` renders them here instead: the output is byte for byte
/// what Mustache gives for the same view model (`BuiltInTemplatesTests` renders the shipped
/// content, the fixtures and a generated corpus both ways and compares). A theme that overrides
/// a template, or one of its partials, is rendered by Mustache as before.
///
/// Each function below follows its `.mustache` file line by line. Mustache drops a line that
/// holds only a section tag (a *standalone* tag) and keeps the line break of any other line, so
/// a line such as `{{#callout}}{{>callout}}{{/callout}}` leaves a `\n` even when it is empty.
struct BuiltInTemplates {
    /// The templates each built-in renderer stands for: the template and every partial it uses.
    ///
    /// A renderer is used only when all of them are the built-in files.
    static let coveredTemplates: [String: Set<String>] = [
        "flow": pageTemplates.union(["flow"]),
        "overview": pageTemplates.union(["overview"]),
        "layout": ["layout"],
        "graph": ["graph"],
    ]

    /// The partials of a page body: `page-part` and what it includes.
    private static let pageTemplates: Set<String> = [
        "page-part", "callout", "flow-card", "step", "field-table", "screen", "choice",
    ]

    /// The names of the templates of `templates` that can be rendered here: those whose
    /// covered templates are all exactly the built-in sources.
    ///
    /// - Parameter templates: A theme's template sources by name.
    static func renderable(in templates: [String: String]) -> Set<String> {
        Set(
            coveredTemplates.filter { _, covered in
                covered.allSatisfy { templates[$0] != nil && templates[$0] == BuiltInThemeFiles.templates[$0] }
            }.keys
        )
    }

    /// Renders `view` with the built-in template `name`.
    ///
    /// - Returns: The text, or `nil` when `name` has no built-in renderer or `view` is not its view model.
    static func render(_ view: Any, template name: String) -> String? {
        var output = BuiltInTemplates()
        switch name {
        case "flow":
            guard let page = view as? FlowPageView else { return nil }
            output.flow(page)
        case "overview":
            guard let page = view as? FlowPageView else { return nil }
            output.overview(page)
        case "layout":
            guard let layout = view as? LayoutView else { return nil }
            output.layout(layout)
        case "graph":
            guard let graph = view as? [String: String], let svg = graph["svg"] else { return nil }
            output.graph(svg: svg)
        default:
            return nil
        }
        return output.text
    }

    /// The text rendered so far.
    private(set) var text = ""

    init() {
        text.reserveCapacity(32 * 1024)
    }

    /// Makes room for `count` more bytes of text.
    mutating func reserve(_ count: Int) {
        text.reserveCapacity(text.utf8.count + count)
    }

    /// Appends markup as it is (`{{{key}}}` and the template's own text).
    mutating func raw(_ markup: String) {
        text += markup
    }

    /// Appends `value` escaped for HTML (`{{key}}`).
    mutating func escaped(_ value: String) {
        Escaping.appendMarkup(value, to: &text)
    }
}
