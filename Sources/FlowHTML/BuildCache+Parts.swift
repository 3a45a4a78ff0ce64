import FlowCore
import Foundation

extension BuildCache {
    /// The file beside the manifest that holds the ``PartLayout`` of each joined file.
    private static func partsURL(for output: URL) -> URL {
        folder(for: output).appendingPathComponent("parts")
    }

    private static let partsFormat = "flowdoc-parts 1"

    /// Reads the layouts of the joined files the previous build wrote for `key`; none when the
    /// file is missing, damaged or for another key.
    static func loadParts(for output: URL, key: UInt64) -> [String: PartLayout] {
        guard let data = FileManager.default.contents(atPath: partsURL(for: output).path) else { return [:] }
        var reader = ByteReader(ArraySlice(data))
        do {
            guard try reader.readString() == partsFormat, try reader.readUInt64() == key else { return [:] }
            var layouts: [String: PartLayout] = [:]
            for _ in 0..<(try reader.readInt()) {
                let path = try reader.readString()
                layouts[path] = try PartLayout(from: &reader)
            }
            return reader.isAtEnd ? layouts : [:]
        } catch {
            return [:]
        }
    }

    /// Writes ``parts`` with the size and modification time each file has now at `output`.
    ///
    /// A file that can't be read is left out. Failing to write costs only speed.
    func saveParts(for output: URL) {
        var stamped: [(path: String, layout: PartLayout)] = []
        for (path, layout) in parts.sorted(by: { $0.key < $1.key }) {
            var layout = layout
            if layout.stamp(fileAt: output.appendingPathComponent(path).path) { stamped.append((path, layout)) }
        }
        var writer = ByteWriter()
        writer.write(Self.partsFormat)
        writer.write(key)
        writer.write(stamped) { writer, entry in
            writer.write(entry.path)
            entry.layout.write(to: &writer)
        }
        try? Data(writer.bytes).write(to: Self.partsURL(for: output), options: .atomic)
    }

    /// Removes the layouts of `output`'s joined files, before the output changes.
    static func invalidateParts(for output: URL) {
        try? FileManager.default.removeItem(at: partsURL(for: output))
    }
}
