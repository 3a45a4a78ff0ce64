import FlowModel
import FlowParser
import FlowTestSupport
import Foundation
import Testing

@testable import FlowHTML

/// A site context made for a rebuild of the same site facts (``SiteContext/answersOnDemand``)
/// answers every question as one made with its tables, without sorting the site.
@Suite struct SiteContextOnDemandTests {
    /// Flows tied on every key the reading order sorts by but their path, four pages with one
    /// id, a draft, an overview, pages without metadata or with empty values.
    static func tiedSite() -> ContentSummary {
        let pages: [(source: String, frontMatter: String, title: String)] = [
            ("a/one.md", "product: P\nplatform: X\nmode: Script", "Same"),
            ("a/two.md", "product: P\nplatform: X\nmode: Script", "Same"),
            ("b/one.md", "id: dup\nproduct: Z", "Dup"),
            ("c/one.md", "id: dup\nproduct: P", "Dup"),
            ("c/two.md", "id: dup\nproduct: P", "Dup"),
            ("c/zz.md", "id: dup\nproduct: Q", "Another dup"),
            ("d/draft.md", "product: P\ndraft: true", "Draft"),
            ("e/index.md", "product: P\nkind: overview", "Overview"),
            ("f/plain.md", "", "Plain"),
            ("g/other.md", "product: Other", "Other"),
            ("h/empty.md", "product: \"\"\nplatform: X\nmode: \"\"", "Empty"),
            ("i/basic.md", "product: P\nplatform: X\nmode: Basic", "Same"),
        ]
        let flows = pages.map { page in
            let text = "---\n\(page.frontMatter)\n---\n\n# \(page.title)\n\n1. Click **Go**.\n2. Click **Done**.\n"
            return PageParser().parse(text, source: page.source).flow
        }
        return ContentSummary(ContentSet(flows: flows, assets: [], product: nil, diagnostics: []))
    }

    static func shippedSite() async throws -> ContentSummary {
        ContentSummary(try await ContentLoader().load(from: Fixtures.packageRoot.appendingPathComponent("content")))
    }

    @Test(arguments: [false, true])
    func answersAsTheTablesDo(shipped: Bool) async throws {
        let site = shipped ? try await Self.shippedSite() : Self.tiedSite()
        let tables = SiteContext(site: site, options: SiteOptions())
        let onDemand = SiteContext(site: site, options: SiteOptions(), answersOnDemand: true)
        var withNeighbors = 0
        for page in site.pages {
            let expected = tables.neighbors(of: page)
            let found = onDemand.neighbors(of: page)
            #expect(found.previous == expected.previous, "\(page.source)")
            #expect(found.next == expected.next, "\(page.source)")
            #expect(onDemand.neighborListing(of: page) == tables.neighborListing(of: page), "\(page.source)")
            #expect(onDemand.overview(atSource: page.source) == tables.overview(atSource: page.source))
            #expect(onDemand.overviewListing(atSource: page.source) == tables.overviewListing(atSource: page.source))
            if expected.previous != nil && expected.next != nil { withNeighbors += 1 }
        }
        #expect(withNeighbors >= 3)
        for index in onDemand.published.indices {
            #expect(onDemand.listing(at: index) == tables.listing(at: index))
        }
        #expect(onDemand.overview(atSource: "missing/index.md") == nil)
        // Every neighbour was found without the reading order; a page of the whole site makes it.
        #expect(!onDemand.order.isMade)
        #expect(onDemand.answersFingerprint() == tables.answersFingerprint())
        #expect(onDemand.order.isMade)
        #expect(onDemand.readingOrder == tables.readingOrder)
    }

    /// Only a rebuild of the same site facts and answers with few changed pages answers on
    /// demand: each rendered page's neighbours cost a pass over the site.
    @Test(arguments: [
        (true, true, 1, true), (true, true, 8, true), (true, true, 9, false), (true, true, 5000, false),
        (false, true, 1, false), (true, false, 1, false),
    ])
    func answersOnDemandOnlyForAFewPagesOfTheSameSite(sameSite: Bool, knowsAnswers: Bool, parsed: Int, expected: Bool) {
        #expect(
            SiteContext.answersOnDemand(sameSite: sameSite, knowsAnswers: knowsAnswers, parsedPages: parsed) == expected
        )
    }

    /// Once made, the reading order answers: the neighbours stay the same.
    @Test func answersFromTheReadingOrderOnceMade() {
        let site = Self.tiedSite()
        let tables = SiteContext(site: site, options: SiteOptions())
        let onDemand = SiteContext(site: site, options: SiteOptions(), answersOnDemand: true)
        _ = onDemand.readingPosition
        for page in site.pages {
            #expect(onDemand.neighborListing(of: page) == tables.neighborListing(of: page), "\(page.source)")
        }
    }
}
