import FlowProse
import Testing

/// `[Inline].plainText`: the text a reader sees, without markup.
@Suite struct PlainTextTests {
    @Test func joinsRunsAtEveryDepthWithoutMarkup() {
        let link = Inline.Link(
            destination: "a.md",
            title: "",
            children: [.text("the ", nil), .strong([.code("café", nil)], nil)],
            range: nil
        )
        let inlines: [Inline] = [
            .text("Open ", nil), .emphasis([.strong([.text("Settings", nil)], nil)], nil), .softBreak,
            .html("<br>", nil), .text("then", nil), .lineBreak, .link(link), .text(" 👍🏽", nil),
        ]
        #expect(inlines.plainText == "Open Settings then\nthe café 👍🏽")
    }

    @Test func isEmptyOrTheOnlyRunAsItIs() {
        #expect([Inline]().plainText.isEmpty)
        #expect([Inline.html("<b>", nil)].plainText.isEmpty)
        #expect([Inline.text("Short", nil)].plainText == "Short")
        let long = String(repeating: "Long text é ", count: 20)
        #expect([Inline.text(long, nil)].plainText == long)
    }
}
