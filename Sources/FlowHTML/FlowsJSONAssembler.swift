import FlowJSON
import Foundation
import Synchronization

/// Writes `flows.json` from the JSON of each flow, as the build's tasks finish their chunks.
///
/// `flows.json` holds exactly the per-flow documents, in path order
/// (``FlowJSON/ExportDocumentStream``). Each task of a build collects the flows of its chunk in
/// memory as it writes their `json/<id>.json`, and hands them over when the chunk is done; the
/// assembler writes every chunk whose predecessors are written and keeps the others until
/// theirs are. Tasks take chunks in order, so few wait. Encoding every flow a second time,
/// reading every file back, or joining part files at the end all cost more: the part files
/// wrote and read the whole document twice more, on one core at the end of the build. A test
/// compares the result with ``FlowJSON/FlowJSONExporter/export(_:layout:)``.
final class FlowsJSONAssembler: Sendable {
    private struct State {
        var file: SiteStaging.OutputFile?
        /// The next chunk to write.
        var next = 0
        /// Finished chunks waiting for an earlier one, by index.
        var waiting: [Int: FlowsJSONChunk] = [:]
        /// The previous build's `flows.json`, which chunks copy ranges of; let go when the file
        /// is finished, so that the previous file is freed with its last name, beside the end of
        /// the build, rather than when the assembler is.
        var previous: PreviousParts?
    }

    private let state: Mutex<State>
    private let chunkCount: Int
    private let closing: [UInt8]
    /// The number of bytes before the first flow.
    let prefixLength: Int

    /// Creates `flows.json` in `staging` and writes its opening.
    ///
    /// - Parameters:
    ///   - chunkCount: The number of chunks the flows come in.
    ///   - flowCount: The number of flows in all.
    ///   - exporter: The exporter whose generator the document records.
    ///   - previous: The previous build's `flows.json`, which chunks may copy ranges of.
    ///   - staging: The folder being built.
    /// - Throws: ``SiteWriterError`` when the file can't be created or written.
    init(
        chunkCount: Int,
        flowCount: Int,
        exporter: FlowJSONExporter,
        previous: PreviousParts? = nil,
        in staging: SiteStaging
    ) throws {
        let frame = try ExportDocumentStream.frame(generator: exporter.generator, layout: SiteGenerator.jsonLayout)
        let file = try staging.open("flows.json")
        do {
            try file.append(flowCount == 0 ? frame.empty : frame.opening)
        } catch {
            file.close()
            throw error
        }
        self.state = Mutex(State(file: file, previous: previous))
        self.chunkCount = chunkCount
        self.closing = flowCount == 0 ? [] : frame.closing
        self.prefixLength = frame.opening.count
    }

    /// Hands over the flows of chunk `index`: written now if every earlier chunk is, else kept until then.
    ///
    /// - Throws: ``SiteWriterError`` for a failed write.
    func add(chunk index: Int, _ chunk: FlowsJSONChunk) throws {
        try state.withLock { state in
            guard let file = state.file else { return }
            state.waiting[index] = chunk
            while let ready = state.waiting.removeValue(forKey: state.next) {
                try ready.write(to: file, from: state.previous)
                state.next += 1
            }
        }
    }

    /// Writes the end of the document and closes the file.
    ///
    /// - Throws: ``SiteWriterError`` when a chunk never came or the system reports a failed write.
    func finish() throws {
        try state.withLock { state in
            guard let file = state.file else { return }
            state.file = nil
            state.previous = nil
            do {
                guard state.next == chunkCount else {
                    let missing = chunkCount - state.next
                    throw SiteWriterError(path: file.path, reason: "the flows of \(missing) chunks never came")
                }
                try file.append(closing)
            } catch {
                file.close()
                throw error
            }
            guard file.close() == 0 else { throw SiteWriter.systemError(file.path, "can't write the file") }
        }
    }

    /// Closes the file without finishing it, after a failed build (the staging folder is discarded).
    func abandon() {
        state.withLock { state in
            state.file?.close()
            state.file = nil
            state.previous = nil
        }
    }
}
