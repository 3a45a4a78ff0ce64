/// The view model of `flow.mustache` and `overview.mustache`: one help page.
struct FlowPageView: Sendable {
    var id: String
    var title: String
    var isFlow: Bool
    var facets: [FacetView]
    var hasFacets: Bool
    /// The `updated` date as written (`2026-01-15`), empty for none.
    var updated: String
    var hasUpdated: Bool
    var toc: [TOCEntry]
    var hasTOC: Bool
    /// The body in source order.
    var parts: [PagePartView]
    var previousFlow: [FlowLinkView]
    var nextFlow: [FlowLinkView]
    var hasPager: Bool
    /// Links to the JSON of this flow, relative to the page.
    var jsonHref: String
    /// Extra content appended by the home page: flows grouped by product and platform.
    var groups: [FlowGroupView]
    var hasGroups: Bool
}

/// A group of the home page's listing: one product and platform.
struct FlowGroupView: Sendable {
    var title: String
    var anchor: String
    var flows: [FlowLinkView]
}

/// One piece of a page body.
///
/// Exactly one array holds an element; the others are empty, so a template section never falls through to an
/// outer context (Mustache looks up missing keys in enclosing contexts, and `nil` counts as missing).
struct PagePartView: Sendable {
    var heading: [HeadingView] = []
    var callout: [CalloutView] = []
    var procedure: [ProcedureView] = []
    var prose: [String] = []
    var nextCards: [NextCardsView] = []
}

/// The "What's next" links of a page, drawn as cards.
struct NextCardsView: Sendable {
    var flows: [FlowLinkView]
}

/// A section heading with its anchor.
struct HeadingView: Sendable {
    var level: Int
    var html: String
    var anchor: String
}

/// A callout: its kind (`note`), label (`Note`) and HTML body.
struct CalloutView: Sendable {
    var kind: String
    var label: String
    var html: String
}

/// A numbered procedure.
struct ProcedureView: Sendable {
    var title: String
    /// A key unique in the page, for guided mode's stored progress.
    var key: String
    var stepCount: Int
    var steps: [StepView]
}

/// One step (or sub-step).
struct StepView: Sendable {
    var number: Int
    var anchor: String
    var instruction: String
    var parts: [StepPartView]
}

/// One piece of a step after its instruction; exactly one array holds an element.
struct StepPartView: Sendable {
    var prose: [String] = []
    var callout: [CalloutView] = []
    var fieldTable: [FieldTableView] = []
    var screen: [ScreenView] = []
    var choice: [ChoiceView] = []
    var substeps: [SubstepsView] = []
    var result: [String] = []
}

/// The nested ordered list of a step.
struct SubstepsView: Sendable {
    var steps: [StepView]
}

/// A field table.
struct FieldTableView: Sendable {
    struct Row: Sendable {
        var name: String
        var required: Bool
        var description: String
        var defaultValue: String
        var example: String
    }

    var hasDescription: Bool
    var hasDefault: Bool
    var hasExample: Bool
    var rows: [Row]
}

/// A screen wireframe.
struct ScreenView: Sendable {
    /// One line of the wireframe.
    struct Line: Sendable {
        var isInput = false
        var isCheckbox = false
        var isRadio = false
        var isHeading = false
        var isText = false
        var isButtons = false
        var label = ""
        var required = false
        var value = ""
        var hasValue = false
        var checked = false
        var buttons: [Button] = []
    }

    /// A button; the last one of a row is drawn as the primary action.
    struct Button: Sendable {
        var label: String
        var isPrimary: Bool
    }

    var title: String
    var lines: [Line]
}

/// A choice between options.
struct ChoiceView: Sendable {
    struct Option: Sendable {
        var label: String
        var properties: [String]
        var hasProperties: Bool
        var isSelected: Bool
        var href: String
        var hasLink: Bool
        var linkTitle: String
    }

    var options: [Option]
}
