import FlowCore
import FlowJSON
import FlowModel
import Foundation

/// `flows.json` written at the start of a rebuild that changed few pages, while the site is
/// prepared, rather than by the pages' tasks.
///
/// In a rebuild where every page's site facts are the previous build's, every page's questions
/// get the previous answers: the part of a page whose source did not change is its part of the
/// previous `flows.json`, and only the changed pages' JSON is new. The whole file is then known
/// once the manifest is read, and the kernel's copy of the unchanged parts, the longest step at
/// the end of such a rebuild, runs beside the site's preparation. A test compares the result
/// with a clean build's.
struct FlowsJSONAhead: Sendable {
    /// The most changed pages written ahead: their JSON is made before the site is prepared, on
    /// one core.
    static let maximumChanged = 64

    /// Where each page's part lies in the file, for the manifest.
    let layout: PartLayout
    /// The JSON of the changed pages, by source path: also their `json/<id>.json`.
    let made: [String: Data]
    private let writing: Task<Void, any Error>

    /// Starts writing `flows.json` into `staging`.
    ///
    /// - Parameters:
    ///   - published: The published pages, in the file's order.
    ///   - layout: The layout of the previous `flows.json`, built for a site with the same site facts.
    ///   - previousFlows: The previous build's `flows.json`.
    ///   - digests: The digest of each page's source, by path.
    ///   - json: The JSON of a changed page.
    ///   - scratch: Puts an older `flows.json` made with the same answers at `flows.json` in
    ///     `staging` (``FlowsJSONScratch``) and returns its layout, or returns `nil`; asked only
    ///     when the file is to be written.
    /// - Returns: `nil` when the published pages are not the previous file's, in its order, or
    ///   more than ``maximumChanged`` of them changed.
    /// - Throws: ``SiteWriterError`` when the file can't be created; what `json` throws.
    static func start(
        published: [PageSummary],
        layout: PartLayout,
        previousFlows: PreviousParts,
        digests: [String: UInt64],
        exporter: FlowJSONExporter,
        json: (PageSummary) throws -> Data,
        scratch: () -> PartLayout? = { nil },
        in staging: SiteStaging
    ) throws -> FlowsJSONAhead? {
        guard layout.parts.count == published.count else { return nil }
        let frame = try ExportDocumentStream.frame(generator: exporter.generator, layout: SiteGenerator.jsonLayout)
        if let unchanged = previousFlows.layout(
            ifExactly: published.lazy.map(\.source),
            digests: digests,
            openingLength: frame.opening.count,
            closingLength: frame.closing.count
        ), staging.reusePrevious(at: "flows.json") {
            // No page changed: the previous file is this build's, byte for byte (a rebuild with
            // no page edited copied all 111 MB of it at 10,000 pages).
            return FlowsJSONAhead(layout: unchanged, made: [:], writing: Task {})
        }
        var made: [String: Data] = [:]
        var chunk = FlowsJSONChunk()
        var parts: [PartLayout.Part] = []
        parts.reserveCapacity(published.count)
        for (index, (page, (previous, range))) in zip(published, zip(layout.parts, layout.ranges)).enumerated() {
            guard page.source == previous.source else { return nil }
            let digest = digests[page.source]
            let isFirst = index == 0
            let before = chunk.count
            // A part made from the same source gets the same answers in a site of the same facts:
            // the pages' tasks reuse its JSON (`SiteBuilder+Page`), whose bytes are the part's.
            if let digest, previous.digest == digest {
                chunk.appendPrevious(range, prefixLength: layout.prefixLength, isFirst: isFirst)
            } else {
                guard made.count < maximumChanged else { return nil }
                let data = try json(page)
                made[page.source] = data
                chunk.append(data, isFirst: isFirst)
            }
            let length = chunk.count - before - (isFirst ? 0 : 1)
            parts.append(.init(source: page.source, digest: digest ?? 0, length: length))
        }
        let newLayout = PartLayout(prefixLength: frame.opening.count, parts: parts)
        if !parts.isEmpty, let old = scratch() {
            if let file = staging.openInPlace("flows.json") {
                let stale = FlowsJSONPatch.staleRanges(new: newLayout, old: old)
                let writing = Task { [chunk] in
                    try FlowsJSONPatch.write(
                        chunk,
                        stale: stale,
                        frame: (frame.opening, frame.closing),
                        previous: previousFlows,
                        to: file
                    )
                }
                return FlowsJSONAhead(layout: newLayout, made: made, writing: writing)
            }
            // Not a plain file of one name after all: removed, and the file written anew.
            staging.remove(["flows.json"])
        }
        let assembler = try FlowsJSONAssembler(
            chunkCount: 1,
            flowCount: published.count,
            exporter: exporter,
            previous: previousFlows,
            in: staging
        )
        let writing = Task { [chunk] in
            do {
                try assembler.add(chunk: 0, chunk)
                try assembler.finish()
            } catch {
                assembler.abandon()
                throw error
            }
        }
        return FlowsJSONAhead(layout: newLayout, made: made, writing: writing)
    }

    /// Waits until the file is written.
    ///
    /// - Throws: ``SiteWriterError`` for a failed write.
    func finish() async throws {
        try await writing.value
    }

    /// Waits until the writing ends, whatever its outcome: the file is then left to be
    /// written again, or discarded with the staging folder.
    func abandon() async {
        _ = try? await writing.value
    }
}

extension SiteBuilder {
    /// Starts writing `flows.json` ahead when the build is a rebuild of the same site facts
    /// whose check gave the link resolver (else the resolver would be made twice).
    func writeAhead(
        _ previous: BuildCache,
        _ previousFlows: PreviousParts?,
        sameSite: Bool,
        into staging: SiteStaging
    ) throws -> FlowsJSONAhead? {
        guard incremental, sameSite, let answers = previous.answersFingerprint, let previousFlows,
            let layout = previous.parts["flows.json"], let resolver = generator.linkResolver
        else { return nil }
        let exporter = FlowJSONExporter(version: FlowdocVersion.current)
        let loadPage = generator.loadPage
        // The changed pages were parsed; a rebuild that parsed every page has them all here.
        let parsed = generator.flowsBySource
        return try FlowsJSONAhead.start(
            published: generator.site.publishedPages,
            layout: layout,
            previousFlows: previousFlows,
            digests: sourceDigests,
            exporter: exporter,
            json: { page in
                let model = try SiteGenerator.model(of: page, in: parsed, loadPage: loadPage)
                return try exporter.exportFlow(model, resolver: resolver, layout: SiteGenerator.jsonLayout)
            },
            // The answers are the previous build's (same site facts): so were the kept file's.
            scratch: { [output = writer.output] in
                FlowsJSONScratch(output: output).take(into: staging, key: previous.key, answers: answers)
            },
            in: staging
        )
    }
}
