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

    /// One element as a line of text, to compare many at once.
    private func describe(_ element: ScreenElement) -> String {
        let marks = (element.required ? "*" : "") + (element.checked ? "x" : "")
        return "\(element.kind.rawValue)\(marks) '\(element.label)'" + (element.value.map { " = '\($0)'" } ?? "")
    }

    @Test func readsTheEdgesOfEachElement() throws {
        let (screen, diagnostics) = try screen(
            """
               ##   Group\u{20}\u{20}
               #
               >
               >  Quoted text\u{20}
               [X] Done
               [ ]Label
               [x]
               ( )
               (y) Other
               []
               [Back]  [Next]
               [Back] next
               Name:
               Label *
               Name*:\u{20}
               URL: https://example.com: port
               Nom d'hôte*: hôte.example
            \tTabbed
               Hé [x] là

            """
        )
        #expect(
            screen.elements.map(describe) == [
                "heading 'Group'", "text ''", "text 'Quoted text'", "checkboxx 'Done'", "checkbox 'Label'",
                "button 'x'", "button 'Back'", "button 'Next'", "input 'Name'", "input* 'Label'", "input* 'Name'",
                "input 'URL' = 'https://example.com: port'", "input* 'Nom d'hôte' = 'hôte.example'",
                "input 'Tabbed'", "input 'Hé [x] là'",
            ]
        )
        #expect(diagnostics.map(\.range?.start.line) == [5, 11, 12, 13, 15])
        #expect(diagnostics.first?.summary == "Screen line '#' fits no screen element")
        let tabbed = try #require(screen.elements.first { $0.label == "Tabbed" })
        #expect(tabbed.range?.start == SourceLocation(line: 21, column: 5))
        #expect(tabbed.range?.end == SourceLocation(line: 21, column: 10))
        let accented = try #require(screen.elements.first { $0.label.hasPrefix("Nom") })
        #expect(accented.range?.end == SourceLocation(line: 20, column: 4 + "Nom d'hôte*: hôte.example".utf8.count - 1))
    }
}
