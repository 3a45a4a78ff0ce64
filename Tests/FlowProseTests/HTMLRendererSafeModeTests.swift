import FlowMarkdown
import FlowProse
import Testing

/// The default, safe renderer: raw HTML and dangerous URLs are left out, as with cmark without `--unsafe`.
@Suite struct HTMLRendererSafeModeTests {
    private func html(_ markdown: String, options: HTMLRenderer.Options = .init()) -> String {
        HTMLRenderer(options: options).render(MarkdownParser().parse(markdown, file: "page.md").blocks)
    }

    @Test func omitsRawHTMLBlocks() {
        #expect(html("<div>\n*hi*\n</div>\n\nText\n") == "<!-- raw HTML omitted -->\n<p>Text</p>\n")
    }

    @Test func omitsInlineHTML() {
        #expect(
            html("a <b>bold</b> move\n") == "<p>a <!-- raw HTML omitted -->bold<!-- raw HTML omitted --> move</p>\n"
        )
    }

    @Test func keepsRawHTMLWhenAllowed() {
        let options = HTMLRenderer.Options(allowsRawHTML: true)
        #expect(
            html("<div>\n*hi*\n</div>\n\na <b>c</b>\n", options: options) == "<div>\n*hi*\n</div>\n<p>a <b>c</b></p>\n"
        )
    }

    @Test func escapesHTMLInImageDescriptionsEvenInSafeMode() {
        #expect(html("![a <b>c</b>](x.png)\n") == "<p><img src=\"x.png\" alt=\"a &lt;b&gt;c&lt;/b&gt;\" /></p>\n")
    }

    @Test(arguments: [
        "javascript:alert(1)", "JAVASCRIPT:alert(1)", "JavaScript:x", "vbscript:msgbox", "file:///etc/passwd",
        "data:text/html;base64,PHNjcmlwdD4=", "DATA:image/svg+xml,x",
    ])
    func dropsDangerousURLsFromLinksAndImages(url: String) {
        #expect(html("[a](\(url))\n") == "<p><a href=\"\">a</a></p>\n")
        #expect(html("![a](\(url))\n") == "<p><img src=\"\" alt=\"a\" /></p>\n")
    }

    @Test(arguments: ["data:image/png;base64,iVBO", "DATA:IMAGE/GIF;x", "data:image/jpeg;x", "data:image/webp;x"])
    func keepsImageDataURLs(url: String) {
        #expect(html("![a](\(url))\n") == "<p><img src=\"\(url)\" alt=\"a\" /></p>\n")
    }

    @Test func keepsDangerousURLsWhenRawHTMLIsAllowed() {
        let options = HTMLRenderer.Options(allowsRawHTML: true)
        #expect(html("[a](javascript:x)\n", options: options) == "<p><a href=\"javascript:x\">a</a></p>\n")
    }

    @Test func appliesTheLinkResolverToLinksAndImagesBeforeEscaping() {
        let options = HTMLRenderer.Options { destination in
            destination == "set up.md#proxy" ? "set up.html#proxy" : "resolved/" + destination
        }
        #expect(
            html("[Set up](<set up.md#proxy> 'T') ![x](a.png)\n", options: options)
                == "<p><a href=\"set%20up.html#proxy\" title=\"T\">Set up</a> <img src=\"resolved/a.png\" alt=\"x\" /></p>\n"
        )
    }

    @Test func checksTheResolvedURLForDanger() {
        let options = HTMLRenderer.Options { _ in "javascript:alert(1)" }
        #expect(html("[a](page.md)\n", options: options) == "<p><a href=\"\">a</a></p>\n")
    }

    @Test func escapesURLsLikeHoudini() {
        #expect(html("[a](<x y&z'é\"[]>)\n") == "<p><a href=\"x%20y&amp;z&#x27;%C3%A9%22%5B%5D\">a</a></p>\n")
    }

    @Test func rendersInlinesWithoutAWrapper() {
        let inlines: [Inline] = [.text("a < b ", nil), .strong([.text("c", nil)], nil), .lineBreak, .code("&", nil)]
        #expect(HTMLRenderer().render(inlines) == "a &lt; b <strong>c</strong><br />\n<code>&amp;</code>")
    }

    @Test func rendersTablesInsideTightListItems() {
        let markdown = "- | a | b |\n  | :- | -: |\n  | 1 | 2 |\n- next\n"
        #expect(
            html(markdown) == """
                <ul>
                <li>
                <table>
                <thead>
                <tr>
                <th align="left">a</th>
                <th align="right">b</th>
                </tr>
                </thead>
                <tbody>
                <tr>
                <td align="left">1</td>
                <td align="right">2</td>
                </tr>
                </tbody>
                </table>
                </li>
                <li>next</li>
                </ul>

                """
        )
    }
}
