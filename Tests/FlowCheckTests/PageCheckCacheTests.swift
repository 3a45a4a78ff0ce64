import FlowCheck
import FlowCore
import FlowModel
import FlowParser
import FlowTestSupport
import Foundation
import Testing

/// Rules that read one page are run page by page and their diagnostics kept for unchanged pages:
/// both must give exactly what checking the whole site with every rule gives.
@Suite struct PageCheckCacheTests {
    /// Pages that break many rules, page rules and site rules alike.
    static let messyPages: [String: String] = [
        "messy.md": """
        ---
        id: ../up
        updated: 2099-01-01
        ---
        Intro without a title.

        1. Click **A**.
        2. Click **B**.
        4. Click **C**.
        4. Frobnicate the widget.
        5.

        ## Same

        ## Same

        ![](images/missing.png) [Outside](../outside.md) [Broken](nowhere.md) [Anchor](single.md#nope)

        <div>raw</div>

        """,
        "single.md": "---\nid: twin\n---\n# Single\n\n1. Click **Only**.\n",
        "twin.md":
            "---\nid: twin\n---\n# Twin\n\n1. Click **A**.\n2. Click **B**.\n\n## What's next\n\n- [Single](single.md)\n",
        "index.md": "# Home\n\n[Messy](messy.md)\n",
    ]

    static let configuration = CheckConfiguration(requiredFacets: ["product"], maxSteps: 3)

    /// The messy pages with the seed's pages (field tables, screens, choices, next links).
    static func content() throws -> ContentSet {
        let seed = Fixtures.url("seed/content")
        var pages = messyPages
        for name in try FileManager.default.contentsOfDirectory(atPath: seed.path) where name.hasSuffix(".md") {
            pages["seed/" + name] = try String(contentsOf: seed.appendingPathComponent(name), encoding: .utf8)
        }
        return makeContent(pages)
    }

    static var context: CheckContext { CheckContext(configuration: configuration, today: testToday) }

    @Test func pageRulesReportTheSameOnOnePageAsOnTheWholeSite() throws {
        let content = try Self.content()
        var fired: Set<String> = []
        for rule in Rules.all where rule.scope == .page {
            let whole = rule.check(content, context: Self.context).sorted()
            let pageByPage = content.flows.flatMap { flow in
                let page = ContentSet(flows: [flow], assets: content.assets, product: content.product, diagnostics: [])
                return rule.check(page, context: Self.context).map { diagnostic in
                    #expect(diagnostic.file == flow.source, "\(rule.id) reported about another page")
                    return diagnostic
                }
            }
            #expect(pageByPage.sorted() == whole, "\(rule.id)")
            if !whole.isEmpty { fired.insert(rule.id) }
        }
        // The comparison means something only for rules that report anything here.
        let expected: Set<String> = [
            "DeadEnd", "DuplicateAnchor", "EmptyStep", "ExampleValueDrift", "FieldMismatch", "ImageMissingAlt",
            "InvalidFlowID", "InvalidUpdatedDate", "LinkOutsideContent", "MissingFacet", "MissingTitle",
            "ProcedureTooLong", "RawHTMLDropped", "SingleStepProcedure", "StepMissingAction", "StepNumberGap",
            "StepNumberRepeat",
        ]
        #expect(fired.isSuperset(of: expected), "Silent: \(expected.subtracting(fired).sorted())")
    }

    @Test func everyRuleReadsOnePageOrTheSummaries() {
        let site = Rules.all.filter { $0.scope == .site }
        #expect(site.allSatisfy { $0 is any SiteChecker }, "A site rule must run on the pages' summaries")
        #expect(
            site.map(\.id).sorted() == [
                "BrokenLink", "DuplicateFlowID", "MissingImage", "NextCycle", "NextTargetNotFlow", "UnreachableFlow",
            ]
        )
    }

    @Test func checkerGivesWhatEveryRuleGivesOnTheWholeSite() throws {
        let content = try Self.content()
        let byRule = content.diagnostics + Rules.all.flatMap { $0.check(content, context: Self.context) }
        let expected = ContentChecker.applying(Self.configuration.rules, to: byRule).sorted()
        let checked = ContentChecker().check(content, context: Self.context)
        #expect(checked == expected)
        #expect(Set(checked.map(\.id)).isSuperset(of: ["BrokenLink", "DuplicateFlowID", "NextCycle", "MissingImage"]))
    }

    @Test func unchangedPagesTakeTheirPageRuleDiagnosticsFromTheCache() throws {
        let content = try Self.content()
        let digests = Dictionary(uniqueKeysWithValues: content.flows.map { ($0.source, UInt64($0.source.utf8.count)) })
        let first = ContentChecker().check(content, context: Self.context, digests: digests, reusing: .init(key: 7))
        #expect(first.diagnostics == ContentChecker().check(content, context: Self.context))
        #expect(first.cache.key == 7)
        #expect(Set(first.cache.entries.keys) == Set(content.flows.map(\.source)))
        #expect(first.cache.entries["messy.md"]?.diagnostics.contains { $0.id == "StepNumberGap" } == true)
        #expect(first.cache.entries.values.allSatisfy { $0.diagnostics.allSatisfy { $0.id != "BrokenLink" } })

        // A planted entry shows which pages were taken from the cache: only those with the same digest.
        var planted = first.cache
        let marker = Diagnostic(.warning, id: "Planted", range: nil, file: "single.md", summary: "from the cache")
        let singleFacts = try #require(first.cache.entries["single.md"]).siteFacts
        planted.entries["single.md"] = .init(
            digest: digests["single.md"] ?? 0,
            diagnostics: [marker],
            siteFacts: singleFacts
        )
        planted.entries["twin.md"] = .init(digest: 0, diagnostics: [marker], siteFacts: 0)
        let second = ContentChecker().check(content, context: Self.context, digests: digests, reusing: planted)
        #expect(second.diagnostics.filter { $0.id == "Planted" }.map(\.file) == ["single.md"])
        #expect(second.diagnostics.contains { $0.file == "twin.md" && $0.id == "SingleStepProcedure" } == false)
        #expect(second.cache.entries["twin.md"] == first.cache.entries["twin.md"])

        // Pages without a digest are checked every time and not kept.
        let third = ContentChecker().check(content, context: Self.context, digests: [:], reusing: planted)
        #expect(third.diagnostics == first.diagnostics)
        #expect(third.cache.entries.isEmpty)
    }

    /// Pages left unparsed (known) keep their previous entries and report their diagnostics;
    /// the entry of a page that is gone is not kept.
    @Test func knownPagesKeepTheirEntriesAndReportTheirDiagnostics() throws {
        let content = try Self.content()
        let digests = Dictionary(uniqueKeysWithValues: content.flows.map { ($0.source, UInt64($0.source.utf8.count)) })
        let first = ContentChecker().check(content, context: Self.context, digests: digests, reusing: .init(key: 7))
        var previous = first.cache
        let marker = Diagnostic(.warning, id: "Planted", range: nil, file: "single.md", summary: "from the cache")
        previous.entries["single.md"]?.diagnostics = [marker]
        previous.entries["gone.md"] = .init(digest: 1, diagnostics: [marker], siteFacts: 1)
        let knownSources: Set = ["single.md", "twin.md"]
        var parsed = content
        parsed.flows.removeAll { knownSources.contains($0.source) }
        let known = content.flows.filter { knownSources.contains($0.source) }.map { PageSummary($0) }
        let second = ContentChecker().check(
            parsed,
            context: Self.context,
            digests: digests,
            reusing: previous,
            known: known
        )
        #expect(second.diagnostics.filter { $0.id == "Planted" }.map(\.file) == ["single.md"])
        #expect(Set(second.cache.entries.keys) == Set(content.flows.map(\.source)))
        #expect(second.cache.entries["single.md"] == previous.entries["single.md"])
        #expect(second.cache.entries["messy.md"] == first.cache.entries["messy.md"])
        // Without the planted diagnostic and with no page gone, the diagnostics of a check of every page.
        let third = ContentChecker().check(
            parsed,
            context: Self.context,
            digests: digests,
            reusing: first.cache,
            known: known
        )
        #expect(third.diagnostics == first.diagnostics)
        #expect(third.cache.entries == first.cache.entries)
    }

    @Test func savedCacheReadsBackOnlyUnderItsKey() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let content = try Self.content()
        let digests = Dictionary(uniqueKeysWithValues: content.flows.map { ($0.source, UInt64(9)) })
        let cache = ContentChecker().check(content, context: Self.context, digests: digests, reusing: .init(key: 42))
            .cache
        let url = folder.appendingPathComponent("cache/page-checks")
        try cache.save(to: url)
        let loaded = PageCheckCache.load(from: url, key: 42)
        #expect(loaded.entries == cache.entries)
        #expect(loaded.site == cache.site)
        #expect(cache.site?.diagnostics.contains { $0.id == "BrokenLink" } == true)
        #expect(PageCheckCache.load(from: url, key: 43).entries.isEmpty)
        #expect(PageCheckCache.load(from: url, key: 43).site == nil)
        let saved = try Data(contentsOf: url)
        try saved.dropLast(3).write(to: url)
        #expect(PageCheckCache.load(from: url, key: 42).entries.isEmpty, "A cut cache is not used")
        try (saved + [0]).write(to: url)
        #expect(PageCheckCache.load(from: url, key: 42).entries.isEmpty, "A cache with bytes after its end is not used")
        // The site result (present, fingerprint 1) with diagnostics that are not JSON, and no entries.
        try (Data("flowdoc-page-checks 3\nkey 000000000000002a\n".utf8) + [1, 1, 5] + Data("[nope".utf8) + [0])
            .write(to: url)
        #expect(PageCheckCache.load(from: url, key: 42).site == nil, "Damaged site diagnostics are not used")
        // No site result, then a count of 2^31 - 1 entries and none: no room is made for them.
        try (Data("flowdoc-page-checks 3\nkey 000000000000002a\n".utf8) + [0, 0xFF, 0xFF, 0xFF, 0xFF, 0x07])
            .write(to: url)
        #expect(PageCheckCache.load(from: url, key: 42).entries.isEmpty, "A damaged count is not used")
        #expect(PageCheckCache.load(from: folder.appendingPathComponent("none"), key: 42).entries.isEmpty)
    }

    @Test func keyStandsForConfigurationProductAndDate() {
        let base = PageCheckCache.key(configuration: Data(), product: nil, today: testToday)
        #expect(base == PageCheckCache.key(configuration: Data(), product: nil, today: testToday))
        #expect(base != PageCheckCache.key(configuration: Data("maxSteps: 3\n".utf8), product: nil, today: testToday))
        #expect(
            base
                != PageCheckCache.key(
                    configuration: Data(),
                    product: ProductModel(screens: [], labels: ["Save"], source: "product.yml"),
                    today: testToday
                )
        )
        let tomorrow = CalendarDate(year: 2026, month: 4, day: 2)
        #expect(base != PageCheckCache.key(configuration: Data(), product: nil, today: tomorrow))
    }
}
