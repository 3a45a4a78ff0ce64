import FlowCheck
import FlowCore
import Testing

@Suite struct LinkRuleTests {
    static let target = "# B\n\n## Options\n\n1. Click **A**.\n2. Click **B**.\n"

    @Test func reportsLinksAndAnchorsThatResolveToNothing() {
        let page = """
            # A

            See [b](b.md#step-9), [c](c.md), [here](#nowhere) and [opts](b.md#option).

            """
        let found = run(BrokenLink(), ["a.md": page, "b.md": Self.target])
        #expect(
            found.map(\.brief) == [
                "a.md:3:5: error: Link to 'b.md#step-9' names no heading or step of 'b.md'; did you mean '#step-1'? [BrokenLink]",
                "a.md:3:23: error: Link to 'c.md' points to nothing; did you mean 'b.md'? [BrokenLink]",
                "a.md:3:34: error: Link to '#nowhere' names no heading or step of this page [BrokenLink]",
                "a.md:3:55: error: Link to 'b.md#option' names no heading or step of 'b.md'; did you mean '#options'? [BrokenLink]",
            ]
        )
    }

    @Test func acceptsLinksToPagesStepsHeadingsAndAssets() {
        let page =
            "# A\n\n## Top\n\n[b](b.md#step-2), [o](b.md#options), [t](#top), [i](img/x.png), [w](https://example.com/x).\n"
        #expect(run(BrokenLink(), ["a.md": page, "b.md": Self.target], assets: ["img/x.png"]).isEmpty)
    }

    @Test func reportsLinkAndImageLeavingTheContentFolder() {
        let found = run(LinkOutsideContent(), ["a.md": "# A\n\n[r](../README.md) ![x](/etc/x.png)\n"])
        #expect(
            found.map(\.brief) == [
                "a.md:3:1: error: Link '../README.md' points outside the content folder [LinkOutsideContent]",
                "a.md:3:19: error: Image '/etc/x.png' points outside the content folder [LinkOutsideContent]",
            ]
        )
        #expect(run(LinkOutsideContent(), ["a.md": "# A\n\n[b](b.md)\n", "b.md": "# B\n"]).isEmpty)
    }

    @Test func reportsMissingImageAndImageWithoutAlt() {
        let page = "# A\n\n![Dialog](images/dialg.svg)\n\n![](images/dialog.svg)\n"
        let missing = run(MissingImage(), ["a.md": page], assets: ["images/dialog.svg"])
        #expect(
            missing.map(\.brief) == [
                "a.md:3:1: error: Image 'images/dialg.svg' does not exist; did you mean 'images/dialog.svg'? [MissingImage]"
            ]
        )
        let alt = run(ImageMissingAlt(), ["a.md": page], assets: ["images/dialog.svg"])
        #expect(alt.map(\.brief) == ["a.md:5:1: warning: Image 'images/dialog.svg' has no alt text [ImageMissingAlt]"])
        let good = "# A\n\n![The dialog](images/dialog.svg)\n"
        #expect(run(MissingImage(), ["a.md": good], assets: ["images/dialog.svg"]).isEmpty)
        #expect(run(ImageMissingAlt(), ["a.md": good], assets: ["images/dialog.svg"]).isEmpty)
    }

    @Test func reportsNextTargetsThatAreNotFlows() {
        let flow =
            "---\nnext: [nothing-here]\n---\n# A\n\n1. Click **A**.\n2. Click **B**.\n\n## What's next\n\n- [Overview](index.md)\n- [Picture](d.svg)\n"
        let found = run(NextTargetNotFlow(), ["a.md": flow, "index.md": "# Home\n\n[a](a.md)\n"], assets: ["d.svg"])
        #expect(
            found.map(\.brief) == [
                "a.md:2:1: warning: Next target 'nothing-here' names no page or flow ID [NextTargetNotFlow]",
                "a.md:11:3: warning: Next target 'index.md' is an overview page, not a flow [NextTargetNotFlow]",
                "a.md:12:3: warning: Next target 'd.svg' is a file, not a flow [NextTargetNotFlow]",
            ]
        )
        let good = "# A\n\n1. Click **A**.\n2. Click **B**.\n\n## What's next\n\n- [B](b.md)\n"
        #expect(run(NextTargetNotFlow(), ["a.md": good, "b.md": "# B\n\n1. Click **A**.\n2. Click **B**.\n"]).isEmpty)
    }
}
