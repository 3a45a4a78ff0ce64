import FlowCheck
import FlowCore
import Testing

@Suite struct ConfigurationAndFixItTests {
    static let gapPage = ["a.md": "# A\n\n1. Click **A**.\n2. Click **B**.\n4. Click **C**.\n\n   Result: Done.\n"]

    @Test func configuredSeverityOverridesTheDefault() {
        let content = makeContent(Self.gapPage)
        let raised = CheckConfiguration(rules: ["StepNumberGap": .error])
        let found = ContentChecker().check(content, context: CheckContext(configuration: raised, today: testToday))
        #expect(found.filter { $0.id == "StepNumberGap" }.map(\.severity) == [.error])
    }

    @Test func ruleSetToOffReportsNothing() {
        let content = makeContent(Self.gapPage)
        let off = CheckConfiguration(rules: ["StepNumberGap": .off])
        let found = ContentChecker().check(content, context: CheckContext(configuration: off, today: testToday))
        #expect(!found.contains { $0.id == "StepNumberGap" })
        let defaults = ContentChecker().check(content, context: CheckContext(today: testToday))
        #expect(defaults.filter { $0.id == "StepNumberGap" }.map(\.severity) == [.warning])
    }

    @Test func configuredSeverityAppliesToParseDiagnostics() {
        let content = makeContent(["a.md": "---\ntitle: [unclosed\n---\n# A\n"])
        let lowered = CheckConfiguration(rules: ["FrontMatterInvalid": .note])
        let found = ContentChecker().check(content, context: CheckContext(configuration: lowered, today: testToday))
        #expect(found.filter { $0.id == "FrontMatterInvalid" }.map(\.severity) == [.note])
    }

    @Test func fixItRenumbersOnlyTheWrongNumbers() throws {
        let text = "# A\n\n1. Click **A**.\n2. Click **B**.\n4. Click **C**.\n5. Click **D 4.**.\n"
        let found = ContentChecker(checkers: [StepNumberGap()]).check(
            makeContent(["a.md": text]),
            context: CheckContext(today: testToday)
        )
        let replacements = found.flatMap(\.fixIts).flatMap(\.replacements)
        let result = FixItApplier.apply(replacements + replacements, to: Array(text.utf8))
        #expect(
            String(decoding: result.bytes, as: UTF8.self)
                == "# A\n\n1. Click **A**.\n2. Click **B**.\n3. Click **C**.\n4. Click **D 4.**.\n"
        )
        #expect(result.applied == 2)
    }

    @Test func fixItRespectsByteOrderMarkAndMultiByteCharacters() {
        let replacement = Diagnostic.FixIt.Replacement(
            range: SourceRange(file: "a.md", line: 1, column: 2, endLine: 1, endColumn: 2),
            text: "e"
        )
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("réd\n".utf8)
        let result = FixItApplier.apply([replacement], to: bytes)
        #expect(result.bytes == [0xEF, 0xBB, 0xBF] + Array("red\n".utf8))
    }

    @Test func fixItSkipsOverlappingAndOutOfRangeEdits() {
        let first = Diagnostic.FixIt.Replacement(
            range: SourceRange(file: "a.md", line: 1, column: 1, endLine: 1, endColumn: 3),
            text: "X"
        )
        let overlapping = Diagnostic.FixIt.Replacement(
            range: SourceRange(file: "a.md", line: 1, column: 2, endLine: 1, endColumn: 2),
            text: "Y"
        )
        let outside = Diagnostic.FixIt.Replacement(range: SourceRange(file: "a.md", line: 9, column: 1), text: "Z")
        let result = FixItApplier.apply([first, overlapping, outside], to: Array("abcd\n".utf8))
        #expect(String(decoding: result.bytes, as: UTF8.self) == "Xd\n")
        #expect(result.applied == 1)
    }

    @Test func nearMissSuggestsCloseNamesOnly() {
        #expect(NearMiss.bestMatch(for: "Conections", in: ["Connections", "Settings"]) == "Connections")
        #expect(NearMiss.bestMatch(for: "connections", in: ["Connections"]) == "Connections")
        #expect(NearMiss.bestMatch(for: "Go", in: ["No", "Next"]) == nil)
        #expect(NearMiss.bestMatch(for: "Apps", in: ["Apps"]) == nil)
        #expect(NearMiss.editDistance("kitten", "sitting") == 3)
    }

    @Test(arguments: ["2026-01-15", "2024-02-29", "2000-02-29", "0001-12-31"])
    func calendarDateParsesValidDates(text: String) {
        #expect(CalendarDate(text)?.description == text)
    }

    @Test(arguments: [
        "2026-1-15", "2023-02-29", "1900-02-29", "2026-04-31", "26-01-15", "2026/01/15", "today", "2026-01-15 ",
        "２０２６-01-15", "2026-00-10", "2026-01-00", "+026-01-15", "2026--1-15", "2026-01-1a", "2026-01-15-", "",
    ])
    func calendarDateRejectsInvalidDates(text: String) {
        #expect(CalendarDate(text) == nil)
    }
}
