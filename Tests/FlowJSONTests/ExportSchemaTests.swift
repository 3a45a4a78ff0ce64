import FlowJSON
import FlowTestSupport
import Foundation
import Testing

/// The schema compiled into flowdoc (`ExportSchema+Text.swift`) is exactly
/// `Sources/FlowJSON/Resources/flowdoc-export.schema.json`: after editing the file, run
/// `scripts/embed-resources.py`.
struct ExportSchemaTests {
    @Test func compiledSchemaMatchesItsFile() throws {
        let file = Fixtures.packageRoot.appendingPathComponent("Sources/FlowJSON/Resources/flowdoc-export.schema.json")
        #expect(
            ExportSchema.data() == (try Data(contentsOf: file)),
            "Sources/FlowJSON/ExportSchema+Text.swift is stale: run scripts/embed-resources.py"
        )
    }

    @Test func compiledSchemaIsJSONSchema() throws {
        let object = try JSONSerialization.jsonObject(with: ExportSchema.data()) as? [String: Any]
        #expect(object?["$schema"] as? String == "https://json-schema.org/draft/2020-12/schema")
    }
}
