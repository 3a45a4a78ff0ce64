import FlowCheck
import FlowCore
import FlowModel
import Foundation
import Testing

@Suite struct MetadataAndProductRuleTests {
    @Test(arguments: [
        ("2026-13-01", "'updated' value '2026-13-01' is not a date"),
        ("15.01.2026", "'updated' value '15.01.2026' is not a date"),
        ("2026-04-02", "'updated' date 2026-04-02 is in the future"),
    ])
    func reportsInvalidUpdatedDate(value: String, message: String) {
        let found = run(InvalidUpdatedDate(), ["a.md": "---\nupdated: \(value)\n---\n# A\n"])
        #expect(found.map(\.brief) == ["a.md:2:1: warning: \(message) [InvalidUpdatedDate]"])
    }

    @Test func acceptsUpdatedDateUpToToday() {
        #expect(run(InvalidUpdatedDate(), ["a.md": "---\nupdated: 2026-04-01\n---\n# A\n"]).isEmpty)
        #expect(run(InvalidUpdatedDate(), ["a.md": "---\nupdated: 2024-02-29\n---\n# A\n"]).isEmpty)
    }

    @Test func reportsMissingRequiredFacet() {
        let configuration = CheckConfiguration(requiredFacets: ["product", "platform"])
        let found = run(MissingFacet(), ["a.md": "---\nproduct: Exalate\n---\n# A\n"], configuration: configuration)
        #expect(
            found.map(\.brief) == ["a.md:1:1: warning: Page does not set the required facet 'platform' [MissingFacet]"]
        )
        #expect(
            run(MissingFacet(), ["a.md": "---\nproduct: E\nplatform: Jira\n---\n# A\n"], configuration: configuration)
                .isEmpty
        )
        #expect(run(MissingFacet(), ["a.md": "# A\n"]).isEmpty, "No facet is required by default")
    }

    static let product = ProductModel(
        screens: [
            .init(
                title: "Initiate connection",
                fields: [
                    .init(name: "Destination instance URL", required: true), .init(name: "Notes", required: false),
                ],
                buttons: ["Next"]
            )
        ],
        labels: ["Connections", "Initiate Connection"],
        source: "_product.yml"
    )

    @Test func reportsUITargetUnknownToProductModel() {
        let page = "# A\n\n1. Open the **Conections** tab.\n2. Click **Initiate Connection**.\n"
        let found = run(UnknownUITarget(), ["a.md": page], product: Self.product)
        #expect(
            found.map(\.brief) == [
                "a.md:3:13: warning: UI target 'Conections' is not in the product model; did you mean 'Connections'? [UnknownUITarget]"
            ]
        )
        #expect(run(UnknownUITarget(), ["a.md": page]).isEmpty, "No product model, nothing to check against")
        #expect(
            run(
                UnknownUITarget(),
                ["a.md": "# A\n\n1. Open **Connections**.\n2. Click **Next**.\n"],
                product: Self.product
            ).isEmpty
        )
    }

    @Test func reportsScreenUnknownToProductModel() {
        let page =
            "# A\n\n1. Click **Next**.\n\n   ```screen Initiate conection\n   [Next]\n   ```\n2. Click **Next**.\n"
        let found = run(UnknownScreen(), ["a.md": page], product: Self.product)
        #expect(
            found.map(\.brief) == [
                "a.md:5:4: warning: Screen 'Initiate conection' is not in the product model; did you mean 'Initiate connection'? [UnknownScreen]"
            ]
        )
        let good = page.replacingOccurrences(of: "conection", with: "connection")
        #expect(run(UnknownScreen(), ["a.md": good], product: Self.product).isEmpty)
    }

    @Test func reportsScreenFieldsThatDifferFromProductModel() {
        let page =
            "# A\n\n1. Enter it.\n\n   ```screen Initiate connection\n   Destination instance URL: x\n   Note\n   [Nxt]\n   ```\n2. Click **Next**.\n"
        let found = run(ScreenFieldMismatch(), ["a.md": page], product: Self.product)
        #expect(
            found.map(\.brief) == [
                "a.md:6:4: warning: Field 'Destination instance URL' is optional here but required in the product model [ScreenFieldMismatch]",
                "a.md:7:4: warning: Field 'Note' is not on screen 'Initiate connection' in the product model; did you mean 'Notes'? [ScreenFieldMismatch]",
                "a.md:8:4: warning: Button 'Nxt' is not on screen 'Initiate connection' in the product model; did you mean 'Next'? [ScreenFieldMismatch]",
            ]
        )
        let good =
            "# A\n\n1. Enter it.\n\n   ```screen Initiate connection\n   Destination instance URL*: x\n   [Next]\n   ```\n2. Click **Next**.\n"
        #expect(run(ScreenFieldMismatch(), ["a.md": good], product: Self.product).isEmpty)
    }

    @Test func reportsRawHTMLUnlessUnsafeHTMLIsOn() {
        let page = "# A\n\nLine<br>break.\n\n<div class=\"x\">\nhi\n</div>\n\n<!-- a comment -->\n"
        let found = run(RawHTMLDropped(), ["a.md": page])
        #expect(
            found.map(\.brief) == [
                "a.md:3:5: warning: Raw HTML '<br>' is dropped from the page [RawHTMLDropped]",
                "a.md:5:1: warning: Raw HTML '<div class=\"x\"> hi </div>' is dropped from the page [RawHTMLDropped]",
            ]
        )
        #expect(run(RawHTMLDropped(), ["a.md": page], configuration: CheckConfiguration(unsafeHTML: true)).isEmpty)
        #expect(run(RawHTMLDropped(), ["a.md": "# A\n\nNo *HTML* here.\n"]).isEmpty)
    }
}
