import Mustache

// Template lookups without reflection.
//
// swift-mustache finds a key in a view model through `Mirror`, which builds every child of
// the value for each lookup; on a 10,000-page site that was half of the build. Each view
// model answers its keys directly instead. A test checks that every stored property is
// answered (`MustacheLookupTests`), so a new property can't be forgotten here silently.

extension CalloutView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "kind": self.kind
        case "label": self.label
        case "html": self.html
        default: nil
        }
    }
}

extension ChoiceView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "options": self.options
        default: nil
        }
    }
}

extension ChoiceView.Option: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "label": self.label
        case "properties": self.properties
        case "hasProperties": self.hasProperties
        case "isSelected": self.isSelected
        case "href": self.href
        case "hasLink": self.hasLink
        case "linkTitle": self.linkTitle
        default: nil
        }
    }
}

extension FacetView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "name": self.name
        case "value": self.value
        default: nil
        }
    }
}

extension FieldTableView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "hasDescription": self.hasDescription
        case "hasDefault": self.hasDefault
        case "hasExample": self.hasExample
        case "rows": self.rows
        default: nil
        }
    }
}

extension FieldTableView.Row: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "name": self.name
        case "required": self.required
        case "description": self.description
        case "defaultValue": self.defaultValue
        case "example": self.example
        default: nil
        }
    }
}

extension FlowGroupView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "title": self.title
        case "anchor": self.anchor
        case "flows": self.flows
        default: nil
        }
    }
}

extension FlowLinkView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "title": self.title
        case "href": self.href
        case "summary": self.summary
        case "mode": self.mode
        case "hasMode": self.hasMode
        case "stepCount": self.stepCount
        default: nil
        }
    }
}

extension FlowPageView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "id": self.id
        case "title": self.title
        case "isFlow": self.isFlow
        case "facets": self.facets
        case "hasFacets": self.hasFacets
        case "updated": self.updated
        case "hasUpdated": self.hasUpdated
        case "toc": self.toc
        case "hasTOC": self.hasTOC
        case "parts": self.parts
        case "previousFlow": self.previousFlow
        case "nextFlow": self.nextFlow
        case "hasPager": self.hasPager
        case "jsonHref": self.jsonHref
        case "groups": self.groups
        case "hasGroups": self.hasGroups
        default: nil
        }
    }
}

extension HeadingView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "level": self.level
        case "html": self.html
        case "anchor": self.anchor
        default: nil
        }
    }
}

extension LayoutView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "title": self.title
        case "siteTitle": self.siteTitle
        case "description": self.description
        case "root": self.root
        case "pageKind": self.pageKind
        case "breadcrumbs": self.breadcrumbs
        case "hasBreadcrumbs": self.hasBreadcrumbs
        case "body": self.body
        case "jsonLD": self.jsonLD
        case "scripts": self.scripts
        default: nil
        }
    }
}

extension LayoutView.Crumb: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "title": self.title
        case "href": self.href
        case "isCurrent": self.isCurrent
        default: nil
        }
    }
}

extension NextCardsView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "flows": self.flows
        default: nil
        }
    }
}

extension PagePartView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "heading": self.heading
        case "callout": self.callout
        case "procedure": self.procedure
        case "prose": self.prose
        case "nextCards": self.nextCards
        default: nil
        }
    }
}

extension ProcedureView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "title": self.title
        case "key": self.key
        case "stepCount": self.stepCount
        case "steps": self.steps
        default: nil
        }
    }
}

extension ScreenView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "title": self.title
        case "lines": self.lines
        default: nil
        }
    }
}

extension ScreenView.Button: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "label": self.label
        case "isPrimary": self.isPrimary
        default: nil
        }
    }
}

extension ScreenView.Line: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "isInput": self.isInput
        case "isCheckbox": self.isCheckbox
        case "isRadio": self.isRadio
        case "isHeading": self.isHeading
        case "isText": self.isText
        case "isButtons": self.isButtons
        case "label": self.label
        case "required": self.required
        case "value": self.value
        case "hasValue": self.hasValue
        case "checked": self.checked
        case "buttons": self.buttons
        default: nil
        }
    }
}

extension StepPartView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "prose": self.prose
        case "callout": self.callout
        case "fieldTable": self.fieldTable
        case "screen": self.screen
        case "choice": self.choice
        case "substeps": self.substeps
        case "result": self.result
        default: nil
        }
    }
}

extension StepView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "number": self.number
        case "anchor": self.anchor
        case "instruction": self.instruction
        case "parts": self.parts
        default: nil
        }
    }
}

extension SubstepsView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "steps": self.steps
        default: nil
        }
    }
}

extension TOCEntry: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "title": self.title
        case "anchor": self.anchor
        case "isSub": self.isSub
        default: nil
        }
    }
}
