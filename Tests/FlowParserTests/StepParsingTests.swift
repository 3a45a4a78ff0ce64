import FlowCore
import FlowModel
import FlowParser
import FlowProse
import Testing

@Suite struct StepParsingTests {
    func parse(_ markdown: String) -> (Flow, [Diagnostic]) {
        PageParser().parse(markdown, source: "page.md")
    }

    @Test func readsActionTargetsAndLiterals() throws {
        let (flow, _) = parse(
            "# T\n\n1. Enter `https://example.net` in **Destination URL** and click **Next**.\n2. Click **Done**.\n"
        )
        let step = try #require(flow.steps.first)
        #expect(step.action == "Enter")
        #expect(step.targets.map(\.name) == ["Destination URL", "Next"])
        #expect(step.literals.map(\.value) == ["https://example.net"])
        #expect(step.targets[0].range == SourceRange(file: "page.md", line: 3, column: 35, endLine: 3, endColumn: 53))
        #expect(step.literals[0].range?.start == SourceLocation(line: 3, column: 11))
    }

    @Test func leavesActionEmptyWhenInstructionDoesNotStartWithVerb() throws {
        let (flow, _) = parse("1. The **Connections** tab opens.\n2. Click **Next**.\n")
        #expect(flow.steps.map(\.action) == [nil, "Click"])
    }

    @Test func countsColumnsInUTF8Bytes() throws {
        let (flow, _) = parse("1. Öffne café **Verbindungen**.\n2. Click **Next**.\n")
        // "1. Öffne café " is 14 characters but 16 bytes: the target starts at byte column 17.
        #expect(flow.steps[0].targets.first?.range?.start == SourceLocation(line: 1, column: 17))
    }

    @Test func keepsWrittenNumbersWithGapsAndRepeats() {
        let (flow, _) = parse("1. Click **A**.\n2. Click **B**.\n4. Click **C**.\n4. Click **D**.\n")
        #expect(flow.steps.map(\.number) == [1, 2, 4, 4])
        #expect(flow.steps.map(\.index) == [1, 2, 3, 4])
    }

    @Test func continuesProcedureAfterInterruptingCallout() throws {
        let markdown = "1. Click **A**.\n2. Click **B**.\n\n> [!WARNING]\n> Careful.\n\n3. Click **C**.\n"
        let (flow, _) = parse(markdown)
        #expect(flow.procedures.count == 1)
        #expect(flow.steps.map(\.number) == [1, 2, 3])
        #expect(flow.steps[1].callouts.map(\.kind) == [.warning])
    }

    @Test func startsNewProcedureUnderEachHeading() {
        let (flow, _) = parse(
            "# T\n\n## First\n\n1. Click **A**.\n2. Click **B**.\n\n## Second\n\n1. Click **C**.\n2. Click **D**.\n"
        )
        #expect(flow.procedures.map(\.title) == ["First", "Second"])
        #expect(flow.procedures[1].steps.map(\.anchor) == ["second-step-1", "second-step-2"])
    }

    @Test func readsSubstepsAndResult() throws {
        let markdown =
            "1. Open **Settings**.\n\n   1. Click **General**.\n   2. Click **Save**.\n\n   Result: The settings are saved.\n2. Click **Done**.\n"
        let (flow, _) = parse(markdown)
        let step = try #require(flow.steps.first)
        #expect(step.substeps.map(\.text) == ["Click General.", "Click Save."])
        #expect(step.substeps.map(\.anchor) == ["step-1-1", "step-1-2"])
        #expect(step.result?.inlines.plainText == "The settings are saved.")
    }

    @Test(arguments: [
        ("RESULT: Saved.", "Saved."), ("result:Saved.", "Saved."), ("ReSuLt:  Saved.", "Saved."),
        ("Results: Saved.", nil), ("Result Saved.", nil), ("Résult: Saved.", nil), ("Resul", nil),
        ("Result:é saved.", "é saved."), ("Result:\u{301} saved.", nil),
    ])
    func readsAResultLabelInAnyCase(paragraph: String, result: String?) throws {
        let (flow, _) = parse("1. Click **Save**.\n\n   \(paragraph)\n")
        let step = try #require(flow.steps.first)
        #expect(step.result?.inlines.plainText == result)
        if result == nil { #expect(step.details.count == 1) }
    }

    @Test func readsFieldTableWithRequiredMarksAndColumns() throws {
        let markdown = """
            1. Enter the details.

               | Field | Description | Required | Default | Example |
               | --- | --- | --- | --- | --- |
               | Name* | The name | | | `conn-1` |
               | Interval | How often | yes | 5 | 10 |
               | Notes | Free text | no | | |
            2. Click **Save**.

            """
        let (flow, _) = parse(markdown)
        let table = try #require(flow.steps.first?.fieldTable)
        #expect(table.fields.map(\.name) == ["Name", "Interval", "Notes"])
        #expect(table.fields.map(\.required) == [true, true, false])
        #expect(table.fields[1].defaultValue == "5")
        #expect(table.fields[0].example == "conn-1")
        #expect(table.fields[0].range?.start == SourceLocation(line: 5, column: 6))
    }

    @Test func ignoresTablesWhoseFirstHeaderIsNotAFieldHeader() {
        let (flow, _) = parse(
            "1. Look.\n\n   | Color | Meaning |\n   | --- | --- |\n   | red | stop |\n2. Click **Go**.\n"
        )
        #expect(flow.steps.first?.fieldTable == nil)
        #expect(flow.steps.first?.details.count == 1)
    }

    @Test func readsChoiceWithLinkedOption() throws {
        let markdown = """
            1. Select the mode: **Script**.

               - **Basic**: automatic configuration
                 - Sync rules can't be edited
               - **Visual** ([set up in Visual mode](visual.md))
               - **Script**
                 - Groovy-based scripting
            2. Click **Next**.

            """
        let (flow, _) = parse(markdown)
        let choice = try #require(flow.steps.first?.choice)
        #expect(choice.options.map(\.label) == ["Basic", "Visual", "Script"])
        #expect(choice.options.map(\.isSelected) == [false, false, true])
        #expect(choice.options[0].properties == ["automatic configuration", "Sync rules can't be edited"])
        #expect(choice.options[1].link == "visual.md")
    }

    @Test func keepsPlainBulletListsAsProse() {
        let (flow, _) = parse("1. Check:\n\n   - the URL\n   - the **token**\n2. Click **Next**.\n")
        #expect(flow.steps.first?.choice == nil)
        #expect(flow.steps.first?.details.count == 1)
    }
}
