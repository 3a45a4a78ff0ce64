import FlowCheck
import FlowCore
import FlowModel
import FlowTestSupport
import Foundation
import Testing

/// The site rules' diagnostics are kept with the fingerprint of what they read, and used again
/// only while no page's site facts change.
@Suite struct SiteRuleReuseTests {
    static let context = PageCheckCacheTests.context

    /// Checks `pages` reusing `previous`, with each page's digest the hash of its text.
    static func check(_ pages: [String: String], reusing previous: PageCheckCache) -> ContentChecker.Outcome {
        let content = makeContent(pages)
        let digests = pages.mapValues { StableHasher.digest($0.utf8) }
        return ContentChecker().check(content, context: context, digests: digests, reusing: previous)
    }

    /// The cache of `outcome` with its site result replaced by a planted diagnostic.
    static func planted(_ outcome: ContentChecker.Outcome) throws -> PageCheckCache {
        var cache = outcome.cache
        let site = try #require(cache.site)
        let marker = Diagnostic(.warning, id: "PlantedSite", range: nil, file: "index.md", summary: "kept")
        cache.site = .init(fingerprint: site.fingerprint, diagnostics: [marker])
        return cache
    }

    /// An edit that replaces `text` with `replacement` in the page at `path`.
    static func replacing(_ text: String, with replacement: String, in path: String)
        -> @Sendable (inout [String: String]) -> Void
    {
        { pages in pages[path] = pages[path]?.replacingOccurrences(of: text, with: replacement) }
    }

    static let changes: [(name: String, edit: @Sendable (inout [String: String]) -> Void, reuses: Bool)] = [
        ("nothing", { _ in }, true),
        ("a step's text", replacing("Click **B**", with: "Tap **B**", in: "twin.md"), true),
        ("a link's target", replacing("messy.md", with: "gone.md", in: "index.md"), false),
        ("a title", replacing("# Single", with: "# Solo", in: "single.md"), false),
        ("a page added", { $0["extra.md"] = "# Extra\n\n1. Click **X**.\n2. Click **Y**.\n" }, false),
        ("a page removed", { $0["twin.md"] = nil }, false),
        (
            "a next link",
            replacing("- [Single](single.md)\n", with: "- [Single](single.md)\n- [Home](index.md)\n", in: "twin.md"),
            false
        ),
    ]

    @Test(arguments: changes.indices)
    func siteRulesRunAgainOnlyWhenSiteFactsChange(index: Int) throws {
        let change = Self.changes[index]
        let first = Self.check(PageCheckCacheTests.messyPages, reusing: .init(key: 1))
        var pages = PageCheckCacheTests.messyPages
        change.edit(&pages)
        let second = Self.check(pages, reusing: try Self.planted(first))
        #expect(second.diagnostics.contains { $0.id == "PlantedSite" } == change.reuses, "\(change.name)")
        // Without the planted result, the check reports exactly what a check from scratch reports.
        let honest = Self.check(pages, reusing: first.cache)
        #expect(
            honest.diagnostics == ContentChecker().check(makeContent(pages), context: Self.context),
            "\(change.name)"
        )
    }

    @Test func siteFactsDigestLeavesOutOnlyTheSearchTerms() throws {
        let page = try #require(makeContent(PageCheckCacheTests.messyPages).flows.first { $0.source == "twin.md" })
        let base = PageSummary(page)
        var withTerms = base
        withTerms.searchTerms = SearchTerms(page)
        #expect(withTerms.siteFactsDigest == base.siteFactsDigest)
        let edits: [(inout PageSummary) -> Void] = [
            { $0.title += "!" }, { $0.id += "x" }, { $0.summary += "." }, { $0.stepCount += 1 },
            { $0.anchors.append("new") }, { $0.choiceLinks.append("a.md") },
            { $0.links.append(.init(destination: "a.md", range: nil)) },
            { $0.images.append(.init(destination: "a.png", range: nil)) },
            { $0.next.append(NextLink(destination: "a.md", text: "A", range: nil)) },
            { $0.metadata.draft.toggle() },
        ]
        for (index, edit) in edits.enumerated() {
            var changed = base
            edit(&changed)
            #expect(changed.siteFactsDigest != base.siteFactsDigest, "edit \(index)")
        }
    }
}
