import FlowCheck
import FlowCore
import Testing

@Suite struct FormRuleTests {
    static let mismatchedStep = """
        # A

        1. Enter the connection information.

           | Field | Description |
           | --- | --- |
           | Conection name | Name |
           | Description* | What for |

           ```screen Initiate connection
           Connection name*
           Description
           [Next]
           ```
        2. Click **Next**.

        """

    @Test func reportsFieldTableAndScreenDisagreeingOnBothPositions() {
        let found = run(FieldMismatch(), ["a.md": Self.mismatchedStep])
        #expect(
            found.map(\.brief) == [
                "a.md:7:6: warning: Field 'Conection name' is in the field table but not on screen 'Initiate connection'; did you mean 'Connection name'? [FieldMismatch]",
                "a.md:8:6: warning: Field 'Description' is required in the field table but not on the screen [FieldMismatch]",
                "a.md:11:4: warning: Field 'Connection name' is on screen 'Initiate connection' but not in the field table; did you mean 'Conection name'? [FieldMismatch]",
            ]
        )
        #expect(
            found.map(\.noteBriefs) == [
                ["a.md:11:4: Screen field 'Connection name' is here"],
                ["a.md:12:4: Screen field 'Description' is here"],
                ["a.md:7:6: Field table row 'Conection name' is here"],
            ]
        )
    }

    @Test func acceptsFieldTableAndScreenThatAgree() {
        let page =
            "# A\n\n1. Enter it.\n\n   | Field | Description |\n   | --- | --- |\n   | Name* | N |\n   | Active | A |\n\n   ```screen S\n   Name*: x\n   [x] Active\n   ```\n"
        #expect(run(FieldMismatch(), ["a.md": page]).isEmpty)
    }

    @Test func reportsExampleValueDriftWithNoteAtFirstValue() {
        let page = """
            # A

            1. Enter the **URL**.

               ```screen Connect
               URL*: https://example.net
               ```
            2. Check the **URL**.

               | Field | Example |
               | --- | --- |
               | URL | `https://example.com` |

            """
        let found = run(ExampleValueDrift(), ["a.md": page])
        #expect(
            found.map(\.brief) == [
                "a.md:12:12: warning: Field 'URL' has the example value 'https://example.com' here but 'https://example.net' before [ExampleValueDrift]"
            ]
        )
        #expect(found.first?.noteBriefs == ["a.md:6:4: 'https://example.net' is used here"])
    }

    @Test func acceptsTheSameExampleValueThroughoutAFlow() {
        let page =
            "# A\n\n1. Enter it.\n\n   ```screen S\n   URL: https://a.net\n   ```\n2. Enter it again.\n\n   ```screen S\n   URL: https://a.net\n   ```\n"
        #expect(run(ExampleValueDrift(), ["a.md": page]).isEmpty)
    }

    @Test func reportsSelectionCloseToButNotAnOption() {
        let page = "# A\n\n1. Select the mode: **Scrpt**.\n\n   - **Basic**\n   - **Script**\n2. Click **Next**.\n"
        let found = run(ChoiceSelectionUnknown(), ["a.md": page])
        #expect(
            found.map(\.brief) == [
                "a.md:3:21: warning: 'Scrpt' is not an option of this step; did you mean 'Script'? [ChoiceSelectionUnknown]"
            ]
        )
        #expect(found.first?.noteBriefs == ["a.md:5:4: Options are 'Basic', 'Script'"])
    }

    @Test func reportsSelectStepThatNamesNoOption() {
        let page = "# A\n\n1. Select the configuration mode.\n\n   - **Basic**\n   - **Script**\n2. Click **Next**.\n"
        let found = run(ChoiceSelectionUnknown(), ["a.md": page])
        #expect(
            found.map(\.brief) == [
                "a.md:3:4: warning: Step 1 says 'Select' but names none of its options in bold [ChoiceSelectionUnknown]"
            ]
        )
    }

    @Test func acceptsSelectionOfAnOption() {
        let page = "# A\n\n1. Select the mode: **Script**.\n\n   - **Basic**\n   - **Script**\n2. Click **Next**.\n"
        #expect(run(ChoiceSelectionUnknown(), ["a.md": page]).isEmpty)
    }
}
