import Dispatch
public import FlowModel
public import Foundation

/// Writes an export document piece by piece, so that the whole document is never in memory.
///
/// The document's bytes are exactly those of ``FlowJSONExporter/export(_:layout:)``: the opening of
/// the document, then each flow's own JSON (``FlowJSONExporter/exportFlow(_:resolver:layout:)``),
/// indented by four spaces when pretty, and separated by commas, then the rest of the document.
/// A test compares the two.
public enum ExportDocumentStream {
    /// What surrounds the flows of a document.
    public struct Frame: Sendable {
        /// The bytes before the first flow.
        public var opening: [UInt8]
        /// The bytes after the last flow.
        public var closing: [UInt8]
        /// The whole document when it has no flow.
        public var empty: [UInt8]
    }

    /// The frame of the document that `generator` writes, spaced as `layout` says.
    ///
    /// - Throws: An encoding error.
    public static func frame(generator: ExportDocument.Generator, layout: JSONLayout = .pretty) throws -> Frame {
        let document = ExportDocument(
            formatVersion: ExportDocument.currentFormatVersion,
            generator: generator,
            flows: []
        )
        let empty = [UInt8](try FlowJSONExporter.encode(document, layout: layout))
        // `flows` sorts first, and the pretty encoder writes an empty array as `[`, a blank line and `]`.
        let opening = Array((layout == .pretty ? "{\n  \"flows\" : [\n" : "{\"flows\":[").utf8)
        precondition(empty.starts(with: opening), "the export document no longer starts with its flows")
        return Frame(opening: opening, closing: Array(empty[opening.count...]), empty: empty)
    }

    /// Appends one flow of the document: the comma before it unless it is the first, then its
    /// JSON, indented when pretty.
    ///
    /// - Parameters:
    ///   - json: The flow's JSON, as ``FlowJSONExporter/exportFlow(_:resolver:layout:)`` writes it
    ///     with the same `layout`.
    ///   - isFirst: Whether the flow is the document's first.
    ///   - layout: The spacing of the document.
    ///   - buffer: The bytes to append to.
    public static func appendFlow(_ json: Data, isFirst: Bool, layout: JSONLayout = .pretty, to buffer: inout [UInt8]) {
        switch layout {
        case .pretty:
            if !isFirst { buffer += [UInt8(ascii: ","), newline] }
            indent(json, into: &buffer)
        case .compact:
            if !isFirst { buffer.append(UInt8(ascii: ",")) }
            // Compact JSON has no line break but the final one.
            appendWithoutFinalNewline(json, to: &buffer)
        }
    }

    private static func appendWithoutFinalNewline(_ json: Data, to buffer: inout [UInt8]) {
        json.withUnsafeBytes { bytes in
            var end = bytes.count
            while end > 0, bytes[end - 1] == newline { end -= 1 }
            buffer.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[..<end]))
        }
    }

    /// Writes the document of `flowCount` flows whose JSON texts `flowJSON` gives, in order.
    ///
    /// - Parameters:
    ///   - generator: The generator recorded in the document.
    ///   - flowCount: The number of flows.
    ///   - flowJSON: The JSON of the flow at an index as it stands in the document: as
    ///     ``FlowJSONExporter/exportFlow(_:resolver:layout:)`` writes it pretty, every line
    ///     indented by four spaces (``indent(_:into:)``).
    ///   - output: Receives the document's bytes in order.
    /// - Throws: What `flowJSON` or `output` throws.
    public static func write(
        generator: ExportDocument.Generator,
        flowCount: Int,
        flowJSON: (Int) throws -> Data,
        to output: ([UInt8]) throws -> Void
    ) throws {
        let frame = try frame(generator: generator)
        guard flowCount > 0 else { return try output(frame.empty) }
        try output(frame.opening)
        var buffer: [UInt8] = []
        for index in 0..<flowCount {
            buffer.removeAll(keepingCapacity: true)
            if index > 0 { buffer += [UInt8(ascii: ","), newline] }
            appendWithoutFinalNewline(try flowJSON(index), to: &buffer)
            try output(buffer)
        }
        try output(frame.closing)
    }

    /// Appends `json` without its final line break, every non-empty line indented by four spaces.
    static func indent(_ json: Data, into buffer: inout [UInt8]) {
        json.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) in
            var end = bytes.count
            while end > 0, bytes[end - 1] == newline { end -= 1 }
            buffer.reserveCapacity(buffer.count + end + end / 4)
            var lineStart = 0
            while lineStart < end {
                // Copy one line at a time, its line break included.
                var lineEnd = lineStart
                while lineEnd < end, bytes[lineEnd] != newline { lineEnd += 1 }
                if lineEnd > lineStart { buffer.append(contentsOf: indentation) }
                let next = min(lineEnd + 1, end)
                buffer.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[lineStart..<next]))
                lineStart = next
            }
        }
    }

    private static let newline = UInt8(ascii: "\n")
    private static let indentation: [UInt8] = Array("    ".utf8)
}

extension FlowJSONExporter {
    /// Writes the export document of `content` to `output` piece by piece, encoding the flows on
    /// every core a batch at a time; the bytes are those of ``export(_:layout:)``, pretty.
    ///
    /// - Parameters:
    ///   - content: The flows to export, drafts included.
    ///   - output: Receives the document's bytes in order.
    /// - Throws: An encoding error, or what `output` throws.
    public func write(_ content: ContentSet, to output: ([UInt8]) throws -> Void) throws {
        let resolver = LinkResolver(content: content)
        let flows = content.flows
        let batchSize = 256
        var batch: [Result<Data, any Error>] = []
        var batchStart = -batchSize
        try ExportDocumentStream.write(
            generator: generator,
            flowCount: flows.count,
            flowJSON: { index in
                if index >= batchStart + batchSize {
                    batchStart = index
                    batch = encode(flows[index..<min(index + batchSize, flows.count)], resolver: resolver)
                }
                return try batch[index - batchStart].get()
            },
            to: output
        )
    }

    /// The JSON of each flow of `flows` as it stands in the document, encoded in parallel, in order.
    private func encode(_ flows: ArraySlice<Flow>, resolver: LinkResolver) -> [Result<Data, any Error>] {
        let base = flows.startIndex
        var results = [Result<Data, any Error>](repeating: .success(Data()), count: flows.count)
        results.withUnsafeMutableBufferPointer { buffer in
            // Each iteration writes only its own element of the buffer.
            nonisolated(unsafe) let results = buffer
            DispatchQueue.concurrentPerform(iterations: flows.count) { offset in
                results[offset] = Result { try exportFlowInDocument(flows[base + offset], resolver: resolver) }
            }
        }
        return results
    }
}
