import FlowCore
import FlowModel
import FlowParser
import FlowTestSupport
import Foundation
import Testing

@testable import FlowJSON

/// `FlowJSONExporter.encode` writes the export types by hand; its bytes must be the encoder's,
/// pretty and compact.
@Suite struct ExportJSONWriterTests {
    static let layouts: [JSONLayout] = [.pretty, .compact]

    func assertSameBytes(_ folder: URL) async throws {
        let content = try await ContentLoader().load(from: folder)
        let exporter = FlowJSONExporter(version: "test")
        let document = exporter.document(for: content)
        for layout in Self.layouts {
            let fast = try FlowJSONExporter.encode(document, layout: layout)
            let reference = try FlowJSONExporter.encodeWithFoundation(document, layout: layout)
            #expect(fast == reference, "\(layout)")
            for flow in document.flows {
                #expect(
                    try FlowJSONExporter.encode(flow, layout: layout)
                        == FlowJSONExporter.encodeWithFoundation(flow, layout: layout),
                    "\(flow.id) \(layout)"
                )
            }
        }
    }

    @Test func compactJSONHasTheValuesOfThePrettyOne() async throws {
        let content = try await ContentLoader().load(from: Fixtures.url("seed/content"))
        let exporter = FlowJSONExporter(version: "test")
        let pretty = try exporter.export(content)
        let compact = try exporter.export(content, layout: .compact)
        #expect(compact.count < pretty.count * 3 / 4)
        #expect(!compact.dropLast().contains(UInt8(ascii: "\n")))
        let decoder = JSONDecoder()
        let values = try decoder.decode(ExportDocument.self, from: compact)
        #expect(try values == decoder.decode(ExportDocument.self, from: pretty))
    }

    @Test func seedFixtureMatchesTheEncoder() async throws {
        try await assertSameBytes(Fixtures.url("seed/content"))
    }

    @Test func xssFixtureMatchesTheEncoder() async throws {
        try await assertSameBytes(Fixtures.url("xss/content"))
    }

    @Test func shippedContentMatchesTheEncoder() async throws {
        try await assertSameBytes(Fixtures.shippedContent)
    }

    /// Characters the writer leaves to the encoder (control characters, DEL, U+2028, U+2029) and
    /// one it writes (U+2020, whose first byte is U+2028's), first and past sixteen bytes.
    @Test(arguments: ["\u{1}", "\u{1F}", "\u{7F}", "\u{2028}", "\u{2029}", "\u{2020}"])
    func charactersLeftToTheEncoderMatchIt(character: String) throws {
        let parsed = PageParser().parse("# T\n\n1. Click **A**.\n", source: "a.md").flow
        let content = ContentSet(flows: [parsed], assets: [], product: nil, diagnostics: [])
        var flow = try #require(FlowJSONExporter(version: "test").document(for: content).flows.first)
        for title in [character + "x", "Sixteen bytes and more, then " + character + " and on"] {
            flow.title = title
            for layout in Self.layouts {
                #expect(
                    try FlowJSONExporter.encode(flow, layout: layout)
                        == FlowJSONExporter.encodeWithFoundation(flow, layout: layout)
                )
            }
        }
    }

    @Test func escapesAndEmptyValuesMatchTheEncoder() throws {
        let range = SourceRange(file: "a/b \"c\".md", line: 1, column: 2, endLine: 3, endColumn: 4)
        var step = ExportStep(
            number: 1,
            index: 1,
            anchor: "step-1",
            action: nil,
            targets: [.init(name: "Save\\", position: nil)],
            literals: [],
            text: "Tab\there \"quoted\" <b>/slash</b> é ✓ 😀\r\n",
            html: "<p>x</p>\n",
            details: "",
            fields: [
                .init(name: "n", description: "d", required: true, default: "x", example: nil, position: range)
            ],
            screen: .init(
                title: "S",
                elements: [.init(kind: "input", label: "L", required: false, value: nil, checked: true, position: nil)],
                position: range
            ),
            choices: [.init(label: "A", properties: ["p"], link: "b.md", selected: false, position: nil)],
            substeps: [],
            result: .init(text: "r", html: "<p>r</p>"),
            callouts: [],
            images: [.init(src: "i.png", alt: "", title: "", position: range)],
            links: [.init(href: "/x", text: "x", position: nil)],
            position: range
        )
        step.substeps = [step]
        let flow = ExportFlow(
            id: "a",
            title: "T",
            source: "a.md",
            kind: "flow",
            summary: "",
            product: "P",
            platform: nil,
            mode: nil,
            audience: "all",
            updated: nil,
            tags: ["x", "y"],
            draft: true,
            metadata: [:],
            callouts: [.init(kind: "note", text: "t", html: "<p>t</p>", position: nil)],
            procedures: [.init(title: "P", anchor: "p", steps: [step], position: range)],
            next: [.init(destination: "b.md", text: "B", flow: nil, position: range)],
            position: nil
        )
        let document = ExportDocument(
            formatVersion: "1.0",
            generator: .init(name: "flowdoc", version: "1"),
            flows: [flow, flow]
        )
        let empty = ExportDocument(formatVersion: "1.0", generator: .init(name: "flowdoc", version: "1"), flows: [])
        for layout in Self.layouts {
            let flowJSON = try FlowJSONExporter.encode(flow, layout: layout)
            #expect(try flowJSON == FlowJSONExporter.encodeWithFoundation(flow, layout: layout), "\(layout)")
            let documentJSON = try FlowJSONExporter.encode(document, layout: layout)
            #expect(try documentJSON == FlowJSONExporter.encodeWithFoundation(document, layout: layout), "\(layout)")
            let emptyJSON = try FlowJSONExporter.encode(empty, layout: layout)
            #expect(try emptyJSON == FlowJSONExporter.encodeWithFoundation(empty, layout: layout), "\(layout)")
        }
    }
}
