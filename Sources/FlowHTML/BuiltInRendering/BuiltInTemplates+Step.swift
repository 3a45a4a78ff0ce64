// The step templates: `step`, `callout`, `field-table`, `screen` and `choice`.
// Each function follows its `.mustache` file in Resources/Templates line by line.

extension BuiltInTemplates {
    /// `step.mustache`; sub-steps render through it again.
    mutating func step(_ step: StepView) {
        raw("<li class=\"step\" id=\"")
        escaped(step.anchor)
        raw("\">\n<div class=\"step-head\">\n<a class=\"step-number\" href=\"#")
        escaped(step.anchor)
        raw("\" aria-label=\"Step \(step.number), link\">\(step.number)</a>\n<p class=\"step-instruction\">")
        raw(step.instruction)
        raw("</p>\n</div>\n<div class=\"step-body\">\n")
        for part in step.parts { stepPart(part) }
        raw("</div>\n</li>\n")
    }

    private mutating func stepPart(_ part: StepPartView) {
        for prose in part.prose {
            raw(prose)
            raw("\n")
        }
        for callout in part.callout { self.callout(callout) }
        raw("\n")
        for table in part.fieldTable { fieldTable(table) }
        raw("\n")
        for screen in part.screen { self.screen(screen) }
        raw("\n")
        for choice in part.choice { self.choice(choice) }
        raw("\n")
        for substeps in part.substeps {
            raw("<ol class=\"substeps\">\n")
            for step in substeps.steps { self.step(step) }
            raw("\n</ol>\n")
        }
        for result in part.result {
            raw("<p class=\"result\"><span class=\"result-label\">Result:</span> ")
            raw(result)
            raw("</p>\n")
        }
    }

    /// `callout.mustache`.
    mutating func callout(_ callout: CalloutView) {
        raw("<aside class=\"callout callout-")
        escaped(callout.kind)
        raw("\" aria-label=\"")
        escaped(callout.label)
        raw("\">\n<p class=\"callout-label\">")
        escaped(callout.label)
        raw("</p>\n")
        raw(callout.html)
        raw("\n</aside>\n")
    }

    /// `field-table.mustache`.
    private mutating func fieldTable(_ table: FieldTableView) {
        raw("<div class=\"table-wrap\">\n<table class=\"field-table\">\n<thead>\n<tr><th scope=\"col\">Field</th>")
        if table.hasDescription { raw("<th scope=\"col\">Description</th>") }
        if table.hasDefault { raw("<th scope=\"col\">Default</th>") }
        if table.hasExample { raw("<th scope=\"col\">Example</th>") }
        raw("</tr>\n</thead>\n<tbody>\n")
        for row in table.rows {
            raw("<tr><th scope=\"row\">")
            escaped(row.name)
            if row.required { raw(" <span class=\"required-badge\">Required</span>") }
            raw("</th>")
            if table.hasDescription {
                raw("<td>")
                raw(row.description)
                raw("</td>")
            }
            if table.hasDefault {
                raw("<td>")
                escaped(row.defaultValue)
                raw("</td>")
            }
            if table.hasExample {
                raw("<td><code>")
                escaped(row.example)
                raw("</code></td>")
            }
            raw("</tr>\n")
        }
        raw("</tbody>\n</table>\n</div>\n")
    }

    /// `screen.mustache`: one line of output per kind of element, empty for the other kinds.
    private mutating func screen(_ screen: ScreenView) {
        raw("<figure class=\"screen\">\n<figcaption class=\"screen-title\">")
        raw("<span class=\"visually-hidden\">Screen: </span>")
        escaped(screen.title)
        raw("</figcaption>\n<div class=\"screen-body\">\n")
        for line in screen.lines { screenLine(line) }
        raw("</div>\n</figure>\n")
    }

    private mutating func screenLine(_ line: ScreenView.Line) {
        if line.isHeading { labelled("<p class=\"wf-heading\">", line.label, "</p>") }
        raw("\n")
        if line.isText { labelled("<p class=\"wf-text\">", line.label, "</p>") }
        raw("\n")
        if line.isInput {
            raw("<div class=\"wf-input\"><span class=\"wf-label\">")
            escaped(line.label)
            if line.required {
                raw("<span class=\"wf-required\" aria-hidden=\"true\">*</span>")
                raw("<span class=\"visually-hidden\"> (required)</span>")
            }
            raw("</span><span class=\"wf-field\">")
            if line.hasValue { escaped(line.value) }
            raw("</span></div>")
        }
        raw("\n")
        if line.isCheckbox { option(line, kind: "checkbox", states: ("Checked", "Unchecked"), noun: "check box") }
        raw("\n")
        if line.isRadio { option(line, kind: "radio", states: ("Selected", "Not selected"), noun: "option") }
        raw("\n")
        if line.isButtons {
            raw("<div class=\"wf-buttons\">")
            for button in line.buttons {
                raw(button.isPrimary ? "<span class=\"wf-button is-primary\">" : "<span class=\"wf-button\">")
                raw("<span class=\"visually-hidden\">Button: </span>")
                escaped(button.label)
                raw("</span>")
            }
            raw("</div>")
        }
        raw("\n")
    }

    private mutating func labelled(_ open: String, _ label: String, _ close: String) {
        raw(open)
        escaped(label)
        raw(close)
    }

    /// A check box or radio option of a screen.
    private mutating func option(_ line: ScreenView.Line, kind: String, states: (String, String), noun: String) {
        raw("<div class=\"wf-option\"><span class=\"wf-\(kind)")
        raw(line.checked ? " is-checked\" aria-hidden=\"true\">" : "\" aria-hidden=\"true\">")
        raw("</span><span class=\"visually-hidden\">\(line.checked ? states.0 : states.1) \(noun): </span>")
        escaped(line.label)
        raw("</div>")
    }

    /// `choice.mustache`.
    private mutating func choice(_ choice: ChoiceView) {
        raw("<ul class=\"choice\">\n")
        for option in choice.options {
            raw(option.isSelected ? "<li class=\"choice-option is-selected\">\n" : "<li class=\"choice-option\">\n")
            raw("<p class=\"choice-label\">")
            escaped(option.label)
            if option.isSelected { raw(" <span class=\"chosen-badge\">Chosen in this flow</span>") }
            raw("</p>\n")
            if option.hasProperties {
                raw("<ul class=\"choice-properties\">")
                for property in option.properties { labelled("<li>", property, "</li>") }
                raw("</ul>")
            }
            raw("\n")
            if option.hasLink {
                raw("<p class=\"choice-link\"><a href=\"")
                escaped(option.href)
                raw("\">")
                escaped(option.linkTitle)
                raw("</a></p>")
            }
            raw("\n</li>\n")
        }
        raw("</ul>\n")
    }
}
