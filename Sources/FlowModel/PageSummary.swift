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

    public var id: String
    public var source: String
    public var kind: Flow.Kind
    public var title: String
    /// Where the title is written (``Flow/titleRange``).
    public var titleRange: SourceRange?
    public var summary: String
    public var metadata: Metadata
    /// The number of top-level steps of all procedures (``Flow/stepCount``).
    public var stepCount: Int
    /// The page's "What's next" links (``Flow/next``).
    public var next: [NextLink]
    /// Every link of the page in source order (``Flow/links``).
    public var links: [Reference]
    /// Every image of the page in source order (``Flow/images``).
    public var images: [Reference]
    /// The anchor of each section heading, step and sub-step, in source order.
    public var anchors: [String]
    /// Where each option of the choice of each top-level step leads, for options with a link, in source order.
    public var choiceLinks: [String]
    /// What search finds the page by, when the summary was made with it (a build's is).
    public var searchTerms: SearchTerms?

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
        self.id = id
        self.source = source
        self.kind = kind
        self.title = title
        self.titleRange = titleRange
        self.summary = summary
        self.metadata = metadata
        self.stepCount = stepCount
        self.next = next
        self.links = links
        self.images = images
        self.anchors = anchors
        self.choiceLinks = choiceLinks
        self.searchTerms = searchTerms
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
