import Foundation
import Mustache

/// The theme's templates, parsed once into a `MustacheLibrary`.
///
/// Each template can use the others as partials (`{{>step}}`). Templates the theme leaves as
/// flowdoc ships them are rendered by ``BuiltInTemplates``, which gives the same bytes faster.
struct TemplateSet: Sendable {
    private let library: MustacheLibrary
    /// The templates ``BuiltInTemplates`` renders.
    private let builtIn: Set<String>

    /// Parses every template of `theme`.
    ///
    /// - Parameters:
    ///   - theme: The templates.
    ///   - usesBuiltInRenderers: Whether unchanged built-in templates are rendered by
    ///     ``BuiltInTemplates``; `false` renders every template with Mustache.
    /// - Throws: ``ThemeError`` naming the template that does not parse.
    init(theme: Theme, usesBuiltInRenderers: Bool = true) throws {
        var library = MustacheLibrary()
        for (name, source) in theme.templates.sorted(by: { $0.key < $1.key }) {
            do {
                try library.register(source, named: name)
            } catch {
                throw ThemeError(path: name + ".mustache", reason: "template does not parse: \(error)")
            }
        }
        self.library = library
        self.builtIn = usesBuiltInRenderers ? BuiltInTemplates.renderable(in: theme.templates) : []
    }

    /// Renders `view` with the template `name`.
    ///
    /// - Throws: ``ThemeError`` when no template has that name.
    func render(_ view: Any, template name: String) throws -> String {
        if builtIn.contains(name), let text = BuiltInTemplates.render(view, template: name) { return text }
        guard let text = library.render(view, withTemplate: name) else {
            throw ThemeError(path: name + ".mustache", reason: "no such template")
        }
        return text
    }
}
