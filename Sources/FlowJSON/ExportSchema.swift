public import Foundation

/// The JSON Schema (draft 2020-12) of the export document, shipped with flowdoc.
public enum ExportSchema {
    /// The schema file's name, as the site writes it next to `flows.json`.
    public static let fileName = "flowdoc-export.schema.json"

    /// The schema's bytes.
    ///
    /// - Throws: When the resource bundle that holds the schema is missing from the installation.
    public static func data() throws -> Data {
        guard let url = Bundle.module.url(forResource: "flowdoc-export.schema", withExtension: "json") else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: fileName])
        }
        return try Data(contentsOf: url)
    }
}
