import FlowCheck
import FlowCore
import FlowModel
import FlowParser
import Foundation

/// A fixed "today", so that date rules are deterministic.
let testToday = CalendarDate(year: 2026, month: 4, day: 1)

/// Builds a content set from inline pages, as ``FlowParser/ContentLoader`` would from files.
func makeContent(
    _ pages: [String: String],
    assets: [String] = [],
    product: ProductModel? = nil,
    options: ParseOptions = .default
) -> ContentSet {
    let parser = PageParser(options: options)
    var flows: [Flow] = []
    var diagnostics: [Diagnostic] = []
    for source in pages.keys.sorted() {
        let (flow, found) = parser.parse(pages[source] ?? "", source: source)
        flows.append(flow)
        diagnostics += found
    }
    return ContentSet(flows: flows, assets: assets.sorted(), product: product, diagnostics: diagnostics.sorted())
}

/// Runs one rule over inline pages.
func run(
    _ checker: any Checker,
    _ pages: [String: String],
    assets: [String] = [],
    product: ProductModel? = nil,
    configuration: CheckConfiguration = .default
) -> [Diagnostic] {
    let content = makeContent(pages, assets: assets, product: product)
    return checker.check(content, context: CheckContext(configuration: configuration, today: testToday)).sorted()
}

extension Diagnostic {
    /// `file:line:column: severity: summary [ID]`, the one line tests compare.
    var brief: String { "\(file):\(line):\(column): \(severity): \(summary) [\(id)]" }

    /// Each note as `file:line:column: message`.
    var noteBriefs: [String] {
        notes.map {
            "\($0.range?.file ?? file):\($0.range?.start.line ?? 0):\($0.range?.start.column ?? 0): \($0.message)"
        }
    }
}

/// The folder of test fixtures shared by the test targets.
let fixturesURL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures")

/// The package's root folder.
let packageRootURL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
