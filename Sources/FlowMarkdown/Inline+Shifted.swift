import FlowCore
import FlowProse

extension Inline {
    /// The same inline with every range moved by `line` lines and, on its first line, `column` bytes.
    func shifted(line: Int, column: Int) -> Inline {
        func move(_ range: SourceRange?) -> SourceRange? {
            guard let range else { return nil }
            return SourceRange(
                file: range.sourceFile,
                line: range.start.line + line,
                column: range.start.column + (range.start.line == 1 ? column : 0),
                endLine: range.end.line + line,
                endColumn: range.end.column + (range.end.line == 1 ? column : 0)
            )
        }
        switch self {
        case .text(let text, let range): return .text(text, move(range))
        case .code(let code, let range): return .code(code, move(range))
        case .html(let html, let range): return .html(html, move(range))
        case .softBreak, .lineBreak: return self
        case .emphasis(let children, let range):
            return .emphasis(children.map { $0.shifted(line: line, column: column) }, move(range))
        case .strong(let children, let range):
            return .strong(children.map { $0.shifted(line: line, column: column) }, move(range))
        case .link(var link):
            link.children = link.children.map { $0.shifted(line: line, column: column) }
            link.range = move(link.range)
            return .link(link)
        case .image(var link):
            link.children = link.children.map { $0.shifted(line: line, column: column) }
            link.range = move(link.range)
            return .image(link)
        }
    }
}
