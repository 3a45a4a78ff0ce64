import FlowJSON
import FlowModel
import Foundation

/// Writes `flows.json` from the `json/<id>.json` files already in the staging folder.
///
/// `flows.json` holds exactly the per-flow documents, indented four more spaces, in path
/// order. Encoding every flow a second time was a tenth of a build; re-indenting the bytes
/// costs a copy, and streaming them keeps the whole export out of memory. A test compares
/// the result with ``FlowJSON/FlowJSONExporter/export(_:)``.
enum FlowsJSONAssembler {
    /// Writes `flows.json` into `staging` for `flows`, whose JSON files must be written already.
    static func write(flows: [Flow], exporter: FlowJSONExporter, into staging: SiteStaging) throws {
        let output = try staging.open("flows.json")
        defer { output.close() }
        try ExportDocumentStream.write(
            generator: exporter.generator,
            flowCount: flows.count,
            flowJSON: { index in
                let path = SitePaths.json(forFlowID: flows[index].id)
                guard let data = FileManager.default.contents(atPath: staging.root.path + "/" + path) else {
                    throw SiteWriterError(path: path, reason: "can't read the flow's JSON back")
                }
                return data
            },
            to: { try output.append($0) }
        )
    }
}
