import FlowAdapters
import FlowModel
import FlowTestSupport
import Foundation
import Testing

@Suite struct HowToTests {
    @Test func seedHowToHasTheRequiredFields() async throws {
        let content = try await TestContent.seed()
        let flow = try #require(content.flow(id: "initiate-connection-script-mode-salesforce"))
        let data = try #require(try HowToExporter().jsonLD(for: flow))
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(object["@context"] as? String == "https://schema.org")
        #expect(object["@type"] as? String == "HowTo")
        #expect(object["name"] as? String == "Initiate a connection in Script mode from Salesforce")
        let steps = try #require(object["step"] as? [[String: Any]])
        #expect(steps.count == 9)
        for (offset, step) in steps.enumerated() {
            #expect(step["@type"] as? String == "HowToStep")
            #expect(step["position"] as? Int == offset + 1)
            #expect((step["text"] as? String)?.isEmpty == false, "Step \(offset + 1) has no text")
        }
        #expect(steps[1]["url"] as? String == "initiate-connection-script-mode-salesforce.html#step-2")
    }

    @Test func overviewsHaveNoHowTo() async throws {
        let content = try await TestContent.seed()
        #expect(HowToExporter().howTo(for: try #require(content.flow(id: "index"))) == nil)
    }

    @Test func usesAbsoluteURLsUnderABaseURL() throws {
        let content = TestContent.pages([("a/b.md", "# B\n\n1. Click **Go**.\n")])
        let howTo = try #require(
            HowToExporter(pageURL: PageURL(baseURL: "https://help.example.com/docs/")).howTo(for: content.flows[0])
        )
        #expect(howTo.url == "https://help.example.com/docs/a/b.html")
        #expect(
            howTo.step == [
                .step(
                    HowTo.Step(
                        position: 1,
                        name: "Click Go.",
                        text: "Click Go.",
                        url: "https://help.example.com/docs/a/b.html#step-1"
                    )
                )
            ]
        )
    }

    @Test func writesASectionPerProcedure() throws {
        let markdown = "# Two parts\n\n## First\n\n1. Click **A**.\n2. Click **B**.\n\n## Second\n\n1. Click **C**.\n"
        let howTo = try #require(HowToExporter().howTo(for: TestContent.pages([("t.md", markdown)]).flows[0]))
        guard case .section(let first) = howTo.step.first, case .section(let second) = howTo.step.last else {
            Issue.record("Expected two sections, got \(howTo.step)")
            return
        }
        #expect(howTo.step.count == 2)
        #expect(
            first.name == "First" && first.position == 1
                && first.itemListElement.map(\.text) == ["Click A.", "Click B."]
        )
        #expect(second.name == "Second" && second.position == 2 && second.itemListElement.map(\.position) == [1])
    }

    @Test func scriptElementCannotBeClosedByPageText() throws {
        let content = TestContent.pages([("t.md", "# T\n\n1. Type `</script><b>&` in **Name**.\n")])
        let script = try #require(try HowToExporter().scriptElement(for: content.flows[0]))
        #expect(script.hasPrefix("<script type=\"application/ld+json\">"))
        #expect(script.components(separatedBy: "</script>").count == 2, "Only the element's own end tag: \(script)")
        #expect(script.contains("\\u003c/script\\u003e\\u003cb\\u003e\\u0026"))
    }

    /// extruct, an independent parser, reads the JSON-LD back from a page that embeds it.
    ///
    /// The page embeds it the way the site does. Needs `pip install extruct` (`scripts/install-deps.sh --test`).
    @Test func extructReadsTheEmbeddedHowToOfEverySeedFlow() async throws {
        let content = try await TestContent.seed()
        let folder = try Fixtures.temporaryFolder()
        var pages: [String] = []
        for flow in content.publishedFlows {
            guard let script = try HowToExporter().scriptElement(for: flow) else { continue }
            let html =
                "<!doctype html>\n<html><head><meta charset=\"utf-8\"><title>t</title>\n\(script)\n</head><body></body></html>\n"
            let url = folder.appendingPathComponent(flow.id.replacingOccurrences(of: "/", with: "_") + ".html")
            try Data(html.utf8).write(to: url)
            pages.append(url.path)
        }
        #expect(pages.count == 2)
        let result = try PythonScript.run("scripts/check-jsonld.py", arguments: pages)
        #expect(
            result.status == 0,
            "scripts/check-jsonld.py failed (install: scripts/install-deps.sh --test):\n\(result.output)"
        )
        #expect(
            result.output.contains("HowTo 'Initiate a connection in Script mode from Salesforce' with 9 steps"),
            "\(result.output)"
        )
        #expect(result.output.contains("HowTo 'Accept a connection invitation' with 4 steps"), "\(result.output)")
    }

    @Test func extructReadsSections() throws {
        let markdown = "# Two parts\n\n## First\n\n1. Click **A**.\n\n## Second\n\n1. Click **C**.\n"
        let script = try #require(
            try HowToExporter().scriptElement(for: TestContent.pages([("t.md", markdown)]).flows[0])
        )
        let page = try TestContent.temporaryFile(
            named: "t.html",
            text: "<html><head>\(script)</head><body></body></html>"
        )
        let result = try PythonScript.run("scripts/check-jsonld.py", arguments: [page.path])
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.contains("HowTo 'Two parts' with 2 steps"), "\(result.output)")
    }
}
