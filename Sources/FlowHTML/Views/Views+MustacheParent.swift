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
        case "kind": kind
        case "label": label
        case "html": html
        default: nil
        }
    }
}

extension ChoiceView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "options": options
        default: nil
        }
    }
}

extension ChoiceView.Option: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "label": label
        case "properties": properties
        case "hasProperties": hasProperties
        case "isSelected": isSelected
        case "href": href
        case "hasLink": hasLink
        case "linkTitle": linkTitle
        default: nil
        }
    }
}

extension FacetView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "name": name
        case "value": value
        default: nil
        }
    }
}

extension FieldTableView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "hasDescription": hasDescription
        case "hasDefault": hasDefault
        case "hasExample": hasExample
        case "rows": rows
        default: nil
        }
    }
}

extension FieldTableView.Row: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "name": name
        case "required": required
        case "description": description
        case "defaultValue": defaultValue
        case "example": example
        default: nil
        }
    }
}

extension FlowGroupView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "anchor": anchor
        case "flows": flows
        default: nil
        }
    }
}

extension FlowLinkView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "href": href
        case "summary": summary
        case "mode": mode
        case "hasMode": hasMode
        case "stepCount": stepCount
        default: nil
        }
    }
}

extension FlowPageView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "id": id
        case "title": title
        case "isFlow": isFlow
        case "facets": facets
        case "hasFacets": hasFacets
        case "updated": updated
        case "hasUpdated": hasUpdated
        case "toc": toc
        case "hasTOC": hasTOC
        case "parts": parts
        case "previousFlow": previousFlow
        case "nextFlow": nextFlow
        case "hasPager": hasPager
        case "jsonHref": jsonHref
        case "groups": groups
        case "hasGroups": hasGroups
        default: nil
        }
    }
}

extension HeadingView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "level": level
        case "html": html
        case "anchor": anchor
        default: nil
        }
    }
}

extension LayoutView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "siteTitle": siteTitle
        case "description": description
        case "root": root
        case "pageKind": pageKind
        case "breadcrumbs": breadcrumbs
        case "hasBreadcrumbs": hasBreadcrumbs
        case "body": body
        case "jsonLD": jsonLD
        case "scripts": scripts
        default: nil
        }
    }
}

extension LayoutView.Crumb: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "href": href
        case "isCurrent": isCurrent
        default: nil
        }
    }
}

extension NextCardsView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "flows": flows
        default: nil
        }
    }
}

extension PagePartView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "heading": heading
        case "callout": callout
        case "procedure": procedure
        case "prose": prose
        case "nextCards": nextCards
        default: nil
        }
    }
}

extension ProcedureView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "key": key
        case "stepCount": stepCount
        case "steps": steps
        default: nil
        }
    }
}

extension ScreenView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "lines": lines
        default: nil
        }
    }
}

extension ScreenView.Button: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "label": label
        case "isPrimary": isPrimary
        default: nil
        }
    }
}

extension ScreenView.Line: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "isInput": isInput
        case "isCheckbox": isCheckbox
        case "isRadio": isRadio
        case "isHeading": isHeading
        case "isText": isText
        case "isButtons": isButtons
        case "label": label
        case "required": required
        case "value": value
        case "hasValue": hasValue
        case "checked": checked
        case "buttons": buttons
        default: nil
        }
    }
}

extension StepPartView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "prose": prose
        case "callout": callout
        case "fieldTable": fieldTable
        case "screen": screen
        case "choice": choice
        case "substeps": substeps
        case "result": result
        default: nil
        }
    }
}

extension StepView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "number": number
        case "anchor": anchor
        case "instruction": instruction
        case "parts": parts
        default: nil
        }
    }
}

extension SubstepsView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "steps": steps
        default: nil
        }
    }
}

extension TOCEntry: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "anchor": anchor
        case "isSub": isSub
        default: nil
        }
    }
}
