import FlowCore
import FlowModel
import FlowParser
import FlowProse
import FlowTestSupport
import Testing

/// The help center shipped in `content/`: a real flow graph around the seed's flow.
@Suite struct ShippedContentTests {
    let content: ContentSet

    init() async throws {
        content = try await ContentLoader().load(from: Fixtures.shippedContent)
    }

    @Test func hasAtLeastTwentyPagesAndParsesCleanly() {
        #expect(content.flows.count >= 20)
        #expect(content.diagnostics.isEmpty, "Unexpected: \(content.diagnostics.map(\.summary))")
    }

    @Test func everyPageIsReachableFromTheIndex() throws {
        let resolver = LinkResolver(content: content)
        var reached: Set<String> = ["index"]
        var queue = ["index"]
        while let id = queue.popLast() {
            let flow = try #require(content.flow(id: id))
            let destinations = flow.links.map(\.destination) + flow.next.map(\.destination)
            for destination in destinations {
                guard case .flow(let target, _) = resolver.resolve(destination, from: flow.source, allowsFlowID: true),
                    reached.insert(target).inserted
                else { continue }
                queue.append(target)
            }
        }
        let unreachable = Set(content.flows.map(\.id)).subtracting(reached)
        #expect(unreachable.isEmpty, "Not reachable from index.md: \(unreachable.sorted())")
    }

    @Test func everyFlowHasStepsAndEveryPageHasFacets() {
        for flow in content.flows {
            #expect(flow.metadata.product == "Exalate", "\(flow.source) has no product")
            #expect(flow.metadata.platform != nil, "\(flow.source) has no platform")
            #expect(flow.metadata.mode != nil, "\(flow.source) has no mode")
            #expect(flow.metadata.updated != nil, "\(flow.source) has no updated date")
            if flow.kind == .flow {
                #expect(flow.steps.count >= 2, "\(flow.source) has too few steps")
            }
        }
        #expect(content.flows.filter { $0.kind == .flow }.count >= 15)
    }

    @Test func coversTheSeedPlatformAndAtLeastThreeOthers() {
        let platforms = Set(content.flows.compactMap(\.metadata.platform))
        for platform in ["Salesforce", "Jira Cloud", "ServiceNow", "Zendesk"] {
            #expect(platforms.contains(platform), "No page for \(platform)")
        }
        let modes = Set(content.flows.compactMap(\.metadata.mode))
        #expect(modes.isSuperset(of: ["Script", "Visual", "Basic"]))
    }

    @Test func carriesTheSeedFlowConsistently() throws {
        let flow = try #require(content.flow(id: "salesforce/initiate-connection-script-mode"))
        #expect(flow.steps.map(\.number) == Array(1...9))
        #expect(flow.steps[3].choice?.selected?.label == "Script")
        let table = try #require(flow.steps[5].fieldTable)
        let screen = try #require(flow.steps[5].screen)
        #expect(table.fields.map(\.name) == screen.fields.map(\.label))
        #expect(table.fields.map(\.required) == screen.fields.map(\.required))
        #expect(flow.callouts.map(\.kind).contains(.important))
    }

    @Test func usesTheFormatsRicherConstructs() {
        let steps = content.flows.flatMap(\.steps)
        #expect(steps.contains { !$0.substeps.isEmpty })
        #expect(steps.contains { $0.result != nil })
        #expect(steps.contains { $0.choice?.options.contains { $0.link != nil } == true })
        #expect(content.flows.contains { !$0.images.isEmpty })
        #expect(content.flows.allSatisfy { $0.images.allSatisfy { !$0.children.plainText.isEmpty } })
        let calloutKinds = Set(content.flows.flatMap { $0.callouts + $0.steps.flatMap(\.callouts) }.map(\.kind))
        #expect(calloutKinds.count >= 4)
        #expect(content.product != nil)
    }
}
