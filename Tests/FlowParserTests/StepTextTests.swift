import FlowModel
import FlowParser
import FlowProse
import Foundation
import Testing

/// ``Step/text`` is stored with the step: it must follow the instruction wherever that changes.
@Suite struct StepTextTests {
    func firstStep(_ markdown: String) throws -> Step {
        try #require(PageParser().parse(markdown, source: "page.md").0.steps.first)
    }

    @Test func followsAnEditedInstructionAndLeavesCopiesAlone() throws {
        let step = try firstStep("# T\n\n1. Click **Save** and `wait`.\n")
        #expect(step.text == "Click Save and wait.")
        var edited = step
        edited.instruction.inlines.append(.text(" Then close it.", nil))
        #expect(edited.text == "Click Save and wait. Then close it.")
        #expect(step.text == "Click Save and wait.")
        edited.instruction = Paragraph(inlines: [.text("Open the menu.", nil)], range: nil)
        #expect(edited.text == "Open the menu.")
    }

    @Test func isMadeAgainWhenDecodedAndNotEncoded() throws {
        let step = try firstStep("# T\n\n1. Enter the **Name**.\n")
        let data = try JSONEncoder().encode(step)
        let keys = try #require(JSONSerialization.jsonObject(with: data) as? [String: Any]).keys
        #expect(
            Set(keys) == [
                "number", "index", "anchor", "action", "instruction", "targets", "literals", "elements", "range",
            ]
        )
        let decoded = try JSONDecoder().decode(Step.self, from: data)
        #expect(decoded == step)
        #expect(decoded.text == "Enter the Name.")
    }
}
