import FlowCore
import FlowModel
import Foundation
import Yams

/// Reads `content/_product.yml`.
enum ProductModelReader {
    private struct File: Decodable {
        struct Screen: Decodable {
            var title: String
            var fields: [ProductModel.Screen.Field]?
            var buttons: [String]?
        }
        var screens: [Screen]?
        var labels: [String]?
    }

    static func read(_ url: URL, source: String) -> (model: ProductModel?, diagnostics: [Diagnostic]) {
        guard let data = try? Data(contentsOf: url) else {
            return (nil, [SourceDecoder.unreadable(source)])
        }
        do {
            let file = try YAMLDecoder().decode(File.self, from: data)
            let screens = (file.screens ?? []).map {
                ProductModel.Screen(title: $0.title, fields: $0.fields ?? [], buttons: $0.buttons ?? [])
            }
            return (ProductModel(screens: screens, labels: file.labels ?? [], source: source), [])
        } catch {
            let diagnostic = Diagnostic(
                .error,
                id: "ProductModelInvalid",
                range: SourceRange(file: source, line: 1, column: 1),
                summary: "Product model can't be read: \(error)",
                explanation: "It needs 'screens' (title, fields with name and required, buttons) and 'labels'."
            )
            return (nil, [diagnostic])
        }
    }
}
