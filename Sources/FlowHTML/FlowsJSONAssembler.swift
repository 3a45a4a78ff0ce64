import FlowJSON
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes `flows.json` from the JSON of each flow, in pieces written by the build's tasks.
///
/// `flows.json` holds exactly the per-flow documents, in path order (``FlowJSON/ExportDocumentStream``). Each task of a build appends the flows of its chunk to a
/// part file as it writes their `json/<id>.json`; at the end the parts are joined in chunk order
/// and removed. Encoding every flow a second time, or reading every file back at the end, cost a
/// tenth and then a twentieth of a build on one core; joining parts is one copy. A test compares
/// the result with ``FlowJSON/FlowJSONExporter/export(_:layout:)``.
enum FlowsJSONAssembler {
    /// The part file of chunk `index`, in the staging folder's root; removed before the site is swapped in.
    static func partPath(_ index: Int) -> String { ".flows-json-part-\(index)" }

    /// Appends the flows of one chunk to its part file.
    struct PartWriter {
        private let file: SiteStaging.OutputFile
        private var buffer: [UInt8] = []

        /// Creates the part file of chunk `index` in `staging`.
        init(chunk index: Int, in staging: SiteStaging) throws {
            file = try staging.open(FlowsJSONAssembler.partPath(index))
        }

        /// Appends the JSON of one flow; `isFirst` for the first flow of the whole document.
        mutating func append(_ json: Data, isFirst: Bool) throws {
            buffer.removeAll(keepingCapacity: true)
            ExportDocumentStream.appendFlow(json, isFirst: isFirst, layout: SiteGenerator.jsonLayout, to: &buffer)
            try file.append(buffer)
        }

        /// Closes the file.
        ///
        /// - Throws: ``SiteWriterError`` when the system reports the write failed at close.
        func close() throws {
            guard file.close() == 0 else { throw SiteWriter.systemError(file.path, "can't write the file") }
        }
    }

    /// Writes `flows.json` into `staging` from the parts of `partCount` chunks, then removes the parts.
    ///
    /// - Parameters:
    ///   - partCount: The number of chunks, each of which wrote its part.
    ///   - flowCount: The number of flows in all.
    ///   - exporter: The exporter whose generator the document records.
    ///   - staging: The folder being built.
    /// - Throws: ``SiteWriterError`` for a part that can't be read or a failed write.
    static func join(partCount: Int, flowCount: Int, exporter: FlowJSONExporter, in staging: SiteStaging) throws {
        let frame = try ExportDocumentStream.frame(generator: exporter.generator, layout: SiteGenerator.jsonLayout)
        let output = try staging.open("flows.json")
        defer { output.close() }
        try output.append(flowCount == 0 ? frame.empty : frame.opening)
        for index in 0..<partCount {
            let path = staging.root.path + "/" + partPath(index)
            try copy(path, to: output)
            unlink(path)
        }
        if flowCount > 0 { try output.append(frame.closing) }
    }

    /// Appends the bytes of the file at `path` to `output`.
    private static func copy(_ path: String, to output: SiteStaging.OutputFile) throws {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw SiteWriter.systemError(path, "can't read a part of flows.json") }
        defer { close(descriptor) }
        var block = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let count = block.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            guard count >= 0 else { throw SiteWriter.systemError(path, "can't read a part of flows.json") }
            if count == 0 { return }
            try output.append(block[..<count])
        }
    }
}
