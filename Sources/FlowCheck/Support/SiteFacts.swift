import Dispatch
import FlowCore
import FlowModel

/// What the site rules read of one page: its summary, with where each of its links, images and
/// next links leads, resolved once for every rule.
final class SiteFacts: Sendable {
    /// The page.
    let page: PageSummary
    /// Every link of the page in source order, with where it leads.
    let links: [ResolvedReference]
    /// Every image of the page in source order, with where it leads.
    let images: [ResolvedReference]
    /// Each next link with where it leads, flow IDs allowed.
    let next: [(link: NextLink, target: LinkResolver.Target)]

    /// A link or image and what it resolves to from its page.
    struct ResolvedReference: Sendable {
        let reference: PageSummary.Reference
        let target: LinkResolver.Target
    }

    /// Resolves the links of `page` with `resolver`.
    init(_ page: PageSummary, resolver: LinkResolver) {
        self.page = page
        links = page.links.map {
            ResolvedReference(reference: $0, target: resolver.resolve($0.destination, from: page.source))
        }
        images = page.images.map {
            ResolvedReference(reference: $0, target: resolver.resolve($0.destination, from: page.source))
        }
        next = page.next.map { ($0, resolver.resolve($0.destination, from: page.source, allowsFlowID: true)) }
    }

    /// The facts of `page`, summarised from `facts`: its links and images where `facts` resolved them.
    init(_ page: PageSummary, from facts: FlowFacts, resolver: LinkResolver) {
        assert(page.links.count == facts.links.count && page.images.count == facts.images.count)
        self.page = page
        links = zip(page.links, facts.links).map { ResolvedReference(reference: $0, target: $1.target) }
        images = zip(page.images, facts.images).map { ResolvedReference(reference: $0, target: $1.target) }
        next = page.next.map { ($0, resolver.resolve($0.destination, from: page.source, allowsFlowID: true)) }
    }

    /// The facts of every page of `site`, in page order, computed on every core.
    ///
    /// - Parameter made: The facts made already, by position in `site`'s pages, if any.
    static func all(of site: ContentSummary, resolver: LinkResolver, made: [SiteFacts?] = []) -> [SiteFacts] {
        let pages = site.pages
        let made = made.count == pages.count ? made : []
        let chunkSize = 64
        let chunks = (pages.count + chunkSize - 1) / chunkSize
        var facts: [[SiteFacts]] = Array(repeating: [], count: chunks)
        facts.withUnsafeMutableBufferPointer { buffer in
            // Each iteration writes only its own element of the buffer.
            nonisolated(unsafe) let results = buffer
            DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                let range = chunk * chunkSize..<min(pages.count, (chunk + 1) * chunkSize)
                results[chunk] = range.map { index in
                    (made.isEmpty ? nil : made[index]) ?? SiteFacts(pages[index], resolver: resolver)
                }
            }
        }
        return Array(facts.joined())
    }
}

extension CheckContext {
    /// The site facts of every page of `site`: the shared ones when ``ContentChecker`` computed
    /// them, else computed now.
    func siteFacts(of site: ContentSummary) -> [SiteFacts] {
        if let siteFacts, siteFacts.count == site.pages.count { return siteFacts }
        let resolver = linkIndex?.resolver ?? site.linkResolver
        return site.pages.map { SiteFacts($0, resolver: resolver) }
    }

    /// The link index of `site`: the shared one when ``ContentChecker`` built it, else built now.
    func linkIndex(of site: ContentSummary) -> LinkIndex {
        linkIndex ?? LinkIndex(site)
    }
}
