import FlowAdapters
import FlowModel
import FlowTestSupport
import Foundation
import Testing

@Suite struct PlaywrightTests {
    func spec(_ markdown: String) throws -> String {
        try #require(PlaywrightExporter().spec(for: TestContent.pages([("t.md", markdown)]).flows[0]))
    }

    @Test func clicksButtonsAndTabsByAccessibleName() throws {
        let spec = try spec("# T\n\n1. Open the **Connections** tab.\n2. Click **Initiate Connection**.\n")
        #expect(spec.contains("    await page.getByRole('tab', { name: 'Connections' }).click();\n"), "\(spec)")
        #expect(
            spec.contains("    await page.getByRole('button', { name: 'Initiate Connection' }).click();\n"),
            "\(spec)"
        )
        #expect(spec.contains("  await test.step('Step 2: Click Initiate Connection.', async () => {\n"), "\(spec)")
    }

    @Test func fillsFieldsWithALiteralOrTheScreensExampleValue() throws {
        let markdown = """
            # T

            1. Enter `Team A` in **Connection name**.
            2. Enter the **Destination URL**.

               ```screen Initiate
               Destination URL*: https://example.exalate.net
               [x] Use a proxy
               ```
            3. Check **Use a proxy**.
            """
        let spec = try spec(markdown)
        #expect(spec.contains("await page.getByLabel('Connection name').fill('Team A');"), "\(spec)")
        #expect(
            spec.contains("await page.getByLabel('Destination URL').fill('https://example.exalate.net');"),
            "\(spec)"
        )
        #expect(spec.contains("await page.getByRole('checkbox', { name: 'Use a proxy' }).check();"), "\(spec)")
    }

    @Test func checksTheSelectedOptionOfAChoice() throws {
        let spec = try spec("# T\n\n1. Select the mode: **Script**.\n\n   - **Basic**\n   - **Script**\n")
        #expect(spec.contains("await page.getByRole('radio', { name: 'Script' }).check();"), "\(spec)")
    }

    @Test func leavesATodoForStepsItCannotAutomate() throws {
        let spec = try spec(
            "# T\n\n1. Paste the code into the **Invitation code** field.\n2. Wait for the sync.\n\n   Result: Both sides show *Active*.\n"
        )
        #expect(
            spec.contains(
                "    // TODO(flowdoc): step 1 can't be automated: Paste the code into the Invitation code field.\n"
            ),
            "\(spec)"
        )
        #expect(spec.contains("    // TODO(flowdoc): step 2 can't be automated: Wait for the sync.\n"), "\(spec)")
        #expect(spec.contains("    // Expected: Both sides show Active.\n"), "\(spec)")
    }

    @Test func escapesSingleQuotedStrings() throws {
        let spec = try spec("# Don't \\\\ stop\n\n1. Click **It's \"here\"**.\n")
        #expect(spec.contains(#"test('Don\'t \\ stop', async ({ page }) => {"#), "\(spec)")
        #expect(spec.contains(#"getByRole('button', { name: 'It\'s "here"' })"#), "\(spec)")
    }

    /// tree-sitter's TypeScript grammar parses every skeleton without ERROR or MISSING nodes
    /// (`pip install tree-sitter tree-sitter-typescript`, `scripts/install-deps.sh --test`).
    @Test func skeletonsParseAsTypeScript() async throws {
        let content = try await TestContent.seed()
        let folder = try Fixtures.temporaryFolder()
        var paths: [String] = []
        let files = try ExportFormat.playwright.files(for: content, options: ExportFormat.Options(version: "test"))
        for file in files {
            let url = folder.appendingPathComponent(file.path)
            try file.data.write(to: url)
            paths.append(url.path)
        }
        let combined = folder.appendingPathComponent("all.spec.ts")
        try ExportFormat.playwright.render(content, options: ExportFormat.Options(version: "test")).write(to: combined)
        let tricky = try spec("# It's `odd`\n\n1. Click **a'b\\\\c**.\n2. Type `x\\n'y` in **Name**.\n")
        let trickyURL = try TestContent.temporaryFile(named: "tricky.spec.ts", text: tricky)
        let result = try PythonScript.run(
            "scripts/check-typescript.py",
            arguments: paths + [combined.path, trickyURL.path]
        )
        #expect(paths.count == 2)
        #expect(
            result.status == 0,
            "scripts/check-typescript.py failed (install: scripts/install-deps.sh --test):\n\(result.output)"
        )
    }

    @Test func theCheckerReportsBrokenTypeScript() throws {
        let url = try TestContent.temporaryFile(named: "broken.spec.ts", text: "test('a', async () => {\n  await x(;\n")
        let result = try PythonScript.run("scripts/check-typescript.py", arguments: [url.path])
        #expect(result.status == 1, "\(result.output)")
    }
}
