import FlowModel
import Synchronization

/// The published flows in the order the home page lists them (``FlowGrouping``), with the
/// position of each by id: made once, with the site context or when first asked for.
final class ReadingOrder: Sendable {
    /// The flows in reading order, and the position of each by id (the first, for an id twice).
    typealias Made = (flows: [PageSummary], positions: [String: Int])

    private let state: Mutex<Made?>

    /// An order made already, or one to make when first asked for (`nil`).
    init(_ made: Made?) {
        state = Mutex(made)
    }

    /// Whether the order was made.
    var isMade: Bool { state.withLock { $0 != nil } }

    /// The order of `published`, the pages the context was made with: made now if it was not.
    func made(from published: [PageSummary]) -> Made {
        state.withLock { state in
            if let state { return state }
            let made = Self.make(from: published)
            state = made
            return made
        }
    }

    /// The reading order of `published`.
    static func make(from published: [PageSummary]) -> Made {
        let flows = FlowGrouping.groups(of: published).flatMap(\.flows)
        let positions = Dictionary(flows.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        return (flows, positions)
    }
}

extension SiteContext {
    /// The most changed pages a rebuild answers the questions of without tables of the whole
    /// site: each such page's neighbours take a pass over every page (about 2 ms at 10,000
    /// pages), where the tables take about 10 ms of two cores.
    static let maximumPagesAnsweredOnDemand = 8

    /// Whether a build should make its context answering on demand (``answersOnDemand``): a
    /// rebuild of the previous build's site facts and answers renders only the pages that were
    /// parsed, and is worth it for at most ``maximumPagesAnsweredOnDemand`` of them (a change
    /// of thousands of pages' steps keeps the site facts too).
    static func answersOnDemand(sameSite: Bool, knowsAnswers: Bool, parsedPages: Int) -> Bool {
        sameSite && knowsAnswers && parsedPages <= maximumPagesAnsweredOnDemand
    }

    /// The flows before and after `flow` in reading order.
    func neighbors(of flow: some SitePage, trace: DependencyTrace? = nil) -> (
        previous: PageSummary?, next: PageSummary?
    ) {
        let neighbors = neighborPages(of: flow)
        if let trace { trace.record(.neighbors, answer: neighborListing(neighbors)) }
        return neighbors
    }

    /// The listings of the flows before and after `flow` in reading order
    /// (``DependencyTrace/neighborListing(previous:next:)``).
    func neighborListing(of flow: some SitePage) -> String {
        neighborListing(neighborPages(of: flow))
    }

    private func neighborListing(_ neighbors: (previous: PageSummary?, next: PageSummary?)) -> String {
        DependencyTrace.neighborListing(
            previous: neighbors.previous.map { listing(ofID: $0.id) } ?? DependencyTrace.listing(nil),
            next: neighbors.next.map { listing(ofID: $0.id) } ?? DependencyTrace.listing(nil)
        )
    }

    /// The flows before and after `flow`: from the reading order when it is made, else, when
    /// answering on demand, from one pass over the published pages rather than a sort of them.
    private func neighborPages(of flow: some SitePage) -> (previous: PageSummary?, next: PageSummary?) {
        if answersOnDemand, !order.isMade { return scannedNeighbors(of: flow) }
        let (flows, positions) = order.made(from: published)
        guard let position = positions[flow.id] else { return (nil, nil) }
        return (
            position > 0 ? flows[position - 1] : nil,
            position + 1 < flows.count ? flows[position + 1] : nil
        )
    }

    /// ``neighborPages(of:)`` found in one pass: the reading order is the flows sorted by
    /// product, platform, mode, title and id (``FlowGrouping``), flows equal in all five in
    /// path order (its sort is stable), so a flow's neighbours are the greatest flow before it
    /// and the least after it in that order.
    private func scannedNeighbors(of flow: some SitePage) -> (previous: PageSummary?, next: PageSummary?) {
        // The flow's place: the first, in reading order, of the published flows with its id.
        var place: ReadingPlace?
        for index in published.indices where published[index].kind == .flow && published[index].id == flow.id {
            if place.map({ ReadingPlace.precedes(published[index], at: index, $0) }) ?? true {
                place = ReadingPlace(published[index], index: index)
            }
        }
        guard let place else { return (nil, nil) }
        var previous: ReadingPlace?
        var next: ReadingPlace?
        // Each page's keys are read in place, as far as they differ: a place is made only for a
        // page nearer than the nearest so far.
        for index in published.indices where index != place.index {
            let page = published[index]
            guard page.kind == .flow else { continue }
            if ReadingPlace.precedes(page, at: index, place) {
                if previous.map({ !ReadingPlace.precedes(page, at: index, $0) }) ?? true {
                    previous = ReadingPlace(page, index: index)
                }
            } else if next.map({ ReadingPlace.precedes(page, at: index, $0) }) ?? true {
                next = ReadingPlace(page, index: index)
            }
        }
        return (previous.map { published[$0.index] }, next.map { published[$0.index] })
    }
}

/// A published flow's place in reading order: the keys ``FlowGrouping`` sorts by, then its
/// position in path order.
private struct ReadingPlace {
    var product: String
    var platform: String
    var mode: String
    var title: String
    var id: String
    var index: Int

    init(_ page: PageSummary, index: Int) {
        product = page.metadata.product ?? ""
        platform = page.metadata.platform ?? ""
        mode = page.metadata.mode ?? ""
        title = page.title
        id = page.id
        self.index = index
    }

    /// Whether `page`, at `index` in path order, comes before `place`, its keys read one at a
    /// time, up to the first that differs.
    static func precedes(_ page: PageSummary, at index: Int, _ place: ReadingPlace) -> Bool {
        if let order = order(page.metadata.product ?? "", place.product) { return order }
        if let order = order(page.metadata.platform ?? "", place.platform) { return order }
        if let order = order(page.metadata.mode ?? "", place.mode) { return order }
        if let order = order(page.title, place.title) { return order }
        if let order = order(page.id, place.id) { return order }
        return index < place.index
    }

    /// Whether `key` sorts before `other`; `nil` when they are equal.
    private static func order(_ key: String, _ other: String) -> Bool? {
        key == other ? nil : key < other
    }
}
