import FlowCore
import FlowModel
import FlowParser
import FlowProse
import Foundation
import Testing

/// Very large and very deep pages: parsing finishes, nothing recurses as deep as the input.
///
/// The inputs are built in memory. Each case runs in a few seconds in a debug build on two cores;
/// a quadratic step would make one run for minutes instead.
@Suite struct HostileSizeTests {
    @Test func parsesFiftyMegabytePage() async throws {
        var page = "# Big page\n\n"
        // Prose as writers write it: long lines, few inline spans (each span is a node to convert).
        let line = String(repeating: "Lorem ipsum dolor sit amet, consectetur adipiscing elit. ", count: 4)
        let paragraph = "Start **here**, then " + String(repeating: line + "\n", count: 15) + line + "\n\n"
        let count = (50 << 20) / paragraph.utf8.count + 1
        page.reserveCapacity(count * paragraph.utf8.count + 100)
        for _ in 0..<count { page += paragraph }
        page += "1. Click **Last**.\n"
        #expect(page.utf8.count >= 50 << 20)
        let (flow, diagnostics) = PageParser().parse(page, source: "big.md")
        #expect(diagnostics.isEmpty)
        #expect(flow.title == "Big page")
        #expect(flow.body.count == count + 1)
        let lastLine = 3 + count * 17
        #expect(flow.steps.last?.targets.first?.range?.start == SourceLocation(line: lastLine, column: 10))
    }

    @Test func parsesHundredThousandSteps() async throws {
        let count = 100_000
        var page = "# Many steps\n\n"
        for index in 1...count { page += "\(index). Click **Button \(index)**.\n" }
        let (flow, diagnostics) = PageParser().parse(page, source: "many.md")
        #expect(diagnostics.isEmpty)
        #expect(flow.procedures.count == 1)
        #expect(flow.steps.count == count)
        #expect(flow.steps.last?.number == count)
        #expect(flow.steps.last?.targets.first?.range?.start == SourceLocation(line: count + 2, column: 15))
        #expect(Set(flow.steps.map(\.anchor)).count == count)
    }

    @Test func continuesProcedureInterruptedTwentyThousandTimesInLinearTime() async throws {
        // Each paragraph between two list items used to copy the whole procedure built so far.
        let count = 20_000
        var page = "# Interrupted\n\n"
        for index in 1...count { page += "\(index). Click **B\(index)**.\n\nThen wait.\n\n" }
        let (flow, _) = PageParser().parse(page, source: "interrupted.md")
        #expect(flow.procedures.count == 1)
        #expect(flow.steps.count == count)
        #expect(flow.steps.dropLast().allSatisfy { $0.details.count == 1 })
    }

    @Test(arguments: [
        ("nested lists on one line", String(repeating: "- ", count: 10_000) + "deep\n"),
        ("nested block quotes", String(repeating: ">", count: 10_000) + " deep\n"),
        ("nested ordered lists", String(repeating: "1. ", count: 10_000) + "deep\n"),
        (
            "nested emphasis",
            String(repeating: "*a ", count: 10_000) + "deep" + String(repeating: " a*", count: 10_000) + "\n"
        ),
        (
            "nested images",
            String(repeating: "![", count: 10_000) + "deep" + String(repeating: "](u)", count: 10_000) + "\n"
        ),
        (
            "indented nested lists",
            (0..<2_000).map { String(repeating: " ", count: $0 * 2) + "- level \($0)\n" }.joined()
                + String(repeating: " ", count: 4_000) + "- deep\n"
        ),
    ])
    func flattensTenThousandLevelsWithoutRecursing(name: String, body: String) async throws {
        let page = "# Deep\n\n" + body + "\nAfter.\n"
        let result = await Hostile.onSmallStack {
            let (flow, diagnostics) = PageParser().parse(page, source: "deep.md")
            return (flow, diagnostics, Hostile.roundTrips(flow))
        }
        let (flow, diagnostics, roundTrips) = result
        #expect(roundTrips, "\(name): hashing and Codable survive")
        #expect(flow.title == "Deep")
        if name.hasPrefix("nested emphasis") {
            // libcmark matches only what its delimiter stack keeps; whatever it builds stays within the cap.
            #expect(diagnostics.allSatisfy { $0.id == "NestingTooDeep" })
        } else {
            #expect(Hostile.ids(diagnostics) == ["NestingTooDeep"], "\(name)")
            #expect(diagnostics.first?.file == "deep.md")
        }
        #expect(Self.depth(of: flow.body) <= 70, "\(name)")
        #expect(flow.allInlines.map(\.plainText).joined().contains("deep"), "\(name): the innermost text is kept")
        #expect(flow.allInlines.last?.plainText == "After.", "\(name): what follows is read as usual")
    }

    @Test func readsTableWithThousandColumns() async throws {
        let columns = 1_000
        let header = "| Field | " + (2...columns).map { "C\($0)" }.joined(separator: " | ") + " |\n"
        let delimiter = "|" + String(repeating: " --- |", count: columns) + "\n"
        let row = "| Name* | " + (2...columns).map { "v\($0)" }.joined(separator: " | ") + " |\n"
        let page = "1. Fill in **Form**.\n\n" + [header, delimiter, row].map { "   " + $0 }.joined()
        let (flow, diagnostics) = PageParser().parse(page, source: "wide.md")
        #expect(diagnostics.isEmpty)
        let table = try #require(flow.steps.first?.fieldTable)
        #expect(table.columns.count == columns)
        #expect(table.columns.last == "C1000")
        #expect(table.fields.first?.name == "Name")
        #expect(table.fields.first?.required == true)
        let lastCell = try #require(table.table.rows.first?.cells.last)
        #expect(
            lastCell.inlines == [
                .text("v1000", lastCell.range.map { SourceRange(file: "wide.md", start: $0.start, end: $0.end) })
            ]
        )
        #expect(lastCell.range?.start.line == 5)
        #expect(lastCell.range?.start.column == 4 + row.utf8.count - "v1000 |\n".utf8.count)
    }

    /// How deeply blocks and steps nest in `body` (a quote, list item or sub-step adds a level); iterative.
    static func depth(of body: [PageElement]) -> Int {
        enum Node {
            case block(Block)
            case step(Step)
        }
        var stack: [(Node, Int)] = body.flatMap { element -> [(Node, Int)] in
            switch element {
            case .prose(let block): [(.block(block), 1)]
            case .procedure(let procedure): procedure.steps.map { (.step($0), 1) }
            default: []
            }
        }
        var deepest = 0
        while let (node, depth) = stack.popLast() {
            deepest = max(deepest, depth)
            switch node {
            case .block(.blockQuote(let quote)): stack += quote.blocks.map { (.block($0), depth + 1) }
            case .block(.list(let list)): stack += list.items.flatMap { $0.blocks.map { (.block($0), depth + 1) } }
            case .block: break
            case .step(let step):
                stack += step.substeps.map { (.step($0), depth + 1) }
                stack += step.details.map { (.block($0), depth + 1) }
            }
        }
        return deepest
    }
}
