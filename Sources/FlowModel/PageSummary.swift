public import FlowCore
public import FlowProse

/// What the rest of a site reads of a page: its identity and listing, where its links lead from
/// and its anchors.
///
/// The rules about links between pages read the pages through their summaries, so that they
/// can run without the pages' models.
public struct PageSummary: Sendable, Hashable {
    /// A link or image of the page: where it leads and where it is written.
    public struct Reference: Sendable, Hashable {
        public var destination: String
        public var range: SourceRange?

        /// Creates a reference.
        public init(destination: String, range: SourceRange?) {
            self.destination = destination
            self.range = range
        }
    }

    /// The fields, in one box: a copy of a summary (the site's lists hold many) is one reference count.
    @usableFromInline var storage: CopyOnWriteBox<Fields>

    @usableFromInline struct Fields: Sendable, Hashable {
        @usableFromInline var id: String
        @usableFromInline var source: String
        @usableFromInline var kind: Flow.Kind
        @usableFromInline var title: String
        @usableFromInline var summary: String
        @usableFromInline var metadata: Metadata
        @usableFromInline var stepCount: Int
        @usableFromInline var details: OnDemand<Details>
        @usableFromInline var searchTerms: SearchTerms?
    }

    /// What only the site rules, the flow map and the page's own build read: a summary read
    /// back from the page store keeps it as bytes until it is asked for (``OnDemand``).
    @usableFromInline struct Details: Sendable, Hashable {
        @usableFromInline var titleRange: SourceRange?
        @usableFromInline var next: [NextLink]
        @usableFromInline var links: [Reference]
        @usableFromInline var images: [Reference]
        @usableFromInline var anchors: [String]
        @usableFromInline var choiceLinks: [String]
    }

    @inlinable public var id: String {
        _read { yield storage.fields.id }
        _modify {
            CopyOnWriteBox.makeUnique(&storage)
            yield &storage.fields.id
        }
    }
    @inlinable public var source: String {
        _read { yield storage.fields.source }
        _modify {
            CopyOnWriteBox.makeUnique(&storage)
            yield &storage.fields.source
        }
    }
    @inlinable public var kind: Flow.Kind {
        _read { yield storage.fields.kind }
        _modify {
            CopyOnWriteBox.makeUnique(&storage)
            yield &storage.fields.kind
        }
    }
    @inlinable public var title: String {
        _read { yield storage.fields.title }
        _modify {
            CopyOnWriteBox.makeUnique(&storage)
            yield &storage.fields.title
        }
    }
    /// Where the title is written (``Flow/titleRange``).
    @inlinable public var titleRange: SourceRange? {
        _read { yield storage.fields.details.value.titleRange }
        _modify {
            CopyOnWriteBox.makeUnique(&storage)
            yield &storage.fields.details.value.titleRange
        }
    }
    @inlinable public var summary: String {
        _read { yield storage.fields.summary }
        _modify {
            CopyOnWriteBox.makeUnique(&storage)
            yield &storage.fields.summary
        }
    }
    @inlinable public var metadata: Metadata {
        _read { yield storage.fields.metadata }
        _modify {
            CopyOnWriteBox.makeUnique(&storage)
            yield &storage.fields.metadata
        }
    }
    /// The number of top-level steps of all procedures (``Flow/stepCount``).
    @inlinable public var stepCount: Int {
        _read { yield storage.fields.stepCount }
        _modify {
            CopyOnWriteBox.makeUnique(&storage)
            yield &storage.fields.stepCount
        }
    }
    /// The page's "What's next" links (``Flow/next``).
    @inlinable public var next: [NextLink] {
        _read { yield storage.fields.details.value.next }
        _modify {
            CopyOnWriteBox.makeUnique(&storage)
            yield &storage.fields.details.value.next
        }
    }
    /// Every link of the page in source order (``Flow/links``).
    @inlinable public var links: [Reference] {
        _read { yield storage.fields.details.value.links }
        _modify {
            CopyOnWriteBox.makeUnique(&storage)
            yield &storage.fields.details.value.links
        }
    }
    /// Every image of the page in source order (``Flow/images``).
    @inlinable public var images: [Reference] {
        _read { yield storage.fields.details.value.images }
        _modify {
            CopyOnWriteBox.makeUnique(&storage)
            yield &storage.fields.details.value.images
        }
    }
    /// The anchor of each section heading, step and sub-step, in source order.
    @inlinable public var anchors: [String] {
        _read { yield storage.fields.details.value.anchors }
        _modify {
            CopyOnWriteBox.makeUnique(&storage)
            yield &storage.fields.details.value.anchors
        }
    }
    /// Where each option of the choice of each top-level step leads, for options with a link, in source order.
    @inlinable public var choiceLinks: [String] {
        _read { yield storage.fields.details.value.choiceLinks }
        _modify {
            CopyOnWriteBox.makeUnique(&storage)
            yield &storage.fields.details.value.choiceLinks
        }
    }
    /// What search finds the page by, when the summary carries it (one kept by a build does).
    @inlinable public var searchTerms: SearchTerms? {
        _read { yield storage.fields.searchTerms }
        _modify {
            CopyOnWriteBox.makeUnique(&storage)
            yield &storage.fields.searchTerms
        }
    }

    /// Creates a summary from its parts.
    public init(
        id: String,
        source: String,
        kind: Flow.Kind,
        title: String,
        titleRange: SourceRange?,
        summary: String,
        metadata: Metadata,
        stepCount: Int,
        next: [NextLink],
        links: [Reference],
        images: [Reference],
        anchors: [String],
        choiceLinks: [String],
        searchTerms: SearchTerms? = nil
    ) {
        let details = Details(
            titleRange: titleRange,
            next: next,
            links: links,
            images: images,
            anchors: anchors,
            choiceLinks: choiceLinks
        )
        self.init(
            Fields(
                id: id,
                source: source,
                kind: kind,
                title: title,
                summary: summary,
                metadata: metadata,
                stepCount: stepCount,
                details: OnDemand(details),
                searchTerms: searchTerms
            )
        )
    }

    /// Creates a summary of `fields`, whose details are made or still bytes (``OnDemand``).
    init(_ fields: Fields) {
        storage = CopyOnWriteBox(fields)
    }

    /// The summary of `flow`.
    public init(_ flow: Flow) {
        var links: [Inline.Link] = []
        var images: [Inline.Link] = []
        flow.forEachInlineRun { run in
            Inline.collectLinks(in: run, images: false, into: &links)
            Inline.collectLinks(in: run, images: true, into: &images)
        }
        self.init(flow, links: links, images: images)
    }

    /// The summary of `flow`, whose links and images (``Flow/links``, ``Flow/images``) the caller
    /// has collected already.
    public init(_ flow: Flow, links: [Inline.Link], images: [Inline.Link]) {
        var choiceLinks: [String] = []
        // The flow map draws the choices of top-level steps.
        for case .procedure(let procedure) in flow.body {
            for step in procedure.steps { choiceLinks += step.choice?.options.compactMap(\.link) ?? [] }
        }
        self.init(
            id: flow.id,
            source: flow.source,
            kind: flow.kind,
            title: flow.title,
            titleRange: flow.titleRange,
            summary: flow.summary,
            metadata: flow.metadata,
            stepCount: flow.stepCount,
            next: flow.next,
            links: links.map { Reference(destination: $0.destination, range: $0.range) },
            images: images.map { Reference(destination: $0.destination, range: $0.range) },
            anchors: flow.anchorDefinitions.map(\.anchor),
            choiceLinks: choiceLinks
        )
    }

    public static func == (lhs: PageSummary, rhs: PageSummary) -> Bool {
        lhs.storage === rhs.storage || lhs.storage.fields == rhs.storage.fields
    }

    public func hash(into hasher: inout Hasher) {
        storage.fields.hash(into: &hasher)
    }

    /// Where problems about the whole page are reported (``Flow/pageRange``).
    public var pageRange: SourceRange {
        titleRange ?? SourceRange(file: source, line: 1, column: 1)
    }
}
