import FlowCore
import Foundation
import Testing

@Suite struct DiagnosticFormatterTests {
    let diagnostic = Diagnostic(
        .warning,
        id: "StepMissingAction",
        range: SourceRange(file: "setup.md", line: 12, column: 3),
        summary: "Step 2 does not start with an action verb",
        notes: [.init(range: SourceRange(file: "setup.md", line: 9, column: 1), message: "Procedure starts here")]
    )

    @Test func writesEditorParsableLinesWithNotes() {
        let text = DiagnosticFormatter(pathPrefix: "content/").format(diagnostic)
        #expect(
            text == """
                content/setup.md:12:3: warning: Step 2 does not start with an action verb [StepMissingAction]
                content/setup.md:9:1: note: Procedure starts here

                """
        )
    }

    @Test func coloursSeverityOnlyWhenAsked() {
        #expect(!DiagnosticFormatter().format(diagnostic).contains("\u{1B}["))
        #expect(DiagnosticFormatter(colored: true).format(diagnostic).contains("\u{1B}[1;33mwarning\u{1B}[0m"))
    }

    @Test func sortsByFileLineAndColumn() {
        let later = Diagnostic(.error, id: "B", range: SourceRange(file: "a.md", line: 2, column: 1), summary: "b")
        let earlier = Diagnostic(.error, id: "A", range: SourceRange(file: "a.md", line: 1, column: 5), summary: "a")
        let text = DiagnosticFormatter().format([later, earlier])
        #expect(text.hasPrefix("a.md:1:5"))
    }

    @Test func omitsPositionWhenUnknown() {
        let whole = Diagnostic(.error, id: "UnreadableFile", range: nil, file: "x.md", summary: "Page can't be read")
        #expect(DiagnosticFormatter().format(whole) == "x.md: error: Page can't be read [UnreadableFile]\n")
    }

    @Test func encodesRangesAsFlatObjects() throws {
        let range = SourceRange(file: "a.md", line: 3, column: 5, endLine: 3, endColumn: 9)
        let data = try JSONEncoder().encode(range)
        #expect(try JSONDecoder().decode(SourceRange.self, from: data) == range)
        let object = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        #expect(object?["line"] as? Int == 3)
        #expect(object?["endColumn"] as? Int == 9)
    }
}
