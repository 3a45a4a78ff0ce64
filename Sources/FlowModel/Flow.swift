public import FlowCore
public import FlowProse

/// One help page: a guided flow (a page with procedures) or an overview.
///
/// A page keeps its content in source order in ``body``; ``procedures`` and ``callouts``
/// are views of it. Every value carries the ``FlowCore/SourceRange`` it came from.
public struct Flow: Sendable, Hashable, Codable {
    /// Whether a page guides through a procedure or introduces an area.
    public enum Kind: String, Sendable, Hashable, Codable {
        case flow, overview
    }

    /// The page's fields, shared by its copies until one of them changes (copy-on-write).
    ///
    /// Pages are copied often (dictionary lookups, loops over the site in every rule and
    /// renderer); with the fields behind one reference, a copy costs one reference count
    /// instead of one for each string and array of the page. The fields are read in place
    /// (`_read`), so `flow.metadata.mode` copies the mode, not the whole metadata.
    @usableFromInline var storage: CopyOnWriteBox<Fields>

    /// The stable identifier: front matter `id`, else the path below the content folder without `.md`.
    @inlinable public var id: String {
        _read { yield storage.fields.id }
        _modify {
            CopyOnWriteBox.makeUnique(&storage)
            yield &storage.fields.id
        }
    }
    /// The path of the page relative to the content folder, with `/` separators.
    @inlinable public var source: String {
        _read { yield storage.fields.source }
        _modify {
            CopyOnWriteBox.makeUnique(&storage)
            yield &storage.fields.source
        }
    }
    @inlinable public var kind: Kind {
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
    /// Where the title was written (the `#` heading or the front matter `title`).
    @inlinable public var titleRange: SourceRange? {
        _read { yield storage.fields.titleRange }
        _modify {
            CopyOnWriteBox.makeUnique(&storage)
            yield &storage.fields.titleRange
        }
    }
    /// One sentence for listings and search.
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
    /// The page's content in source order, without the title heading and front matter.
    @inlinable public var body: [PageElement] {
        _read { yield storage.fields.body }
        _modify {
            CopyOnWriteBox.makeUnique(&storage)
            yield &storage.fields.body
        }
    }
    /// The flows that follow, from front matter `next` and the "What's next" section.
    @inlinable public var next: [NextLink] {
        _read { yield storage.fields.next }
        _modify {
            CopyOnWriteBox.makeUnique(&storage)
            yield &storage.fields.next
        }
    }

    public init(
        id: String,
        source: String,
        kind: Kind,
        title: String,
        titleRange: SourceRange?,
        summary: String,
        metadata: Metadata,
        body: [PageElement],
        next: [NextLink]
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
                body: body,
                next: next
            )
        )
    }

    /// The procedures of the page, in source order.
    public var procedures: [Procedure] {
        body.compactMap { element in
            if case .procedure(let procedure) = element { procedure } else { nil }
        }
    }

    /// The callouts outside procedures, in source order.
    public var callouts: [Callout] {
        body.compactMap { element in
            if case .callout(let callout) = element { callout } else { nil }
        }
    }

    /// Every step of every procedure, in order, without sub-steps.
    public var steps: [Step] { procedures.flatMap(\.steps) }

    /// Where problems about the whole page are reported: the title, else the file's first line.
    public var pageRange: SourceRange {
        titleRange ?? SourceRange(file: source, line: 1, column: 1)
    }

    /// The number of top-level steps, ``steps``'s count, without copying them.
    public var stepCount: Int {
        body.reduce(0) { count, element in
            if case .procedure(let procedure) = element { count + procedure.steps.count } else { count }
        }
    }
}

/// A piece of a page's body.
public enum PageElement: Sendable, Hashable, Codable {
    /// A section heading (`##` and deeper), with the anchor the site gives it.
    case heading(SectionHeading)
    /// A callout outside any step.
    case callout(Callout)
    /// A numbered procedure.
    case procedure(Procedure)
    /// Any other prose.
    case prose(Block)
}

/// A section heading of a page and its anchor (GitHub-style slug).
public struct SectionHeading: Sendable, Hashable, Codable {
    public var level: Int
    public var inlines: [Inline]
    public var anchor: String
    public var range: SourceRange?

    public init(level: Int, inlines: [Inline], anchor: String, range: SourceRange?) {
        self.level = level
        self.inlines = inlines
        self.anchor = anchor
        self.range = range
    }

    /// The heading as plain text.
    public var text: String { inlines.plainText }
}

/// A link to a flow that follows, from "What's next" or front matter `next`.
public struct NextLink: Sendable, Hashable, Codable {
    /// The target as written: a relative `.md` path (with optional `#fragment`) or a flow id.
    public var destination: String
    /// The link text, or the destination when it came from front matter.
    public var text: String
    public var range: SourceRange?

    public init(destination: String, text: String, range: SourceRange?) {
        self.destination = destination
        self.text = text
        self.range = range
    }
}
