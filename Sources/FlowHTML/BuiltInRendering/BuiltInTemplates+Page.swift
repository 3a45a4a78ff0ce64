// The page templates: `flow`, `overview`, `page-part`, `flow-card` and `layout`.
// Each function follows its `.mustache` file in Resources/Templates line by line.

extension BuiltInTemplates {
    /// `flow.mustache`.
    mutating func flow(_ page: FlowPageView) {
        raw("<article class=\"flow\" data-flow=\"")
        escaped(page.id)
        raw("\">\n<header class=\"flow-header\">\n<h1>")
        escaped(page.title)
        raw("</h1>\n<p class=\"flow-meta\">\n")
        for facet in page.facets {
            raw("<span class=\"facet\"><span class=\"facet-name\">")
            escaped(facet.name)
            raw(":</span> ")
            escaped(facet.value)
            raw("</span>\n")
        }
        if page.hasUpdated { updated(page.updated) }
        raw("\n</p>\n</header>\n")
        bodyStart(page)
        if page.hasPager {
            raw("<nav class=\"pager\" aria-label=\"Previous and next flows\">\n")
            for link in page.previousFlow { pagerLink(link, kind: "prev", label: "Previous flow") }
            raw("\n")
            for link in page.nextFlow { pagerLink(link, kind: "next", label: "Next flow") }
            raw("\n</nav>\n")
        }
        raw("<p class=\"flow-json\"><a href=\"")
        escaped(page.jsonHref)
        raw("\">This flow as JSON</a></p>\n</div>\n</div>\n</article>\n")
    }

    /// `overview.mustache`.
    mutating func overview(_ page: FlowPageView) {
        raw("<article class=\"overview\">\n<header class=\"flow-header\">\n<h1>")
        escaped(page.title)
        raw("</h1>\n")
        if page.hasUpdated {
            raw("<p class=\"flow-meta\">")
            updated(page.updated)
            raw("</p>")
        }
        raw("\n</header>\n")
        bodyStart(page)
        if page.hasGroups {
            raw("<section class=\"listing\" aria-labelledby=\"all-flows\">\n<h2 id=\"all-flows\">All flows</h2>\n")
            for group in page.groups {
                raw("<section class=\"listing-group\" aria-labelledby=\"")
                escaped(group.anchor)
                raw("\">\n<h3 id=\"")
                escaped(group.anchor)
                raw("\">")
                escaped(group.title)
                raw("</h3>\n<ul class=\"cards\">\n")
                for card in group.flows { flowCard(card) }
                raw("\n</ul>\n</section>\n")
            }
            raw("</section>\n")
        }
        raw("</div>\n</div>\n</article>\n")
    }

    /// The layout, the table of contents and the body's parts, which flow and overview pages share.
    private mutating func bodyStart(_ page: FlowPageView) {
        raw("<div class=\"flow-layout\">\n")
        tableOfContents(page)
        raw("<div class=\"flow-body\">\n")
        for part in page.parts { pagePart(part) }
        raw("\n")
    }

    private mutating func updated(_ date: String) {
        raw("<span class=\"updated\">Last updated <time datetime=\"")
        escaped(date)
        raw("\">")
        escaped(date)
        raw("</time></span>")
    }

    private mutating func tableOfContents(_ page: FlowPageView) {
        guard page.hasTOC else { return }
        raw("<nav class=\"toc\" aria-labelledby=\"toc-title\">\n<h2 id=\"toc-title\">On this page</h2>\n<ul>\n")
        for entry in page.toc {
            raw(entry.isSub ? "<li class=\"toc-sub\"><a href=\"#" : "<li><a href=\"#")
            escaped(entry.anchor)
            raw("\">")
            escaped(entry.title)
            raw("</a></li>\n")
        }
        raw("</ul>\n</nav>\n")
    }

    private mutating func pagerLink(_ link: FlowLinkView, kind: String, label: String) {
        raw("<a class=\"pager-link pager-\(kind)\" href=\"")
        escaped(link.href)
        raw("\" rel=\"\(kind)\"><span class=\"pager-label\">\(label)</span> <span class=\"pager-title\">")
        escaped(link.title)
        raw("</span></a>")
    }

    /// `page-part.mustache`.
    private mutating func pagePart(_ part: PagePartView) {
        for heading in part.heading {
            raw("<h\(heading.level) id=\"")
            escaped(heading.anchor)
            raw("\">")
            raw(heading.html)
            raw("</h\(heading.level)>\n")
        }
        for callout in part.callout { self.callout(callout) }
        raw("\n")
        for prose in part.prose {
            raw(prose)
            raw("\n")
        }
        for cards in part.nextCards {
            raw("<ul class=\"cards next-cards\">\n")
            for card in cards.flows { flowCard(card) }
            raw("\n</ul>\n")
        }
        for procedure in part.procedure {
            raw("<div class=\"procedure\" data-procedure=\"")
            escaped(procedure.key)
            raw("\" data-step-count=\"\(procedure.stepCount)\">\n<ol class=\"steps\">\n")
            for step in procedure.steps { self.step(step) }
            raw("\n</ol>\n</div>\n")
        }
    }

    /// `flow-card.mustache`.
    ///
    /// The summary section always renders: Mustache renders a section for every string, the empty one too.
    private mutating func flowCard(_ card: FlowLinkView) {
        raw("<li class=\"card\"><a class=\"card-link\" href=\"")
        escaped(card.href)
        raw("\"><span class=\"card-title\">")
        escaped(card.title)
        raw("</span>")
        if card.hasMode {
            raw(" <span class=\"badge\">")
            escaped(card.mode)
            raw(" mode</span>")
        }
        raw("</a><p class=\"card-summary\">")
        escaped(card.summary)
        raw("</p></li>\n")
    }

    /// `layout.mustache`.
    mutating func layout(_ page: LayoutView) {
        // The body is most of the page: room for it at once, rather than doubling past it (the
        // flow graph of 10,000 pages is 8 MB).
        reserve(page.body.utf8.count + 8 * 1024)
        raw(
            "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>"
        )
        escaped(page.title)
        raw("</title>\n<meta name=\"description\" content=\"")
        escaped(page.description)
        raw("\">\n<meta name=\"color-scheme\" content=\"light dark\">\n<link rel=\"stylesheet\" href=\"")
        escaped(page.root)
        raw("assets/flowdoc.css\">\n")
        for script in page.jsonLD {
            raw("<script type=\"application/ld+json\">")
            raw(script)
            raw("</script>\n")
        }
        raw("</head>\n<body class=\"page-")
        escaped(page.pageKind)
        raw("\">\n<a class=\"skip-link\" href=\"#main\">Skip to content</a>\n<header class=\"site-header\">\n")
        raw("<div class=\"site-header-inner\">\n<a class=\"site-title\" href=\"")
        escaped(page.root)
        raw("index.html\">")
        escaped(page.siteTitle)
        raw("</a>\n<nav class=\"site-nav\" aria-label=\"Site\">\n<a href=\"")
        escaped(page.root)
        raw("index.html\">All flows</a>\n<a href=\"")
        escaped(page.root)
        raw("graph.html\">Flow map</a>\n</nav>\n<form class=\"site-search\" role=\"search\" action=\"")
        escaped(page.root)
        raw(
            "search.html\" method=\"get\">\n"
                + "<label for=\"site-search-input\" class=\"visually-hidden\">Search flows</label>\n"
                + "<input id=\"site-search-input\" type=\"search\" name=\"q\" placeholder=\"Search flows\" "
                + "autocomplete=\"off\">\n<button type=\"submit\">Search</button>\n</form>\n</div>\n</header>\n"
        )
        if page.hasBreadcrumbs { breadcrumbs(page.breadcrumbs) }
        raw("<main id=\"main\" tabindex=\"-1\">\n")
        raw(page.body)
        raw("\n</main>\n<footer class=\"site-footer\">\n<p>")
        escaped(page.siteTitle)
        raw(" · <a href=\"")
        escaped(page.root)
        raw("flows.json\">All flows as JSON</a> · <a href=\"")
        escaped(page.root)
        raw("sitemap.xml\">Sitemap</a></p>\n</footer>\n")
        for script in page.scripts {
            raw("<script src=\"")
            escaped(page.root)
            escaped(script)
            raw("\"></script>\n")
        }
        raw("<script src=\"")
        escaped(page.root)
        raw("assets/flowdoc.js\"></script>\n</body>\n</html>\n")
    }

    private mutating func breadcrumbs(_ crumbs: [LayoutView.Crumb]) {
        raw("<nav class=\"breadcrumbs\" aria-label=\"Breadcrumb\">\n<ol>\n")
        for crumb in crumbs {
            if crumb.isCurrent {
                raw("<li><span aria-current=\"page\">")
                escaped(crumb.title)
                raw("</span></li>\n")
            } else {
                raw("<li><a href=\"")
                escaped(crumb.href)
                raw("\">")
                escaped(crumb.title)
                raw("</a></li>\n")
            }
        }
        raw("</ol>\n</nav>\n")
    }

    /// `graph.mustache`: the flow graph page's body around its drawing.
    mutating func graph(svg: String) {
        reserve(svg.utf8.count + 1024)
        raw(
            "<article class=\"graph-page\">\n<h1>Flow map</h1>\n<p>Each box is a flow; select one to open it. "
                + "Solid arrows lead to what comes next, dashed arrows to the flow for another option of a choice.</p>\n"
                + "<div class=\"graph-scroll\" tabindex=\"0\" role=\"region\" aria-label=\"Flow map drawing\">\n"
        )
        raw(svg)
        raw("\n</div>\n</article>\n")
    }
}
