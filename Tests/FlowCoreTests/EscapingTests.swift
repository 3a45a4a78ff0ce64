import FlowCore
import Testing

@Suite struct EscapingTests {
    @Test func escapesMarkupForTextAndAttributes() {
        #expect(Escaping.markup(#"Tom & "Jerry's" <b>"#) == "Tom &amp; &quot;Jerry&#39;s&quot; &lt;b&gt;")
    }

    @Test(arguments: ["", "plain text", "Tom & \"Jerry's\" <b>", "<<&&>>", "Café – 日本 & ü\u{301}'", "end&"])
    func appendsMarkupAsMarkupEscapesIt(text: String) {
        var output = "before "
        Escaping.appendMarkup(text, to: &output)
        #expect(output == "before " + Escaping.markup(text))
    }

    @Test func dropsCharactersXMLCannotHoldOnlyWhenAsked() {
        #expect(Escaping.markup("a\u{1}b\tc") == "a\u{1}b\tc")
        #expect(Escaping.markup("a\u{1}b\tc\u{FFFF}", dropsInvalidXMLCharacters: true) == "ab\tc")
    }

    @Test func writesScriptStringsInEitherQuote() {
        #expect(Escaping.scriptString("it's", quote: "'") == #"'it\'s'"#)
        #expect(Escaping.scriptString("say \"hi\"\n") == #""say \"hi\"\n""#)
        #expect(Escaping.scriptString("a\u{2028}b\u{1}") == #""a\u2028b\u0001""#)
    }

    @Test func scriptStringsInsideHTMLCannotCloseTheScriptElement() {
        let literal = Escaping.scriptString("</script><b>&", isInsideHTML: true)
        #expect(literal == #""\u003c/script\u003e\u003cb\u003e\u0026""#)
        #expect(!literal.contains("<"))
    }
}
