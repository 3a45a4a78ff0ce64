public import FlowCore

/// Inline Markdown content.
///
/// Only links and images are boxed (`indirect`): the other cases are stored in their array,
/// which saves an allocation and a reference count for each text run and code span.
public enum Inline: Sendable, Hashable, Codable {
    /// Literal text, entities already decoded.
    case text(String, SourceRange?)
    /// A line ending inside a paragraph; rendered as a newline.
    case softBreak
    /// A hard line break (two spaces or a backslash at the end of a line).
    case lineBreak
    /// A code span; the range leaves out the backticks.
    case code(String, SourceRange?)
    /// Raw inline HTML; the safe renderer leaves it out.
    case html(String, SourceRange?)
    case emphasis([Inline], SourceRange?)
    case strong([Inline], SourceRange?)
    indirect case link(Link)
    indirect case image(Link)

    /// A link or image: where it points and what it shows.
    public struct Link: Sendable, Hashable, Codable {
        /// The destination as written, after entity and backslash decoding.
        public var destination: String
        public var title: String
        /// The link text, or an image's description (its alt text).
        public var children: [Inline]
        public var range: SourceRange?

        public init(destination: String, title: String, children: [Inline], range: SourceRange?) {
            self.destination = destination
            self.title = title
            self.children = children
            self.range = range
        }
    }

    /// The source range, where libcmark reports one.
    public var range: SourceRange? {
        switch self {
        case .text(_, let range), .code(_, let range), .html(_, let range),
            .emphasis(_, let range), .strong(_, let range):
            range
        case .link(let link), .image(let link): link.range
        case .softBreak, .lineBreak: nil
        }
    }
}

extension Array where Element == Inline {
    /// The text a reader sees, without markup: `Click **Next**` gives `Click Next`.
    ///
    /// Soft breaks become spaces, hard breaks newlines, and raw HTML is left out.
    public var plainText: String {
        // Room for the whole text at once: appended run by run, it grew by doubling, up to half
        // of it unused, in strings a model keeps (a step's text, a field's name).
        var text = ""
        text.reserveCapacity(plainTextCount)
        appendPlainText(to: &text)
        return text
    }

    /// The UTF-8 length of ``plainText``.
    fileprivate var plainTextCount: Int {
        var count = 0
        for inline in self {
            switch inline {
            case .text(let value, _), .code(let value, _): count += value.utf8.count
            case .softBreak, .lineBreak: count += 1
            case .html: break
            case .emphasis(let children, _), .strong(let children, _): count += children.plainTextCount
            case .link(let link), .image(let link): count += link.children.plainTextCount
            }
        }
        return count
    }

    fileprivate func appendPlainText(to text: inout String) {
        for inline in self {
            switch inline {
            case .text(let value, _), .code(let value, _): text += value
            case .softBreak: text += " "
            case .lineBreak: text += "\n"
            case .html: break
            case .emphasis(let children, _), .strong(let children, _): children.appendPlainText(to: &text)
            case .link(let link), .image(let link): link.children.appendPlainText(to: &text)
            }
        }
    }
}
