import FlowCheck
import FlowCore
import Foundation
import Testing

@testable import FlowCommands

/// `flowdoc check` as an action: configuration, exit status and `--fix`, on temporary folders.
@Suite struct CheckActionTests {
    /// A fresh folder holding `content/` with `pages`, and `flowdoc.yml` beside it when given.
    private func makeFolder(_ pages: [String: String], config: String? = nil) throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("flowdoc-check-\(UUID().uuidString)")
        let content = root.appendingPathComponent("content")
        try FileManager.default.createDirectory(at: content, withIntermediateDirectories: true)
        for (path, text) in pages { try Data(text.utf8).write(to: content.appendingPathComponent(path)) }
        if let config { try Data(config.utf8).write(to: root.appendingPathComponent("flowdoc.yml")) }
        return root
    }

    static let gapPage =
        "# A\n\n1.  Click **A**.\n2. Click **B**  \n4. Click **C**.\n5. Click **D 4.**\n\n   Result: Done.\r\n"

    @Test func fixRenumbersStepsAndTouchesNothingElse() async throws {
        let root = try makeFolder(["a.md": Self.gapPage])
        defer { try? FileManager.default.removeItem(at: root) }
        let content = root.appendingPathComponent("content")
        let result = try await CheckAction(contentURL: content, fix: true).run()
        let fixed = try String(contentsOf: content.appendingPathComponent("a.md"), encoding: .utf8)
        #expect(
            fixed
                == Self.gapPage.replacingOccurrences(of: "4. Click **C**", with: "3. Click **C**").replacingOccurrences(
                    of: "5. Click **D",
                    with: "4. Click **D"
                )
        )
        #expect(result.fixedFiles == ["a.md"])
        #expect(!result.diagnostics.contains { $0.id == "StepNumberGap" }, "\(result.diagnostics.map(\.summary))")
        #expect(result.messages.contains("Fixed 2 problems in 1 file"))
    }

    @Test func withoutFixNothingIsWritten() async throws {
        let root = try makeFolder(["a.md": Self.gapPage])
        defer { try? FileManager.default.removeItem(at: root) }
        let content = root.appendingPathComponent("content")
        let result = try await CheckAction(contentURL: content).run()
        #expect(try String(contentsOf: content.appendingPathComponent("a.md"), encoding: .utf8) == Self.gapPage)
        #expect(result.diagnostics.map(\.id).contains("StepNumberGap"))
    }

    @Test func exitStatusFollowsErrorsAndWarningsAsErrors() async throws {
        let root = try makeFolder(["a.md": Self.gapPage])
        defer { try? FileManager.default.removeItem(at: root) }
        let content = root.appendingPathComponent("content")
        #expect(try await CheckAction(contentURL: content).run().exitCode == 0)
        #expect(try await CheckAction(contentURL: content, warningsAsErrors: true).run().exitCode == 1)
        try Data("# B\n\n[x](missing.md)\n".utf8).write(to: content.appendingPathComponent("b.md"))
        let failing = try await CheckAction(contentURL: content, pathPrefix: "content/").run()
        #expect(failing.exitCode == 1)
        #expect(failing.report.contains("content/b.md:3:1: error: Link to 'missing.md' points to nothing"))
        #expect(failing.report.hasSuffix("1 error, 1 warning in 2 pages\n"))
    }

    @Test func quietPrintsOnlyWhatFailsTheRun() async throws {
        let root = try makeFolder(["a.md": Self.gapPage])
        defer { try? FileManager.default.removeItem(at: root) }
        let content = root.appendingPathComponent("content")
        #expect(try await CheckAction(contentURL: content, quiet: true).run().report == "")
        let strict = try await CheckAction(contentURL: content, warningsAsErrors: true, quiet: true).run()
        #expect(strict.report.contains("warning: Step number"), "\(strict.report)")
        #expect(strict.report.hasSuffix("0 errors, 1 warning in 1 page\n"), "\(strict.report)")
        let json = try await CheckAction(contentURL: content, format: .json, quiet: true).run()
        #expect(json.report.contains("\"warnings\""), "the JSON report keeps its summary: \(json.report)")
    }

    @Test func configNextToContentSetsSeveritiesAndVerbs() async throws {
        let config = "rules:\n  StepNumberGap: error\n  DeadEnd: off\naction_verbs: [Tick]\n"
        let page = "# A\n\n1. Tick **A**.\n2. Click **B**.\n4. Click **C**.\n"
        let root = try makeFolder(["a.md": page], config: config)
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try await CheckAction(contentURL: root.appendingPathComponent("content")).run()
        #expect(result.diagnostics.map { "\($0.id) \($0.severity)" } == ["StepNumberGap error"])
        #expect(result.exitCode == 1)
    }

    @Test func explicitConfigOverridesTheOneNextToContent() async throws {
        let root = try makeFolder(["a.md": Self.gapPage], config: "rules:\n  StepNumberGap: error\n")
        defer { try? FileManager.default.removeItem(at: root) }
        let other = root.appendingPathComponent("other.yml")
        try Data("rules: {StepNumberGap: note}\nmax_steps: 3\n".utf8).write(to: other)
        let result = try await CheckAction(contentURL: root.appendingPathComponent("content"), configPath: other.path)
            .run()
        #expect(result.diagnostics.filter { $0.id == "StepNumberGap" }.map(\.severity) == [.note])
        #expect(result.diagnostics.contains { $0.id == "ProcedureTooLong" })
    }

    @Test(arguments: [
        ("rule:\n  StepNumberGap: off\n", "x.yml:1:1: unknown setting 'rule'; did you mean 'rules'?"),
        (
            "rules:\n  StepNumbrGap: off\n",
            "x.yml:2:3: unknown rule 'StepNumbrGap' in 'rules'; did you mean 'StepNumberGap'?"
        ),
        (
            "rules:\n  StepNumberGap: loud\n",
            "x.yml:2:18: rule 'StepNumberGap' must be set to error, warning, note, off"
        ),
        ("max_steps: many\n", "x.yml:1:12: 'max_steps' must be a whole number greater than 0"),
        (
            "required_facets: [colour]\n",
            "x.yml:1:18: unknown facet 'colour' in 'required_facets'; use product, platform, mode, audience"
        ),
        ("- a\n", "x.yml:1:1: expected a mapping of settings such as 'max_steps: 15'"),
    ])
    func invalidConfigIsAUsageErrorNamingThePosition(yaml: String, message: String) {
        #expect {
            _ = try ConfigurationReader.parse(yaml, path: "x.yml")
        } throws: { error in
            (error as? ConfigurationError)?.description.hasPrefix(message) == true
        }
    }

    @Test func validConfigIsRead() throws {
        let yaml =
            "rules:\n  RawHTMLDropped: off\n  BrokenLink: warning\naction_verbs: [Tick]\nrequired_facets: [product]\nmax_steps: 20\nunsafe_html: true\n"
        let configuration = try ConfigurationReader.parse(yaml, path: "flowdoc.yml")
        #expect(configuration.rules.mapValues(\.rawValue) == ["RawHTMLDropped": "off", "BrokenLink": "warning"])
        #expect(configuration.actionVerbs == ["Tick"])
        #expect(configuration.requiredFacets == ["product"])
        #expect(configuration.maxSteps == 20)
        #expect(configuration.unsafeHTML)
        #expect(try ConfigurationReader.parse("", path: "flowdoc.yml") == .default)
    }

    @Test func missingContentFolderIsAnError() async throws {
        await #expect(throws: (any Error).self) {
            _ = try await CheckAction(contentURL: URL(fileURLWithPath: "/nonexistent-flowdoc-content")).run()
        }
    }

    @Test func pathPrefixFollowsTheContentArgument() {
        #expect(FlowdocCommand.Check.pathPrefix(for: "content") == "content/")
        #expect(FlowdocCommand.Check.pathPrefix(for: "docs/content/") == "docs/content/")
        #expect(FlowdocCommand.Check.pathPrefix(for: ".") == "")
    }
}
