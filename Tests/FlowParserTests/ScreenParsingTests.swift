import FlowCore
import FlowModel
import FlowParser
import Testing

@Suite struct ScreenParsingTests {
    func screen(_ lines: String) throws -> (Screen, [Diagnostic]) {
        let markdown = "1. Fill in the form.\n\n   ```screen Initiate connection\n\(lines)   ```\n2. Click **Next**.\n"
        let (flow, diagnostics) = PageParser().parse(markdown, source: "page.md")
        return (try #require(flow.steps.first?.screen), diagnostics)
    }

    @Test func readsEveryElementKind() throws {
        let (screen, diagnostics) = try screen(
            """
               ## Connection
               > Enter the details.
               Destination instance URL*: https://example.exalate.net
               Description
               [ ] I don't have a URL
               [x] Active
               ( ) Basic
               (x) Script
               [< Previous] [Initiate]

            """
        )
        #expect(diagnostics.isEmpty)
        #expect(screen.title == "Initiate connection")
        #expect(
            screen.elements.map(\.kind) == [
                .heading, .text, .input, .input, .checkbox, .checkbox, .radio, .radio, .button, .button,
            ]
        )
        #expect(screen.elements[2].label == "Destination instance URL")
        #expect(screen.elements[2].required)
        #expect(screen.elements[2].value == "https://example.exalate.net")
        #expect(screen.elements.map(\.checked) == [false, false, false, false, false, true, false, true, false, false])
        #expect(screen.elements.suffix(2).map(\.label) == ["< Previous", "Initiate"])
        #expect(screen.elements[2].range?.start == SourceLocation(line: 6, column: 4))
    }

    @Test func reportsLineThatFitsNoElement() throws {
        let (screen, diagnostics) = try screen("   [Next\n")
        #expect(screen.elements.isEmpty)
        let diagnostic = try #require(diagnostics.first)
        #expect(diagnostic.id == "ScreenLineUnrecognized")
        #expect(diagnostic.range?.start == SourceLocation(line: 4, column: 4))
    }
}
