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
    private var storage: CopyOnWriteBox<Fields>

    private struct Fields: Sendable, Hashable {
        var id: String
        var source: String
        var kind: Flow.Kind
        var title: String
        var titleRange: SourceRange?
        var summary: String
        var metadata: Metadata
        var stepCount: Int
        var next: [NextLink]
        var links: [Reference]
        var images: [Reference]
        var anchors: [String]
        var choiceLinks: [String]
        var searchTerms: SearchTerms?
    }

    public var id: String {
        _read { yield storage.fields.id }
        set {
            CopyOnWriteBox.makeUnique(&storage)
            storage.fields.id = newValue
        }
    }
    public var source: String {
        _read { yield storage.fields.source }
        set {
            CopyOnWriteBox.makeUnique(&storage)
            storage.fields.source = newValue
        }
    }
    public var kind: Flow.Kind {
        _read { yield storage.fields.kind }
        set {
            CopyOnWriteBox.makeUnique(&storage)
            storage.fields.kind = newValue
        }
    }
    public var title: String {
        _read { yield storage.fields.title }
        set {
            CopyOnWriteBox.makeUnique(&storage)
            storage.fields.title = newValue
        }
    }
    /// Where the title is written (``Flow/titleRange``).
    public var titleRange: SourceRange? {
        _read { yield storage.fields.titleRange }
        set {
            CopyOnWriteBox.makeUnique(&storage)
            storage.fields.titleRange = newValue
        }
    }
    public var summary: String {
        _read { yield storage.fields.summary }
        set {
            CopyOnWriteBox.makeUnique(&storage)
            storage.fields.summary = newValue
        }
    }
    public var metadata: Metadata {
        _read { yield storage.fields.metadata }
        set {
            CopyOnWriteBox.makeUnique(&storage)
            storage.fields.metadata = newValue
        }
    }
    /// The number of top-level steps of all procedures (``Flow/stepCount``).
    public var stepCount: Int {
        _read { yield storage.fields.stepCount }
        set {
            CopyOnWriteBox.makeUnique(&storage)
            storage.fields.stepCount = newValue
        }
    }
    /// The page's "What's next" links (``Flow/next``).
    public var next: [NextLink] {
        _read { yield storage.fields.next }
        set {
            CopyOnWriteBox.makeUnique(&storage)
            storage.fields.next = newValue
        }
    }
    /// Every link of the page in source order (``Flow/links``).
    public var links: [Reference] {
        _read { yield storage.fields.links }
        set {
            CopyOnWriteBox.makeUnique(&storage)
            storage.fields.links = newValue
        }
    }
    /// Every image of the page in source order (``Flow/images``).
    public var images: [Reference] {
        _read { yield storage.fields.images }
        set {
            CopyOnWriteBox.makeUnique(&storage)
            storage.fields.images = newValue
        }
    }
    /// The anchor of each section heading, step and sub-step, in source order.
    public var anchors: [String] {
        _read { yield storage.fields.anchors }
        set {
            CopyOnWriteBox.makeUnique(&storage)
            storage.fields.anchors = newValue
        }
    }
    /// Where each option of the choice of each top-level step leads, for options with a link, in source order.
    public var choiceLinks: [String] {
        _read { yield storage.fields.choiceLinks }
        set {
            CopyOnWriteBox.makeUnique(&storage)
            storage.fields.choiceLinks = newValue
        }
    }
    /// What search finds the page by, when the summary was made with it (a build's is).
    public var searchTerms: SearchTerms? {
        _read { yield storage.fields.searchTerms }
        set {
            CopyOnWriteBox.makeUnique(&storage)
            storage.fields.searchTerms = newValue
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
        storage = CopyOnWriteBox(
            Fields(
                id: id,
                source: source,
                kind: kind,
                title: title,
                titleRange: titleRange,
                summary: summary,
                metadata: metadata,
                stepCount: stepCount,
                next: next,
                links: links,
                images: images,
                anchors: anchors,
                choiceLinks: choiceLinks,
                searchTerms: searchTerms
            )
        )
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
        var anchors: [String] = []
        var choiceLinks: [String] = []
        for element in flow.body {
            switch element {
            case .heading(let heading): anchors.append(heading.anchor)
            case .procedure(let procedure):
                Self.appendAnchors(of: procedure.steps, to: &anchors)
                // The flow map draws the choices of top-level steps.
                for step in procedure.steps { choiceLinks += step.choice?.options.compactMap(\.link) ?? [] }
            case .callout, .prose: break
            }
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
            anchors: anchors,
            choiceLinks: choiceLinks
        )
    }

    public static func == (lhs: PageSummary, rhs: PageSummary) -> Bool {
        lhs.storage === rhs.storage || lhs.storage.fields == rhs.storage.fields
    }

    public func hash(into hasher: inout Hasher) {
        storage.fields.hash(into: &hasher)
    }

    /// Where page-level problems are reported: the title, else the first line of the file.
    public var pageRange: SourceRange {
        titleRange ?? SourceRange(file: source, line: 1, column: 1)
    }

    /// Appends the anchor of each of `steps` and then of its sub-steps, depth first.
    private static func appendAnchors(of steps: [Step], to anchors: inout [String]) {
        for step in steps {
            anchors.append(step.anchor)
            for element in step.elements {
                if case .substeps(let substeps) = element { appendAnchors(of: substeps, to: &anchors) }
            }
        }
    }
}
