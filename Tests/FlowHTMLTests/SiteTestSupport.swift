import FlowHTML
import FlowModel
import FlowParser
import FlowTestSupport
import Foundation

/// Builds sites in memory for the tests.
enum SiteTestSupport {
    /// The generated files of `contentRoot` with the built-in theme, by path.
    static func generate(_ contentRoot: URL, options: SiteOptions = SiteOptions()) async throws -> [SiteFile] {
        let content = try await ContentLoader().load(from: contentRoot)
        return try SiteGenerator(
            content: content,
            contentRoot: contentRoot,
            theme: Theme.builtIn(),
            options: options
        )
        .generate()
    }

    /// The bytes of a generated file.
    static func bytes(_ file: SiteFile) throws -> Data {
        switch file.contents {
        case .data(let data): data
        case .text(let text): Data(text.utf8)
        case .texts(let pieces): Data(pieces.joined().utf8)
        case .copy(let url), .previous(let url): try Data(contentsOf: url)
        case .spliced(let splice): try splice.data()
        }
    }

    /// The text of the generated file at `path`.
    static func text(_ files: [SiteFile], _ path: String) throws -> String? {
        guard let file = files.first(where: { $0.path == path }) else { return nil }
        return String(decoding: try bytes(file), as: UTF8.self)
    }

    /// The seed fixture's content folder.
    static var seedContent: URL { Fixtures.url("seed/content") }
}
