import FlowCheck
import FlowCore
import FlowHTML
import FlowModel
import FlowParser
import FlowServe
import Foundation
import Testing

@testable import FlowCommands

/// `flowdoc init`: the starter help center checks and builds clean, and nothing is overwritten.
@Suite struct InitActionTests {
    private static let today = CalendarDate(year: 2026, month: 3, day: 2)

    private func makeFolder() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("flowdoc-init-\(UUID().uuidString)")
    }

    @Test func writesEveryStarterFile() throws {
        let root = makeFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try InitAction(directory: root, today: Self.today).perform()
        #expect(result.created == StarterSite.files(updated: "2026-03-02").map(\.path))
        #expect(result.appended.isEmpty)
        for path in result.created {
            #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path), "\(path) missing")
        }
        let page = try String(contentsOf: root.appendingPathComponent("content/create-project.md"), encoding: .utf8)
        #expect(page.contains("updated: 2026-03-02"))
    }

    @Test func starterSiteChecksCleanWithEveryRule() async throws {
        let root = makeFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        _ = try InitAction(directory: root, today: Self.today).perform()
        let result = try await CheckAction(contentURL: root.appendingPathComponent("content"), today: Self.today).run()
        #expect(
            result.diagnostics.isEmpty,
            "Unexpected: \(result.diagnostics.map { "\($0.file):\($0.line) \($0.id) \($0.summary)" })"
        )
        #expect(result.exitCode == 0)
    }

    @Test func exampleFlowUsesEveryConstruct() async throws {
        let root = makeFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        _ = try InitAction(directory: root, today: Self.today).perform()
        let content = try await ContentLoader().load(from: root.appendingPathComponent("content"))
        let flow = try #require(content.flow(id: "create-project"))
        let dump = flow.dump()
        for construct in [
            "Callout", "Step ", "FieldTable", "Screen", "Choice", "selected", "Substeps", "Result", "Literal", "Target",
        ] {
            #expect(dump.localizedCaseInsensitiveContains(construct), "No \(construct) in:\n\(dump)")
        }
        #expect(flow.metadata.product == "Example App")
        #expect(flow.next.map(\.destination) == ["invite-teammate.md"])
        #expect(content.product != nil)
        #expect(content.assets.contains("images/new-project.svg"))
    }

    @Test func starterSiteBuildsAndPreviewBuilderReportsNoProblems() async throws {
        let root = makeFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        _ = try InitAction(directory: root, today: Self.today).perform()
        let content = root.appendingPathComponent("content")
        let site = root.appendingPathComponent("site")
        let build = try await BuildAction(contentURL: content, outputURL: site, options: .init()).perform()
        #expect(build.didWrite)
        #expect(build.diagnostics.isEmpty, "\(build.diagnostics.map(\.summary))")
        for page in ["index.html", "create-project.html", "invite-teammate.html", "images/new-project.svg", "404.html"]
        {
            #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent(page).path), "\(page) not built")
        }
        let preview = PreviewBuilder(contentURL: content, outputURL: site, pathPrefix: "content/", print: { _ in })
        let report = await preview.build()
        #expect(report.didWrite)
        #expect(report.failure == nil)
        #expect(report.pagePaths["create-project.md"] == "create-project.html")
        #expect(preview.watchedPaths.map(\.lastPathComponent) == ["content", "flowdoc.yml", "theme"])

        // A save parses only the page it changed.
        let pageCount = report.pagePaths.count
        let page = content.appendingPathComponent("create-project.md")
        try (try String(contentsOf: page, encoding: .utf8) + "\nEdited.\n").write(
            to: page,
            atomically: true,
            encoding: .utf8
        )
        let rebuilt = await preview.build()
        #expect(rebuilt.didWrite)
        #expect(preview.parseCache.lastLoad == (reused: pageCount - 1, parsed: 1))
    }

    @Test func configurationTemplateDocumentsEveryKeyAndParses() throws {
        for key in ConfigurationReader.keys {
            #expect(StarterSite.configuration.contains("\n\(key):"), "flowdoc.yml does not set '\(key)'")
            #expect(StarterSite.configuration.contains("# \(key):"), "flowdoc.yml does not explain '\(key)'")
        }
        let configuration = try ConfigurationReader.parse(StarterSite.configuration, path: "flowdoc.yml")
        #expect(configuration == .default)
    }

    @Test func refusesToOverwriteAndWritesNothing() throws {
        let root = makeFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let index = root.appendingPathComponent("content/index.md")
        let config = root.appendingPathComponent("flowdoc.yml")
        try FileManager.default.createDirectory(
            at: index.deletingLastPathComponent(),
            withIntermediateDirectories: true
        )
        try Data("# Mine\n".utf8).write(to: index)
        try Data("max_steps: 3\n".utf8).write(to: config)
        #expect {
            try InitAction(directory: root, today: Self.today).perform()
        } throws: { error in
            let conflict = error as? InitConflictError
            return conflict?.paths == ["flowdoc.yml", "content/index.md"]
                && "\(error)".contains("nothing was written") && "\(error)".contains("content/index.md")
        }
        #expect(try String(contentsOf: index, encoding: .utf8) == "# Mine\n")
        #expect(try String(contentsOf: config, encoding: .utf8) == "max_steps: 3\n")
        let entries = try FileManager.default.subpathsOfDirectory(atPath: root.path).sorted()
        #expect(entries == ["content", "content/index.md", "flowdoc.yml"])
    }

    @Test func runningTwiceChangesNothing() throws {
        let root = makeFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        _ = try InitAction(directory: root, today: Self.today).perform()
        let before = try snapshot(root)
        #expect(throws: InitConflictError.self) {
            try InitAction(directory: root, today: CalendarDate(year: 2027, month: 1, day: 1)).perform()
        }
        #expect(try snapshot(root) == before)
    }

    @Test func keepsAnExistingGitignoreAndAppendsWhatIsMissing() throws {
        let root = makeFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        let gitignore = root.appendingPathComponent(".gitignore")
        try Data("node_modules/\nsite/".utf8).write(to: gitignore)
        let result = try InitAction(directory: root, today: Self.today).perform()
        #expect(result.appended == [".gitignore"])
        let text = try String(contentsOf: gitignore, encoding: .utf8)
        #expect(text.hasPrefix("node_modules/\nsite/\n"), "The existing lines are kept")
        #expect(text.components(separatedBy: "site/\n").count == 2, "site/ is not added twice")
        #expect(text.contains(".flowdoc-cache/\n"))
    }

    private func snapshot(_ root: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for path in try FileManager.default.subpathsOfDirectory(atPath: root.path) {
            let url = root.appendingPathComponent(path)
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue {
                files[path] = try Data(contentsOf: url)
            }
        }
        return files
    }
}
