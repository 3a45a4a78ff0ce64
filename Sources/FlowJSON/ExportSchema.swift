public import Foundation

/// The JSON Schema (draft 2020-12) of the export document, shipped with flowdoc.
///
/// The schema is edited in `Resources/flowdoc-export.schema.json` and compiled into flowdoc
/// (``text``, written by `scripts/embed-resources.py`), so an installed binary needs no
/// resource folder.
public enum ExportSchema {
    /// The schema file's name, as the site writes it next to `flows.json`.
    public static let fileName = "flowdoc-export.schema.json"

    /// The schema's bytes.
    public static func data() -> Data {
        Data(text.utf8)
    }
}
