// swift-format-ignore-file: OrderedImports
// The example below carries its own imports so docs/library.md can show it whole.
import FlowTestSupport
import Foundation
import Testing

// The example of docs/library.md, compiled and run here so it can't go stale.
// Keep the code between the markers identical to the document's snippet.

// BEGIN library example
import FlowAdapters
import FlowCore
import FlowModel
import FlowParser

/// Prints every step of every flow with its UI targets and form fields.
func printSteps(of folder: URL) async throws -> String {
    var out = ""
    let content = try await ContentLoader().load(from: folder)
    for diagnostic in content.diagnostics {
        out += "\(diagnostic.severity): \(diagnostic.summary)\n"
    }
    for flow in content.publishedFlows {
        out += "\(flow.id): \(flow.title)\n"
        for procedure in flow.procedures {
            out += "  \(procedure.title)\n"
            for step in procedure.steps {
                let targets = step.targets.map(\.name).joined(separator: ", ")
                out += "    \(step.number). \(step.text) [\(targets)]\n"
                for field in step.fieldTable?.fields ?? [] {
                    out += "       - \(field.name)\(field.required ? " (required)" : "")\n"
                }
            }
        }
    }
    // Any adapter works on the same model, for example the Mermaid flow graph:
    out += MermaidExporter().render(FlowGraph(content: content))
    return out
}
// END library example

@Suite struct LibraryExampleTests {
    @Test func exampleWalksTheSeedFixture() async throws {
        let output = try await printSteps(of: Fixtures.url("seed/content"))
        let title = "initiate-connection-script-mode-salesforce: Initiate a connection in Script mode from Salesforce\n"
        #expect(output.contains(title), "\(output)")
        #expect(output.contains("    2. Click Initiate Connection. [Initiate Connection]\n"), "\(output)")
        #expect(output.contains("       - Connection name\n"), "\(output)")
        #expect(output.contains("flowchart LR\n"))
    }

    @Test func documentShowsTheSameExample() throws {
        let source = try String(contentsOf: URL(fileURLWithPath: #filePath), encoding: .utf8)
        let documentURL = Fixtures.packageRoot.appendingPathComponent("docs/library.md")
        let document = try String(contentsOf: documentURL, encoding: .utf8)
        let begin = try #require(source.range(of: "// BEGIN library example\n"))
        let end = try #require(source.range(of: "// END library example"))
        let snippet = String(source[begin.upperBound..<end.lowerBound])
        #expect(document.contains(snippet), "docs/library.md must show this file's example verbatim")
        let readme = try String(contentsOf: Fixtures.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        #expect(readme.contains(snippet), "README.md must show this file's example verbatim")
    }
}
