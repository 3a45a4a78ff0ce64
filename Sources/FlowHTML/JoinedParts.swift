import FlowCore
import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// Where each page's part lies in a site file joined from one part per page, with a comma
/// between parts: `flows.json` and the search index.
///
/// A build records the layout of each such file; the next build copies the part of a page whose
/// source did not change from the previous file rather than making it again (the search index
/// escapes every string of every page) or reading the page's JSON file back (`flows.json`).
struct PartLayout: Sendable, Equatable {
    /// One page's part.
    struct Part: Sendable, Equatable {
        /// The page's source path.
        var source: String
        /// The digest of the page's source the part was made from.
        var digest: UInt64
        /// The part's length in bytes, the comma before it left out.
        var length: Int
    }

    /// The number of bytes before the first part.
    var prefixLength: Int
    /// The parts, in the file's order.
    var parts: [Part] = []
    /// The file's size and modification time once written: a file changed since is not read.
    var fileSize = 0
    var modified: Int64 = 0

    /// Writes the layout as the `parts` file beside the manifest holds it.
    func write(to writer: inout ByteWriter) {
        writer.write(prefixLength)
        writer.write(fileSize)
        writer.write(UInt64(bitPattern: modified))
        writer.write(parts) { writer, part in
            writer.write(part.source)
            writer.write(part.digest)
            writer.write(part.length)
        }
    }

    /// Reads a layout ``write(to:)`` wrote.
    ///
    /// - Throws: ``FlowCore/ByteReader/Malformed`` for bytes that are not a layout.
    init(from reader: inout ByteReader) throws {
        prefixLength = try reader.readInt()
        fileSize = try reader.readInt()
        modified = Int64(bitPattern: try reader.readUInt64())
        parts = try reader.readArray { reader in
            Part(source: try reader.readString(), digest: try reader.readUInt64(), length: try reader.readInt())
        }
    }

    init(prefixLength: Int, parts: [Part] = []) {
        self.prefixLength = prefixLength
        self.parts = parts
    }

    /// Where each part lies in the file, in the parts' order: the first after the prefix, each
    /// other after the comma before it.
    var ranges: [Range<Int>] {
        var ranges: [Range<Int>] = []
        ranges.reserveCapacity(parts.count)
        var offset = prefixLength
        for (index, part) in parts.enumerated() {
            if index > 0 { offset += 1 }
            ranges.append(offset..<offset + part.length)
            offset += part.length
        }
        return ranges
    }

    /// Records the size and modification time of the file at `path` as it is now.
    ///
    /// - Returns: `false` when the file can't be read.
    mutating func stamp(fileAt path: String) -> Bool {
        guard let status = Self.status(of: path) else { return false }
        fileSize = status.size
        modified = status.modified
        return true
    }

    private static func status(of path: String) -> (size: Int, modified: Int64)? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return (Int(info.st_size), nanoseconds(info.st_mtim))
    }

    static func nanoseconds(_ time: timespec) -> Int64 {
        Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec)
    }
}

/// The parts of a file the previous build joined, read from that file by page.
///
/// Parts are read with `pread` (a run of neighbouring parts at once), straight into the buffer
/// they go to: neither the whole file in memory nor a mapping, which a file cut short meanwhile
/// would turn into a crash.
final class PreviousParts: Sendable {
    private let descriptor: Int32
    private let parts: [PartLayout.Part]
    private let partRanges: [Range<Int>]
    /// Each part's place by its source, made the first time a part is not at the place asked
    /// (a page added or removed before it): in a rebuild of the same pages, no path is hashed.
    private let placesBySource = Mutex<[String: Int]?>(nil)
    /// The number of bytes before the first part.
    let prefixLength: Int
    /// The file's path.
    let path: String
    /// The file's size, which the layout recorded and the file was found to have.
    private let fileSize: Int

    /// Opens the file at `path` that `layout` describes.
    ///
    /// - Returns: `nil` when the file is missing, or its size or modification time are not those
    ///   of `layout` (changed by hand since, say), or its parts do not fit in it.
    init?(fileAt path: String, layout: PartLayout) {
        let partRanges = layout.ranges
        let end = partRanges.last?.upperBound ?? layout.prefixLength
        guard layout.fileSize > 0, end <= layout.fileSize else { return nil }
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        var info = stat()
        guard fstat(descriptor, &info) == 0, Int(info.st_size) == layout.fileSize,
            PartLayout.nanoseconds(info.st_mtim) == layout.modified
        else {
            close(descriptor)
            return nil
        }
        self.descriptor = descriptor
        self.parts = layout.parts
        self.partRanges = partRanges
        self.prefixLength = layout.prefixLength
        self.path = path
        self.fileSize = layout.fileSize
    }

    deinit {
        close(descriptor)
    }

    /// The layout of the file when it is exactly the parts of `sources`, in this order, each made
    /// from its source's digest, between an opening of `openingLength` bytes and a closing of
    /// `closingLength`: the file a build of those pages writes, byte for byte.
    ///
    /// - Returns: `nil` when a part is missing, made from another digest or out of place.
    func layout(
        ifExactly sources: some Sequence<String>,
        digests: [String: UInt64],
        openingLength: Int,
        closingLength: Int
    ) -> PartLayout? {
        guard prefixLength == openingLength else { return nil }
        var layout = PartLayout(prefixLength: prefixLength)
        var end = prefixLength
        for (place, source) in sources.enumerated() {
            let digest = digests[source]
            guard let range = range(of: source, digest: digest, at: place),
                range.lowerBound == (layout.parts.isEmpty ? end : end + 1)
            else { return nil }
            layout.parts.append(.init(source: source, digest: digest ?? 0, length: range.count))
            end = range.upperBound
        }
        return !layout.parts.isEmpty && end + closingLength == fileSize ? layout : nil
    }

    /// Where the previous part of the page at `source` lies in the file, if it was made from
    /// `digest`; `place` is where the part is looked for first, the page's place in the new file.
    func range(of source: String, digest: UInt64?, at place: Int) -> Range<Int>? {
        guard let digest, let found = self.place(of: source, lookingFirstAt: place), parts[found].digest == digest
        else { return nil }
        return partRanges[found]
    }

    private func place(of source: String, lookingFirstAt place: Int) -> Int? {
        if parts.indices.contains(place), parts[place].source == source { return place }
        return placesBySource.withLock { places in
            if places == nil {
                places = Dictionary(parts.enumerated().map { ($1.source, $0) }, uniquingKeysWith: { _, last in last })
            }
            return places?[source]
        }
    }

    /// Appends `range` of the file to `file`, or writes it at `destination` when given,
    /// copied by the kernel (`copy_file_range`) where it can, else read and written.
    ///
    /// - Throws: ``SiteWriterError`` when the file can't be read or `file` written.
    func copy(_ range: Range<Int>, to file: SiteStaging.OutputFile, at destination: Int? = nil) throws {
        var offset = range.lowerBound
        if let copyFileRange = Self.copyFileRange {
            while offset < range.upperBound {
                var from = Int64(offset)
                var to = Int64((destination ?? 0) + offset - range.lowerBound)
                let copied =
                    destination == nil
                    ? copyFileRange(descriptor, &from, file.descriptor, nil, range.upperBound - offset, 0)
                    : copyFileRange(descriptor, &from, file.descriptor, &to, range.upperBound - offset, 0)
                if copied < 0, errno == EINTR { continue }
                guard copied > 0 else { break }
                offset += copied
            }
        }
        // Where the kernel can't copy between these files, through a buffer.
        var buffer: [UInt8] = []
        while offset < range.upperBound {
            buffer.removeAll(keepingCapacity: true)
            let start = offset
            let length = min(1 << 20, range.upperBound - offset)
            guard appendBytes(start..<start + length, to: &buffer) else {
                throw SiteWriterError(path: file.path, reason: "can't read the previous build's copy of it")
            }
            try file.write(buffer, at: destination.map { $0 + start - range.lowerBound })
            offset += length
        }
    }

    private typealias CopyFileRange =
        @convention(c) (Int32, UnsafeMutablePointer<Int64>?, Int32, UnsafeMutablePointer<Int64>?, Int, UInt32) -> Int

    /// `copy_file_range(2)`, looked up at run time (Swift's Glibc module doesn't declare it).
    private static let copyFileRange: CopyFileRange? = {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "copy_file_range") else { return nil }
        return unsafeBitCast(symbol, to: CopyFileRange.self)
    }()

    /// Appends `range` of the file to `buffer`.
    ///
    /// - Returns: Whether the bytes were read; `buffer` is as it was when they were not.
    func appendBytes(_ range: Range<Int>, to buffer: inout [UInt8]) -> Bool {
        let start = buffer.count
        let count = range.count
        buffer.append(contentsOf: repeatElement(0, count: count))
        var filled = 0
        let complete = buffer.withUnsafeMutableBytes { bytes in
            guard let base = bytes.baseAddress else { return count == 0 }
            while filled < count {
                let read = pread(
                    descriptor,
                    base + start + filled,
                    count - filled,
                    off_t(range.lowerBound + filled)
                )
                if read < 0, errno == EINTR { continue }
                guard read > 0 else { return false }
                filled += read
            }
            return true
        }
        if !complete { buffer.removeLast(count) }
        return complete
    }
}
