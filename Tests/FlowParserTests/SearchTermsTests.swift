import FlowModel
import FlowParser
import Testing

/// What the site's search finds a page by: ``SearchTerms/init(_:)``.
@Suite struct SearchTermsTests {
    @Test func collectsEachKindOnceInSourceOrder() {
        let markdown = """
            # T

            1. Click **Save** and **Close**.

               | Field | Description |
               | --- | --- |
               | Name* | The name |
               | Owner | Who owns it |

               ```screen Details
               Name*: Ada
               Notes
               [Close] [Apply]
               ```

               1. Click **Apply**.
            2. Select the mode: **Script**.

               - **Basic**: fewer fields
               - **Script**
            """
        let terms = SearchTerms(PageParser().parse(markdown, source: "a.md").flow)
        #expect(terms.steps == ["Click Save and Close.", "Click Apply.", "Select the mode: Script."])
        #expect(terms.targets == ["Save", "Close", "Apply", "Script", "Basic"])
        #expect(terms.fields == ["Name", "Owner", "Notes"])
    }

    /// Past a few dozen terms, repeats are found another way: the result must not change.
    @Test(arguments: [5, 32, 33, 200])
    func dropsRepeatsOfAnyNumberOfTerms(count: Int) {
        let steps = (0..<count).map { "\($0 + 1). Click **Button \($0 % 7)** and **Button \($0)**." }
        let flow = PageParser().parse("# T\n\n" + steps.joined(separator: "\n") + "\n", source: "a.md").flow
        var expected: [String] = []
        for index in 0..<count {
            for name in ["Button \(index % 7)", "Button \(index)"] where !expected.contains(name) {
                expected.append(name)
            }
        }
        #expect(SearchTerms(flow).targets == expected)
    }
}
