extension HTMLRenderer {
    /// Appends inline content.
    ///
    /// `[docs](a b.md "Read")` gives `<a href="a%20b.md" title="Read">docs</a>`;
    /// `![A *cat*](cat.png)` gives `<img src="cat.png" alt="A cat" />`.
    func appendInlines(_ inlines: [Inline], to output: inout [UInt8]) {
        for inline in inlines {
            appendInline(inline, to: &output)
        }
    }

    private func appendInline(_ inline: Inline, to output: inout [UInt8]) {
        switch inline {
        case .text(let text, _):
            HTMLEscaping.appendEscapedText(text, to: &output)
        case .softBreak:
            output.append(UInt8(ascii: "\n"))
        case .lineBreak:
            output.append(contentsOf: "<br />\n".utf8)
        case .code(let code, _):
            output.append(contentsOf: "<code>".utf8)
            HTMLEscaping.appendEscapedText(code, to: &output)
            output.append(contentsOf: "</code>".utf8)
        case .html(let html, _):
            output.append(contentsOf: (options.allowsRawHTML ? html : "<!-- raw HTML omitted -->").utf8)
        case .emphasis(let children, _):
            output.append(contentsOf: "<em>".utf8)
            appendInlines(children, to: &output)
            output.append(contentsOf: "</em>".utf8)
        case .strong(let children, _):
            output.append(contentsOf: "<strong>".utf8)
            appendInlines(children, to: &output)
            output.append(contentsOf: "</strong>".utf8)
        case .link(let link):
            output.append(contentsOf: "<a href=\"".utf8)
            appendURL(link.destination, to: &output)
            appendTitle(link.title, to: &output)
            output.append(contentsOf: "\">".utf8)
            appendInlines(link.children, to: &output)
            output.append(contentsOf: "</a>".utf8)
        case .image(let image):
            output.append(contentsOf: "<img src=\"".utf8)
            appendURL(image.destination, to: &output)
            output.append(contentsOf: "\" alt=\"".utf8)
            Self.appendAltText(image.children, to: &output)
            appendTitle(image.title, to: &output)
            output.append(contentsOf: "\" />".utf8)
        }
    }

    /// Appends a resolved, escaped destination, or nothing for a dangerous one in safe mode.
    private func appendURL(_ destination: String, to output: inout [UInt8]) {
        let url = options.linkResolver(destination)
        if !options.allowsRawHTML, HTMLEscaping.isDangerousURL(url) { return }
        HTMLEscaping.appendEscapedURL(url, to: &output)
    }

    private func appendTitle(_ title: String, to output: inout [UInt8]) {
        guard !title.isEmpty else { return }
        output.append(contentsOf: "\" title=\"".utf8)
        HTMLEscaping.appendEscapedText(title, to: &output)
    }

    /// Appends an image description as cmark writes `alt`: the text of text, code spans and raw
    /// HTML, escaped, with line breaks as spaces and all other markup left out.
    ///
    /// `A <b>*big*</b>` gives `A &lt;b&gt;big&lt;/b&gt;` in either mode: the attribute is escaped text.
    private static func appendAltText(_ inlines: [Inline], to output: inout [UInt8]) {
        for inline in inlines {
            switch inline {
            case .text(let text, _), .code(let text, _), .html(let text, _):
                HTMLEscaping.appendEscapedText(text, to: &output)
            case .softBreak, .lineBreak:
                output.append(UInt8(ascii: " "))
            case .emphasis(let children, _), .strong(let children, _):
                appendAltText(children, to: &output)
            case .link(let link), .image(let link):
                appendAltText(link.children, to: &output)
            }
        }
    }
}
