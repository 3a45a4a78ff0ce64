import FlowModel
import FlowParser
import FlowTestSupport
import Mustache
import Testing

@testable import FlowHTML

/// The view models answer template lookups themselves (`Views+MustacheParent.swift`); every
/// stored property must be answered, or a template would silently render it empty.
@Suite struct MustacheLookupTests {
    @Test func everyViewModelPropertyIsAnsweredByName() async throws {
        let content = try await ContentLoader().load(from: Fixtures.shippedContent)
        let context = SiteContext(content: content, options: SiteOptions())
        var views: [Any] = content.publishedFlows.map { FlowPageBuilder(context: context, flow: $0).build() }
        views.append(
            LayoutView(
                title: "t",
                siteTitle: "s",
                description: "d",
                root: "",
                pageKind: "flow",
                breadcrumbs: [LayoutView.Crumb(title: "Home", href: "index.html", isCurrent: true)],
                hasBreadcrumbs: true,
                body: "",
                jsonLD: [],
                scripts: []
            )
        )
        var missing: Set<String> = []
        var checkedTypes: Set<String> = []
        for view in views { Self.visit(view, missing: &missing, checkedTypes: &checkedTypes) }
        #expect(missing.isEmpty, "Not answered, or answered wrongly, by child(named:): \(missing.sorted())")
        for name in ["FlowPageView", "StepView", "FieldTableView", "ScreenView", "ChoiceView", "Crumb"] {
            #expect(checkedTypes.contains { $0.hasSuffix(name) }, "The fixture has no \(name) to check")
        }
    }

    /// Checks `value` and everything inside it.
    static func visit(_ value: Any, missing: inout Set<String>, checkedTypes: inout Set<String>) {
        let mirror = Mirror(reflecting: value)
        if mirror.displayStyle == .struct {
            let type = String(reflecting: Swift.type(of: value))
            if let parent = value as? any MustacheParent {
                checkedTypes.insert(type)
                for child in mirror.children {
                    guard let label = child.label else { continue }
                    let answer = parent.child(named: label).map { String(describing: $0) }
                    if answer != String(describing: child.value) { missing.insert("\(type).\(label)") }
                }
            } else if type.hasPrefix("FlowHTML.") {
                missing.insert("\(type) (not a MustacheParent)")
            }
        }
        for child in mirror.children {
            visit(child.value, missing: &missing, checkedTypes: &checkedTypes)
        }
    }
}
