import FlowJSON
import Foundation

/// How adapters write a JSON file: the same way as the `json` export.
enum AdapterJSON {
    /// `value` pretty-printed with sorted keys, unescaped slashes and a final newline.
    static func encode(_ value: some Encodable) throws -> Data {
        try FlowJSONExporter.encode(value)
    }
}
