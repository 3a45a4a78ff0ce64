import FlowJSON
import Foundation

/// The part of `flows.json` that one task of a build makes: the JSON of its flows, made now or
/// taken from the previous build's `flows.json` as ranges of that file.
///
/// The ranges are copied file to file by ``FlowsJSONAssembler`` (`copy_file_range`), never
/// through this process's memory; ranges that follow each other in the previous file are merged,
/// so that a chunk of unchanged flows is one copy.
typealias FlowsJSONChunk = SplicedBytes

extension FlowsJSONChunk {
    /// Appends the JSON of one flow; `isFirst` for the first flow of the whole document.
    mutating func append(_ json: Data, isFirst: Bool) {
        appendMade {
            ExportDocumentStream.appendFlow(json, isFirst: isFirst, layout: SiteGenerator.jsonLayout, to: &$0)
        }
    }
}
