import Foundation
import Mustache

/// The theme's templates, parsed once into a `MustacheLibrary`.
///
/// Each template can use the others as partials (`{{>step}}`).
struct TemplateSet: Sendable {
    private let library: MustacheLibrary

    /// Parses every template of `theme`.
    ///
    /// - Throws: ``ThemeError`` naming the template that does not parse.
    init(theme: Theme) throws {
        var library = MustacheLibrary()
        for (name, source) in theme.templates.sorted(by: { $0.key < $1.key }) {
            do {
                try library.register(source, named: name)
            } catch {
                throw ThemeError(path: name + ".mustache", reason: "template does not parse: \(error)")
            }
        }
        self.library = library
    }

    /// Renders `view` with the template `name`.
    ///
    /// - Throws: ``ThemeError`` when no template has that name.
    func render(_ view: Any, template name: String) throws -> String {
        guard let text = library.render(view, withTemplate: name) else {
            throw ThemeError(path: name + ".mustache", reason: "no such template")
        }
        return text
    }
}
