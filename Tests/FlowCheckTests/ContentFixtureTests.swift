import FlowCheck
import FlowCore
import FlowModel
import FlowParser
import Foundation
import Testing

@Suite struct ContentFixtureTests {
    static let seedPage = "initiate-connection-script-mode-salesforce.md"

    private func check(_ url: URL) async throws -> [Diagnostic] {
        let content = try await ContentLoader().load(from: url)
        return ContentChecker().check(content, context: CheckContext(today: testToday))
    }

    @Test func seedYieldsFieldMismatchOnStepSix() async throws {
        let found = try await check(fixturesURL.appendingPathComponent("seed/content"))
        let mismatches = found.filter { $0.id == "FieldMismatch" }
        #expect(
            mismatches.allSatisfy { $0.file == Self.seedPage && (69...82).contains($0.line) },
            "\(mismatches.map(\.brief))"
        )
        #expect(
            mismatches.map(\.brief).contains(
                "\(Self.seedPage):73:6: warning: Field 'Connection name' is required on the screen but not in the field table [FieldMismatch]"
            )
        )
        #expect(
            mismatches.map(\.brief).contains(
                "\(Self.seedPage):72:6: warning: Field 'Destination instance short name' is in the field table but not on screen 'Initiate connection'; did you mean 'Destination side shortname'? [FieldMismatch]"
            )
        )
        #expect(
            mismatches.contains {
                $0.noteBriefs == ["\(Self.seedPage):72:6: Field table row 'Destination instance short name' is here"]
            }
        )
    }

    @Test func seedYieldsExampleURLDriftBetweenStepsThreeAndFour() async throws {
        let found = try await check(fixturesURL.appendingPathComponent("seed/content"))
        let drift = found.filter { $0.id == "ExampleValueDrift" }
        #expect(
            drift.map(\.brief) == [
                "\(Self.seedPage):44:4: warning: Field 'Destination instance URL' has the example value 'https://example.exalate.com' here but 'https://example.exalate.net' before [ExampleValueDrift]"
            ]
        )
        #expect(drift.first?.noteBriefs == ["\(Self.seedPage):34:4: 'https://example.exalate.net' is used here"])
    }

    @Test func shippedContentChecksWithoutErrorsOrWarnings() async throws {
        let found = try await check(packageRootURL.appendingPathComponent("content"))
        let problems = found.filter { $0.severity != .note }
        #expect(problems.isEmpty, "Unexpected: \(problems.map(\.brief))")
    }

    @Test func parseDiagnosticsArePartOfTheResult() {
        let content = makeContent(["a.md": "---\ntitle: [unclosed\n---\n# A\n"])
        #expect(!content.diagnostics.isEmpty)
        let found = ContentChecker().check(content, context: CheckContext(today: testToday))
        #expect(found.contains { $0.id == "FrontMatterInvalid" })
    }

    @Test func everyRuleHasAUniqueUpperCamelCaseIDAndADocsSection() throws {
        let ids = Rules.all.map(\.id)
        #expect(Set(ids).count == ids.count)
        #expect(ids.allSatisfy { $0.first?.isUppercase == true && $0.allSatisfy { $0.isLetter } })
        let docs = try String(contentsOf: packageRootURL.appendingPathComponent("docs/rules.md"), encoding: .utf8)
        for rule in Rules.all {
            #expect(docs.contains("## \(rule.id)\n"), "docs/rules.md has no section for \(rule.id)")
            #expect(docs.contains("Default severity: **\(rule.defaultSeverity.rawValue)**"))
        }
    }

    @Test func parseDiagnosticIDListMatchesTheParser() throws {
        let sources = packageRootURL.appendingPathComponent("Sources")
        var found = Set<String>()
        for folder in ["FlowParser", "FlowMarkdown"] {
            let url = sources.appendingPathComponent(folder)
            for name in try FileManager.default.contentsOfDirectory(atPath: url.path) where name.hasSuffix(".swift") {
                let text = try String(contentsOf: url.appendingPathComponent(name), encoding: .utf8)
                var rest = Substring(text)
                while let range = rest.range(of: "id: \"") {
                    rest = rest[range.upperBound...]
                    if let end = rest.firstIndex(of: "\"") { found.insert(String(rest[..<end])) }
                }
            }
        }
        #expect(
            found.subtracting(Rules.parseDiagnosticIDs).isEmpty,
            "Add to Rules.parseDiagnosticIDs: \(found.subtracting(Rules.parseDiagnosticIDs).sorted())"
        )
    }
}
