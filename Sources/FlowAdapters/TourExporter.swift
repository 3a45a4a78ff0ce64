public import FlowModel

/// A guided-tour definition per flow, in the step shape Shepherd.js and Intro.js read.
///
/// ```markdown
/// 2. Click **Initiate Connection**.
/// ```
/// becomes the tour step
/// ```json
/// {
///   "attachTo" : { "element" : "[aria-label=\"Initiate Connection\"]", "on" : "bottom" },
///   "buttons" : [ { "action" : "back", "text" : "Back" }, { "action" : "next", "text" : "Next" } ],
///   "id" : "step-2",
///   "target" : { "name" : "Initiate Connection", "role" : "button" },
///   "text" : "Click Initiate Connection.",
///   "title" : "Step 2"
/// }
/// ```
///
/// Targets are given by accessible name (``AccessibleTarget``) so a host app can map them to its
/// elements: `attachTo.element` is a CSS selector by `aria-label`, `target` the role and name pair
/// for `getByRole`-style lookups. A step without a UI target has neither and shows centred.
/// The first step has no Back button; the last one has Done (`complete`) instead of Next.
public struct TourExporter: Sendable {
    /// Where the tour popover sits relative to its element.
    public var placement: String

    /// Creates an exporter that places popovers `placement` (`bottom`, `top`, `left`, `right`).
    public init(placement: String = "bottom") {
        self.placement = placement
    }

    /// The tour of `flow`, or `nil` when the flow has no steps.
    public func tour(for flow: Flow, product: ProductModel? = nil) -> Tour? {
        let resolver = TargetResolver(flow: flow, product: product)
        let procedures = flow.procedures.filter { !$0.steps.isEmpty }
        let total = procedures.reduce(0) { $0 + $1.steps.count }
        guard total > 0 else { return nil }
        var steps: [Tour.Step] = []
        for procedure in procedures {
            for step in procedure.steps {
                let position = steps.count + 1
                let target = resolver.targets(of: step).first
                var buttons: [Tour.Button] = []
                if position > 1 { buttons.append(Tour.Button(text: "Back", action: "back")) }
                buttons.append(
                    position == total
                        ? Tour.Button(text: "Done", action: "complete") : Tour.Button(text: "Next", action: "next")
                )
                steps.append(
                    Tour.Step(
                        id: procedures.count > 1 ? "\(Slug.make(procedure.title))-\(step.anchor)" : step.anchor,
                        title: procedures.count > 1 ? "\(procedure.title): Step \(step.number)" : "Step \(step.number)",
                        text: step.text,
                        attachTo: target.map { Tour.Attachment(element: $0.selector, on: placement) },
                        target: target.map { Tour.Target(role: $0.role.rawValue, name: $0.name) },
                        buttons: buttons
                    )
                )
            }
        }
        return Tour(id: flow.id, title: flow.title, steps: steps)
    }

    /// The tours of every published flow that has steps, in path order.
    public func tours(for content: ContentSet) -> [Tour] {
        content.publishedFlows.compactMap { tour(for: $0, product: content.product) }
    }
}

/// A guided tour: Shepherd.js `new Shepherd.Tour().addSteps(tour.steps)`, or Intro.js after
/// mapping `attachTo.element` to `element` and `text` to `intro`.
public struct Tour: Sendable, Hashable, Codable {
    /// The flow's id.
    public var id: String
    public var title: String
    public var steps: [Step]

    /// One stop of the tour.
    public struct Step: Sendable, Hashable, Codable {
        /// Unique in the tour: the step's anchor (prefixed with the procedure's slug when a flow has several).
        public var id: String
        public var title: String
        public var text: String
        public var attachTo: Attachment?
        public var target: Target?
        public var buttons: [Button]
    }

    /// Shepherd's `attachTo`: a CSS selector and the popover's side.
    public struct Attachment: Sendable, Hashable, Codable {
        public var element: String
        public var on: String

        public init(element: String, on: String) {
            self.element = element
            self.on = on
        }
    }

    /// The UI element by ARIA role and accessible name.
    public struct Target: Sendable, Hashable, Codable {
        public var role: String
        public var name: String

        public init(role: String, name: String) {
            self.role = role
            self.name = name
        }
    }

    /// A tour button: Shepherd maps `action` to `tour.back()`, `tour.next()`, `tour.complete()`.
    public struct Button: Sendable, Hashable, Codable {
        public var text: String
        public var action: String

        public init(text: String, action: String) {
            self.text = text
            self.action = action
        }
    }
}
