import FlowCore
import FlowModel
import FlowParser
import FlowProse
import Foundation
import Testing

/// Broken and hostile pages: each is read without crashing, in bounded time, with a clear diagnostic.
///
/// Timing is not asserted; every case finishes in well under a few seconds on two cores
/// (debug build), and quadratic behaviour would show as a hang.
@Suite struct HostileInputTests {
    func parse(_ text: String, source: String = "area/page.md") -> (flow: Flow, diagnostics: [Diagnostic]) {
        PageParser().parse(text, source: source)
    }

    // MARK: Empty and degenerate pages

    @Test func readsEmptyPageAsEmptyOverview() async throws {
        let content = try await Hostile.load(["empty.md": []])
        let flow = try #require(content.flows.first)
        #expect(flow.id == "empty")
        #expect(flow.title.isEmpty)
        #expect(flow.kind == .overview)
        #expect(flow.body.isEmpty)
        #expect(content.diagnostics.isEmpty)
    }

    @Test func readsPageWithOnlyFrontMatter() async throws {
        let content = try await Hostile.load(["only.md": Array("---\nid: only\ntitle: Only metadata\n---\n".utf8)])
        let flow = try #require(content.flows.first)
        #expect(flow.id == "only")
        #expect(flow.title == "Only metadata")
        #expect(flow.body.isEmpty)
        #expect(content.diagnostics.isEmpty)
    }

    @Test func reportsUnterminatedFrontMatterAtLineOne() {
        let (flow, diagnostics) = parse("---\ntitle: T\n\n1. Click **A**.\n")
        #expect(Hostile.ids(diagnostics) == ["FrontMatterUnterminated"])
        #expect(diagnostics.first?.range?.start == SourceLocation(line: 1, column: 1))
        #expect(flow.steps.count == 1)
    }

    // MARK: Bytes that are not clean UTF-8 text

    @Test func reportsBinaryFileAndBuildsNoPageFromIt() async throws {
        let content = try await Hostile.load([
            "index.md": Array("# Home\n".utf8),
            "logo.md": [UInt8].binaryNoise(count: 64 << 10),
        ])
        #expect(content.flows.map(\.source) == ["index.md"])
        #expect(Hostile.ids(content.diagnostics) == ["BinaryFile"])
        let diagnostic = try #require(content.diagnostics.first)
        #expect(diagnostic.file == "logo.md")
        #expect(diagnostic.severity == .error)
    }

    /// An ASCII page is binary when more than 30% of its bytes are control bytes other than tab,
    /// line feed, form feed and carriage return, wherever they stand (in blocks or at the end).
    @Test func countsTheControlBytesOfAnASCIIPage() async throws {
        // 1,001 bytes: "# T\n" and letters, with `count` control bytes: one every third byte, and the last.
        func page(control: UInt8, count: Int) -> [UInt8] {
            var bytes = Array("# T\n".utf8) + Array(repeating: UInt8(ascii: "a"), count: 997)
            for place in 0..<count - 1 { bytes[4 + 3 * place] = control }
            bytes[1_000] = control
            return bytes
        }
        let content = try await Hostile.load([
            "thirty.md": page(control: 0x01, count: 300),
            "more.md": page(control: 0x1F, count: 301),
            "feeds.md": page(control: 0x0C, count: 333),
            "returns.md": page(control: 0x0D, count: 333),
            "tabs.md": page(control: 0x09, count: 333),
        ])
        #expect(Set(content.flows.map(\.source)) == ["thirty.md", "feeds.md", "returns.md", "tabs.md"])
        let binary = content.diagnostics.filter { $0.id == "BinaryFile" }
        #expect(binary.map(\.file) == ["more.md"])
    }

    @Test func reportsUTF16PageAsBinary() async throws {
        let text = "# Title\n\n1. Click **Save**.\n"
        let utf16: [UInt8] = [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let content = try await Hostile.load(["wide.md": utf16])
        #expect(content.flows.isEmpty)
        #expect(Hostile.ids(content.diagnostics) == ["BinaryFile"])
    }

    @Test func reportsFirstNulByteAndKeepsTheText() async throws {
        let bytes = Array("# Ti".utf8) + [0] + Array("tle\n\n1. Click **A".utf8) + [0] + Array("**.\n".utf8)
        let content = try await Hostile.load(["nul.md": bytes])
        #expect(Hostile.ids(content.diagnostics) == ["NulByte"])
        #expect(content.diagnostics.first?.range?.start == SourceLocation(line: 1, column: 5))
        let flow = try #require(content.flows.first)
        #expect(flow.title == "Ti\u{FFFD}tle")
        #expect(flow.steps.first?.targets.map(\.name) == ["A\u{FFFD}"])
    }

    @Test func replacesEveryInvalidUTF8SequenceAndReportsTheFirst() async throws {
        // A Latin-1 page: each é is one invalid byte; a truncated sequence at the end.
        let bytes =
            Array("# Caf".utf8) + [0xE9] + Array("\n\nR".utf8) + [0xE9, 0x73] + Array("um".utf8) + [0xE2, 0x82]
        let content = try await Hostile.load(["latin1.md": bytes])
        #expect(Hostile.ids(content.diagnostics) == ["InvalidUTF8"])
        let diagnostic = try #require(content.diagnostics.first)
        #expect(diagnostic.range == SourceRange(file: "latin1.md", line: 1, column: 6))
        let flow = try #require(content.flows.first)
        #expect(flow.title == "Caf\u{FFFD}")
        #expect(flow.summary == "R\u{FFFD}sum\u{FFFD}")
    }

    @Test func acceptsByteOrderMarkAndCRLFWithRightPositions() async throws {
        let page =
            "---\r\ntitle: Save a page\r\nid: save\r\n---\r\n\r\nIntro.\r\n\r\n1. Click **Save**.\r\n2. Type `x`.\r\n"
        let content = try await Hostile.load(["crlf.md": [0xEF, 0xBB, 0xBF] + Array(page.utf8)])
        #expect(content.diagnostics.isEmpty)
        let flow = try #require(content.flows.first)
        #expect(flow.id == "save")
        #expect(flow.title == "Save a page")
        #expect(flow.metadata.keyRanges["title"]?.start == SourceLocation(line: 2, column: 1))
        #expect(flow.summary == "Intro.")
        #expect(flow.steps.count == 2)
        #expect(flow.steps.first?.targets.first?.range?.start == SourceLocation(line: 8, column: 10))
        #expect(flow.steps.last?.literals.first?.range?.start == SourceLocation(line: 9, column: 10))
    }

    @Test func readsCRLFScreenAndFieldTable() throws {
        let page =
            "1. Fill in **Connection**.\r\n\r\n"
            + "   | Field | Description |\r\n   | --- | --- |\r\n   | Name* | The name |\r\n\r\n"
            + "   ```screen Connection\r\n   Name*\r\n   [Next]\r\n   ```\r\n"
        let (flow, diagnostics) = parse(page)
        #expect(diagnostics.isEmpty)
        let step = try #require(flow.steps.first)
        #expect(step.fieldTable?.fields.map(\.name) == ["Name"])
        #expect(step.fieldTable?.fields.first?.range?.start == SourceLocation(line: 5, column: 6))
        #expect(step.screen?.elements.map(\.label) == ["Name", "Next"])
        #expect(step.screen?.elements.first?.range?.start == SourceLocation(line: 8, column: 4))
    }

    // MARK: Front matter that isn't a YAML mapping

    @Test(arguments: [
        ("---\ntitle: [unclosed\n---\n# T\n", "FrontMatterInvalid", 3, 1),
        ("---\njust some words: : :\n  - and: [\n---\n# T\n", "FrontMatterInvalid", 2, 18),
        ("---\n- one\n- two\n---\n# T\n", "FrontMatterNotMapping", 2, 1),
        ("---\ntitle: T\n\tid: x\n---\n# T\n", "FrontMatterInvalid", 3, 1),
        ("---\nplain text\n---\n# T\n", "FrontMatterNotMapping", 2, 1),
    ])
    func reportsFrontMatterThatIsNotAMapping(text: String, id: String, line: Int, column: Int) {
        let (flow, diagnostics) = parse(text)
        #expect(Hostile.ids(diagnostics) == [id])
        #expect(diagnostics.first?.range?.start == SourceLocation(line: line, column: column))
        #expect(diagnostics.first?.range?.file == "area/page.md")
        #expect(flow.title == "T")
        #expect(flow.id == "area/page")
    }

    @Test func reportsFrontMatterNestedTenThousandLevels() async throws {
        // libyaml (inside Yams) stops at 1,000 levels, before Yams' recursive composer runs.
        let depth = 10_000
        let text =
            "---\ntitle: T\nx: " + String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
            + "\n---\n# Body\n"
        let (flow, diagnostics) = await Hostile.onSmallStack { PageParser().parse(text, source: "deep.md") }
        #expect(Hostile.ids(diagnostics) == ["FrontMatterInvalid"])
        #expect(diagnostics.first?.summary.contains("nesting") == true)
        #expect(diagnostics.first?.range?.start.line == 3)
        #expect(flow.title == "Body")
    }

    @Test func readsFrontMatterNestedJustBelowTheYAMLLimit() async throws {
        let depth = 990
        let text =
            "---\ntitle: T\nx: " + String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
            + "\n---\n# Body\n"
        let (flow, diagnostics, roundTrips) = await Hostile.onSmallStack {
            let (flow, diagnostics) = PageParser().parse(text, source: "deep.md")
            return (flow, diagnostics, Hostile.roundTrips(flow))
        }
        // Yams composes the 990 levels (recursively, but bounded by libyaml); the model keeps 64.
        #expect(Hostile.ids(diagnostics) == ["FrontMatterTooDeep"])
        #expect(diagnostics.first?.range?.start == SourceLocation(line: 3, column: 4))
        #expect(flow.title == "T")
        #expect(flow.metadata.extra["x"] != nil)
        #expect(roundTrips)
    }
}
