public import FlowCore
import FlowMarkdown
public import FlowModel
import FlowProse

/// Parses one help page into a ``FlowModel/Flow``.
///
/// Parsing never throws for bad content: it returns what it could build and diagnostics
/// with file, line and column.
public struct PageParser: Sendable {
    public var options: ParseOptions

    /// Creates a parser with `options`.
    public init(options: ParseOptions = .default) {
        self.options = options
    }

    /// Parses `text`, the content of the page at `source`.
    ///
    /// - Parameters:
    ///   - text: The page's Markdown, front matter included.
    ///   - source: The page's path relative to the content folder, such as `salesforce/initiate.md`.
    /// - Returns: The flow and the problems found while reading it.
    public func parse(_ text: String, source: String) -> (flow: Flow, diagnostics: [Diagnostic]) {
        let frontMatter = FrontMatterReader(file: source).read(text)
        var diagnostics = frontMatter.diagnostics
        let document = MarkdownParser().parse(frontMatter.markdown, file: source)
        if document.wasFlattened {
            diagnostics.append(
                Diagnostic(
                    .warning,
                    id: "NestingTooDeep",
                    range: nil,
                    file: source,
                    summary: "Lists, quotes or emphasis nest deeper than 64 levels; deeper levels are flattened"
                )
            )
        }
        var builder = BodyBuilder(stepReader: StepReader(options: options))
        for block in document.blocks { builder.add(block, diagnostics: &diagnostics) }
        builder.finish()

        let metadata = frontMatter.metadata
        let defaultID = source.hasSuffix(".md") ? String(source.dropLast(3)) : source
        let title = metadata.title ?? builder.title?.inlines.plainText.trimmingSpaces ?? ""
        let titleRange = metadata.title != nil ? metadata.keyRanges["title"] : builder.title?.range
        let hasProcedure = builder.body.contains { if case .procedure = $0 { true } else { false } }
        let kind: Flow.Kind =
            switch metadata.type?.lowercased() {
            case "flow": .flow
            case "overview": .overview
            default: hasProcedure ? .flow : .overview
            }
        let frontMatterNext = metadata.next.map {
            NextLink(destination: $0, text: $0, range: metadata.keyRanges["next"])
        }
        var seen = Set<String>()
        let next = (frontMatterNext + builder.nextLinks).filter { seen.insert($0.destination).inserted }
        let flow = Flow(
            id: metadata.id ?? defaultID,
            source: source,
            kind: kind,
            title: title,
            titleRange: titleRange,
            summary: metadata.summary ?? builder.firstParagraph?.inlines.plainText.trimmingSpaces ?? "",
            metadata: metadata,
            body: builder.body,
            next: next
        )
        return (flow, diagnostics)
    }
}
