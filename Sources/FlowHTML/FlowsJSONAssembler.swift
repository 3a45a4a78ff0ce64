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
        let empty = ContentSet(flows: [], assets: [], product: nil, diagnostics: [])
        let skeleton = [UInt8](try FlowJSONExporter.encode(exporter.document(for: empty)))
        let opening = Array("{\n  \"flows\" : [\n".utf8)
        guard !flows.isEmpty, skeleton.starts(with: opening) else {
            try staging.write(Data(skeleton), to: "flows.json")
            return
        }
        let output = try staging.open("flows.json")
        defer { output.close() }
        try output.append(opening)
        var buffer: [UInt8] = []
        for (index, flow) in flows.enumerated() {
            let path = staging.root.path + "/" + SitePaths.json(forFlowID: flow.id)
            guard let data = FileManager.default.contents(atPath: path) else {
                throw SiteWriterError(
                    path: SitePaths.json(forFlowID: flow.id),
                    reason: "can't read the flow's JSON back"
                )
            }
            buffer.removeAll(keepingCapacity: true)
            if index > 0 { buffer += [UInt8(ascii: ","), UInt8(ascii: "\n")] }
            indent(data, into: &buffer)
            try output.append(buffer)
        }
        try output.append(skeleton[opening.count...])
    }

    /// Appends `json` without its final line break, every non-empty line indented by four spaces.
    static func indent(_ json: Data, into buffer: inout [UInt8]) {
        json.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) in
            var end = bytes.count
            while end > 0, bytes[end - 1] == UInt8(ascii: "\n") { end -= 1 }
            buffer.reserveCapacity(buffer.count + end + end / 8)
            var lineStart = true
            for index in 0..<end {
                let byte = bytes[index]
                if lineStart, byte != UInt8(ascii: "\n") { buffer += [0x20, 0x20, 0x20, 0x20] }
                buffer.append(byte)
                lineStart = byte == UInt8(ascii: "\n")
            }
        }
    }
}
