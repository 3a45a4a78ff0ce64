import FlowCheck
import FlowModel
import FlowParser
import Foundation

/// Adds a page from ``NewPageTemplate``: the work of `flowdoc new`, callable from tests.
///
/// The page's product is copied from the front matter of the content folder's `index.md` when
/// it sets one. Folders are created as needed; an existing file is never overwritten.
struct NewAction {
    /// What `new` wrote.
    struct Result: Equatable {
        /// The page's path relative to the content folder (`salesforce/export.md`).
        var path: String
        /// The page's file.
        var url: URL
        var facets: NewPageTemplate.Facets
    }

    var contentURL: URL
    /// The page to create, relative to the content folder.
    ///
    /// `.md` is added when missing; a path that starts with the content folder's own path is accepted too.
    var path: String
    var title: String?
    var platform: String?
    var mode: String?
    var today = CalendarDate.today()

    /// Writes the page.
    ///
    /// - Throws: ``ValidationFailure`` for a path outside the content folder, a name that would
    ///   not be a page, or an existing file; or the error of a file that can't be written.
    func perform() throws -> Result {
        let relative = try relativePath()
        let url = contentURL.appendingPathComponent(relative)
        if FileManager.default.fileExists(atPath: url.path) {
            throw ValidationFailure("\(url.path) already exists; flowdoc new never overwrites a file")
        }
        let facets = NewPageTemplate.Facets(
            title: title ?? NewPageTemplate.title(fromFileName: url.lastPathComponent),
            product: indexProduct(),
            platform: platform,
            mode: mode,
            updated: today.description
        )
        do {
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(),
                withIntermediateDirectories: true
            )
            try Data(NewPageTemplate.page(facets).utf8).write(to: url, options: .withoutOverwriting)
        } catch {
            throw ValidationFailure("can't write \(url.path): \(error.localizedDescription)")
        }
        return Result(path: relative, url: url, facets: facets)
    }

    /// ``path`` made relative to the content folder, with `.md`, checked.
    func relativePath() throws -> String {
        var path = path
        let contentPath = contentURL.standardizedFileURL.path
        if path.hasPrefix("/") {
            let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
            guard absolute.hasPrefix(contentPath + "/") else {
                throw ValidationFailure("\(path) is outside the content folder \(contentPath)")
            }
            path = String(absolute.dropFirst(contentPath.count + 1))
        } else {
            let fromHere = URL(fileURLWithPath: path).standardizedFileURL.path
            if fromHere.hasPrefix(contentPath + "/") { path = String(fromHere.dropFirst(contentPath.count + 1)) }
        }
        if !path.hasSuffix(".md") { path += ".md" }
        // Split on the byte '/', as the file system does (a combining mark joins a slash into one character).
        let parts = path.utf8.split(separator: UInt8(ascii: "/")).map { Substring($0) }
        guard !parts.isEmpty, !parts.contains(".."), !parts.contains(".") else {
            throw ValidationFailure("\(self.path) is not a page path inside the content folder")
        }
        if let hidden = parts.first(where: { $0.hasPrefix("_") || $0.hasPrefix(".") }) {
            throw ValidationFailure(
                "\(self.path): names starting with _ or . are not pages ('\(hidden)'); choose another name"
            )
        }
        return parts.joined(separator: "/")
    }

    /// The `product` of the content folder's `index.md`, if any.
    private func indexProduct() -> String? {
        let index = contentURL.appendingPathComponent("index.md")
        guard let data = FileManager.default.contents(atPath: index.path) else { return nil }
        let (flow, _) = PageParser().parse(String(decoding: data, as: UTF8.self), source: "index.md")
        return flow.metadata.product
    }
}
