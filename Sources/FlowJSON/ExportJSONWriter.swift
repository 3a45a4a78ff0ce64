import FlowCore
import Foundation

/// Writes the export types as JSON with the exact bytes of `JSONEncoder` with
/// `[.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]` (two-space indentation, `"key" : value`,
/// empty containers as `[\n\n<indent>]`), or without `.prettyPrinted` for ``JSONLayout/compact``,
/// without going through `Encodable`.
///
/// Foundation's encoder boxes every value, casts it dynamically and sorts the keys of every object:
/// it was most of `flowdoc export` and an eighth of a build. Keys here are written in the order
/// `.sortedKeys` gives (checked by `ExportJSONWriterTests` against the encoder).
///
/// Returns `nil` for what it does not reproduce byte for byte, and the caller falls back to
/// the encoder: front-matter metadata values (user keys and numbers), and strings with control
/// characters other than tab, line feed and carriage return, DEL, U+2028 or U+2029.
struct ExportJSONWriter {
    /// The JSON written so far.
    var bytes: [UInt8] = []
    let layout: JSONLayout
    /// How many containers are open (`ExportJSONWriter+Syntax.swift` writes them).
    var depth = 0
    /// Whether the container being written has no member yet; one entry per open container.
    var isEmpty: [Bool] = []
    /// Whether a value came up that only the encoder writes right; ``finish()`` then gives `nil`.
    var failed = false
    /// The file of the last position written and its path: the positions of a flow name one
    /// file, looked up once (``FlowCore/SourceFile/path``).
    private var lastFile = (file: SourceFile.none, path: "")

    init(layout: JSONLayout, reservingCapacity capacity: Int = 16_384) {
        self.layout = layout
        bytes.reserveCapacity(capacity)
    }

    // MARK: Documents

    static func encode(_ document: ExportDocument, layout: JSONLayout) -> Data? {
        var writer = ExportJSONWriter(layout: layout, reservingCapacity: document.flows.count * 32_768 + 256)
        writer.write(document)
        return writer.finish()
    }

    static func encode(_ flow: ExportFlow, layout: JSONLayout) -> Data? {
        var writer = ExportJSONWriter(layout: layout)
        writer.write(flow)
        return writer.finish()
    }

    /// `flow` as it stands in a pretty export document: every line indented by four spaces,
    /// written so at once rather than indented after (``ExportDocumentStream/indent(_:into:)``
    /// copied every byte again: 8% of `flowdoc export`'s CPU time).
    static func encodeInDocument(_ flow: ExportFlow) -> Data? {
        var writer = ExportJSONWriter(layout: .pretty)
        // In the document, a flow is an element of the `flows` array of the top object.
        writer.depth = 2
        writer.bytes.append(contentsOf: "    ".utf8)
        writer.write(flow)
        return writer.finish()
    }

    private mutating func finish() -> Data? {
        guard !failed else { return nil }
        bytes.append(UInt8(ascii: "\n"))
        return Data(bytes)
    }

    mutating func write(_ document: ExportDocument) {
        object {
            $0.key("flows") { w in w.array(document.flows) { $0.write($1) } }
            $0.key("formatVersion") { $0.string(document.formatVersion) }
            $0.key("generator") { w in
                w.object {
                    $0.key("name") { $0.string(document.generator.name) }
                    $0.key("version") { $0.string(document.generator.version) }
                }
            }
        }
    }

    mutating func write(_ flow: ExportFlow) {
        guard flow.metadata.isEmpty else {
            failed = true
            return
        }
        object {
            if let audience = flow.audience { $0.key("audience") { $0.string(audience) } }
            $0.key("callouts") { w in w.array(flow.callouts) { $0.write($1) } }
            $0.key("draft") { $0.bool(flow.draft) }
            $0.key("id") { $0.string(flow.id) }
            $0.key("kind") { $0.string(flow.kind) }
            $0.key("metadata") { w in w.object { _ in } }
            if let mode = flow.mode { $0.key("mode") { $0.string(mode) } }
            $0.key("next") { w in w.array(flow.next) { $0.write($1) } }
            if let platform = flow.platform { $0.key("platform") { $0.string(platform) } }
            $0.position(flow.position)
            $0.key("procedures") { w in w.array(flow.procedures) { $0.write($1) } }
            if let product = flow.product { $0.key("product") { $0.string(product) } }
            $0.key("source") { $0.string(flow.source) }
            $0.key("summary") { $0.string(flow.summary) }
            $0.key("tags") { w in w.array(flow.tags) { $0.string($1) } }
            $0.key("title") { $0.string(flow.title) }
            if let updated = flow.updated { $0.key("updated") { $0.string(updated) } }
        }
    }

    mutating func write(_ callout: ExportCallout) {
        object {
            $0.key("html") { $0.string(callout.html) }
            $0.key("kind") { $0.string(callout.kind) }
            $0.position(callout.position)
            $0.key("text") { $0.string(callout.text) }
        }
    }

    mutating func write(_ next: ExportNext) {
        object {
            $0.key("destination") { $0.string(next.destination) }
            if let flow = next.flow { $0.key("flow") { $0.string(flow) } }
            $0.position(next.position)
            $0.key("text") { $0.string(next.text) }
        }
    }

    mutating func write(_ procedure: ExportProcedure) {
        object {
            $0.key("anchor") { $0.string(procedure.anchor) }
            $0.position(procedure.position)
            $0.key("steps") { w in w.array(procedure.steps) { $0.write($1) } }
            $0.key("title") { $0.string(procedure.title) }
        }
    }

    mutating func write(_ step: ExportStep) {
        object {
            if let action = step.action { $0.key("action") { $0.string(action) } }
            $0.key("anchor") { $0.string(step.anchor) }
            $0.key("callouts") { w in w.array(step.callouts) { $0.write($1) } }
            $0.key("choices") { w in
                w.array(step.choices) { w, option in
                    w.object {
                        $0.key("label") { $0.string(option.label) }
                        if let link = option.link { $0.key("link") { $0.string(link) } }
                        $0.position(option.position)
                        $0.key("properties") { w in w.array(option.properties) { $0.string($1) } }
                        $0.key("selected") { $0.bool(option.selected) }
                    }
                }
            }
            $0.key("details") { $0.string(step.details) }
            $0.key("fields") { w in
                w.array(step.fields) { w, field in
                    w.object {
                        if let value = field.default { $0.key("default") { $0.string(value) } }
                        $0.key("description") { $0.string(field.description) }
                        if let example = field.example { $0.key("example") { $0.string(example) } }
                        $0.key("name") { $0.string(field.name) }
                        $0.position(field.position)
                        $0.key("required") { $0.bool(field.required) }
                    }
                }
            }
            $0.key("html") { $0.string(step.html) }
            $0.key("images") { w in
                w.array(step.images) { w, image in
                    w.object {
                        $0.key("alt") { $0.string(image.alt) }
                        $0.position(image.position)
                        $0.key("src") { $0.string(image.src) }
                        $0.key("title") { $0.string(image.title) }
                    }
                }
            }
            $0.key("index") { $0.int(step.index) }
            $0.key("links") { w in
                w.array(step.links) { w, link in
                    w.object {
                        $0.key("href") { $0.string(link.href) }
                        $0.position(link.position)
                        $0.key("text") { $0.string(link.text) }
                    }
                }
            }
            $0.key("literals") { w in
                w.array(step.literals) { w, literal in
                    w.object {
                        $0.position(literal.position)
                        $0.key("value") { $0.string(literal.value) }
                    }
                }
            }
            $0.key("number") { $0.int(step.number) }
            $0.position(step.position)
            if let result = step.result {
                $0.key("result") { w in
                    w.object {
                        $0.key("html") { $0.string(result.html) }
                        $0.key("text") { $0.string(result.text) }
                    }
                }
            }
            if let screen = step.screen {
                $0.key("screen") { w in
                    w.object {
                        $0.key("elements") { w in
                            w.array(screen.elements) { w, element in
                                w.object {
                                    $0.key("checked") { $0.bool(element.checked) }
                                    $0.key("kind") { $0.string(element.kind) }
                                    $0.key("label") { $0.string(element.label) }
                                    $0.position(element.position)
                                    $0.key("required") { $0.bool(element.required) }
                                    if let value = element.value { $0.key("value") { $0.string(value) } }
                                }
                            }
                        }
                        $0.position(screen.position)
                        $0.key("title") { $0.string(screen.title) }
                    }
                }
            }
            $0.key("substeps") { w in w.array(step.substeps) { $0.write($1) } }
            $0.key("targets") { w in
                w.array(step.targets) { w, target in
                    w.object {
                        $0.key("name") { $0.string(target.name) }
                        $0.position(target.position)
                    }
                }
            }
            $0.key("text") { $0.string(step.text) }
        }
    }

    /// A `position` member, left out when `range` is `nil` (as `encodeIfPresent` does).
    private mutating func position(_ range: SourceRange?) {
        guard let range else { return }
        if range.sourceFile != lastFile.file { lastFile = (range.sourceFile, range.file) }
        let file = lastFile.path
        guard layout == .pretty else {
            // Compact, the member is written at once: no containers to track.
            separate()
            literal(#""position":{"column":"#)
            int(range.start.column)
            literal(#","endColumn":"#)
            int(range.end.column)
            literal(#","endLine":"#)
            int(range.end.line)
            literal(#","file":"#)
            string(file)
            literal(#","line":"#)
            int(range.start.line)
            return bytes.append(UInt8(ascii: "}"))
        }
        key("position") { w in
            w.object {
                $0.key("column") { $0.int(range.start.column) }
                $0.key("endColumn") { $0.int(range.end.column) }
                $0.key("endLine") { $0.int(range.end.line) }
                $0.key("file") { $0.string(file) }
                $0.key("line") { $0.int(range.start.line) }
            }
        }
    }
}
