import FlowCheck
import FlowCore
import FlowParser
import Testing

@Suite struct StructureRuleTests {
    @Test func reportsPageWithoutTitle() {
        let found = run(MissingTitle(), ["a.md": "Some text.\n"])
        #expect(found.map(\.brief) == ["a.md:1:1: error: Page has no title [MissingTitle]"])
        #expect(run(MissingTitle(), ["a.md": "# Title\n"]).isEmpty)
        #expect(run(MissingTitle(), ["a.md": "---\ntitle: From front matter\n---\nText.\n"]).isEmpty)
    }

    @Test func reportsFlowTypeWithoutSteps() {
        let found = run(MissingSteps(), ["a.md": "---\ntype: flow\n---\n# A\n\nNo steps.\n"])
        #expect(found.map(\.brief) == ["a.md:2:1: error: Page is marked 'type: flow' but has no steps [MissingSteps]"])
        #expect(
            run(MissingSteps(), ["a.md": "---\ntype: flow\n---\n# A\n\n1. Click **A**.\n2. Click **B**.\n"]).isEmpty
        )
        #expect(run(MissingSteps(), ["a.md": "# Overview\n\nNo steps.\n"]).isEmpty)
    }

    @Test func reportsStepNumberGapWithRenumberingFixIt() throws {
        let found = run(
            StepNumberGap(),
            ["a.md": "# A\n\n1. Click **A**.\n2. Click **B**.\n4. Click **C**.\n5. Click **D**.\n"]
        )
        #expect(found.map(\.brief) == ["a.md:5:1: warning: Step number 4 follows 2; expected 3 [StepNumberGap]"])
        #expect(found.first?.noteBriefs == ["a.md:4:1: Step 2 is here"])
        let fixIt = try #require(found.first?.fixIts.first)
        #expect(fixIt.summary == "Renumber steps")
        #expect(
            fixIt.replacements.map { "\($0.range.start)-\($0.range.end)=\($0.text)" } == ["5:1-5:1=3", "6:1-6:1=4"]
        )
        #expect(run(StepNumberGap(), ["a.md": "# A\n\n1. Click **A**.\n2. Click **B**.\n3. Click **C**.\n"]).isEmpty)
    }

    @Test func reportsProcedureThatDoesNotStartAtOne() {
        let found = run(StepNumberGap(), ["a.md": "# A\n\n2. Click **A**.\n3. Click **B**.\n"])
        #expect(found.map(\.brief) == ["a.md:3:1: warning: Steps start at 2; expected 1 [StepNumberGap]"])
        #expect(found.first?.fixIts.isEmpty == true, "A list may continue an earlier one; no renumbering")
    }

    @Test func reportsGapInSubsteps() {
        let found = run(
            StepNumberGap(),
            ["a.md": "# A\n\n1. Open **A**.\n\n   1. Click **B**.\n   3. Click **C**.\n2. Click **D**.\n"]
        )
        #expect(found.map(\.brief) == ["a.md:6:4: warning: Step number 3 follows 1; expected 2 [StepNumberGap]"])
    }

    @Test func reportsRepeatedStepNumber() throws {
        let found = run(StepNumberRepeat(), ["a.md": "# A\n\n1. Click **A**.\n2. Click **B**.\n2. Click **C**.\n"])
        #expect(found.map(\.brief) == ["a.md:5:1: warning: Step number 2 is used twice; expected 3 [StepNumberRepeat]"])
        #expect(found.first?.noteBriefs == ["a.md:4:1: Step 2 is first used here"])
        #expect(found.first?.fixIts.first?.replacements.map(\.text) == ["3"])
        #expect(run(StepNumberRepeat(), ["a.md": "# A\n\n1. Click **A**.\n2. Click **B**.\n"]).isEmpty)
    }

    @Test func reportsInstructionWithoutActionVerb() {
        let found = run(StepMissingAction(), ["a.md": "# A\n\n1. Click **A**.\n2. The **B** dialog opens.\n"])
        #expect(
            found.map(\.brief) == [
                "a.md:4:4: warning: Step 2 starts with 'The', not an action verb [StepMissingAction]"
            ]
        )
    }

    @Test func acceptsConfiguredActionVerb() {
        let page = ["a.md": "# A\n\n1. Tick **A**.\n2. Click **B**.\n"]
        #expect(run(StepMissingAction(), page).count == 1)
        let content = makeContent(page, options: .init(extraActionVerbs: ["Tick"]))
        #expect(StepMissingAction().check(content, context: CheckContext(today: testToday)).isEmpty)
    }

    @Test func reportsEmptyStepAndStepWithoutInstruction() {
        let found = run(EmptyStep(), ["a.md": "# A\n\n1. Click **A**.\n2.\n3. ![Dialog](d.svg)\n"])
        #expect(
            found.map(\.brief) == [
                "a.md:4:1: warning: Step 2 is empty [EmptyStep]",
                "a.md:5:1: warning: Step 3 has no instruction [EmptyStep]",
            ]
        )
        #expect(run(EmptyStep(), ["a.md": "# A\n\n1. Click **A**.\n2. Click **B**.\n"]).isEmpty)
    }

    @Test func reportsSingleStepProcedure() {
        let found = run(SingleStepProcedure(), ["a.md": "# A\n\n## Do it\n\n1. Click **A**.\n"])
        #expect(found.map(\.brief) == ["a.md:5:1: warning: Procedure 'Do it' has only one step [SingleStepProcedure]"])
        #expect(run(SingleStepProcedure(), ["a.md": "# A\n\n1. Click **A**.\n2. Click **B**.\n"]).isEmpty)
    }

    @Test func reportsProcedureLongerThanConfiguredLimit() {
        let page = ["a.md": "# A\n\n" + (1...4).map { "\($0). Click **S\($0)**.\n" }.joined()]
        let found = run(ProcedureTooLong(), page, configuration: CheckConfiguration(maxSteps: 3))
        #expect(
            found.map(\.brief) == ["a.md:3:1: warning: Procedure 'A' has 4 steps; the limit is 3 [ProcedureTooLong]"]
        )
        #expect(found.first?.noteBriefs == ["a.md:6:1: Step 4 is over the limit"])
        #expect(run(ProcedureTooLong(), page).isEmpty, "Default limit is 15")
    }

    @Test func reportsDuplicateFlowID() {
        let found = run(DuplicateFlowID(), ["a.md": "---\nid: same\n---\n# A\n", "b.md": "---\nid: same\n---\n# B\n"])
        #expect(found.map(\.brief) == ["b.md:2:1: error: Flow ID 'same' is already used by 'a.md' [DuplicateFlowID]"])
        #expect(found.first?.noteBriefs == ["a.md:2:1: Flow 'same' is first defined here"])
        #expect(run(DuplicateFlowID(), ["a.md": "# A\n", "b.md": "# B\n"]).isEmpty)
    }

    @Test(arguments: [
        ("../outside", "has a '.' or '..' segment"),
        ("../\u{301}outside", "has a '.' or '..' segment"),
        ("a/./\u{301}b", "has a '.' or '..' segment"),
        ("/etc/passwd", "starts with '/'"),
        ("javascript:alert(1)", "contains ':'"),
        ("a//b", "has an empty segment"),
        ("page#2", "contains '#'"),
        ("graph", "is the name of a page flowdoc generates (graph.html)"),
        ("Search", "is the name of a page flowdoc generates (Search.html)"),
        ("404", "is the name of a page flowdoc generates (404.html)"),
    ])
    func reportsFlowIDThatCannotBeAPageURL(id: String, problem: String) {
        let found = run(InvalidFlowID(), ["a.md": "---\nid: \"\(id)\"\n---\n# A\n"])
        #expect(found.map(\.brief) == ["a.md:2:1: error: Flow ID '\(id)' \(problem) [InvalidFlowID]"])
    }

    @Test func acceptsFlowIDsMadeOfPathSegments() {
        let pages = ["a.md": "---\nid: salesforce/accept-invitation_2\n---\n# A\n", "b c/ç.md": "# B\n"]
        #expect(run(InvalidFlowID(), pages).isEmpty)
    }

    @Test func reportsHeadingsWithTheSameAnchor() {
        let found = run(DuplicateAnchor(), ["a.md": "# A\n\n## Setup\n\nText.\n\n## Setup\n\nMore.\n"])
        #expect(
            found.map(\.brief) == [
                "a.md:7:1: warning: Heading has the same anchor '#setup' as an earlier one; it gets '#setup-1' [DuplicateAnchor]"
            ]
        )
        #expect(found.first?.noteBriefs == ["a.md:3:1: '#setup' is first defined here"])
        #expect(run(DuplicateAnchor(), ["a.md": "# A\n\n## Setup\n\n## Use\n"]).isEmpty)
    }
}
