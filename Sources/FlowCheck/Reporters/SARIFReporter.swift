public import FlowCore

/// The SARIF 2.1.0 report, for code-scanning tools (GitHub code scanning, IDE viewers).
///
/// One run with the `flowdoc` driver, the metadata of every rule that reports something, one
/// result per diagnostic with notes as related locations and fix-its as fixes. Columns are
/// UTF-8 byte columns as flowdoc counts them; SARIF's `endColumn` is exclusive.
public struct SARIFReporter: Reporter {
    /// Rule metadata by ID; diagnostics of other IDs get a descriptor without an abstract.
    public var rules: [RuleDescriptor]

    /// Creates a SARIF reporter that describes `rules`.
    public init(rules: [RuleDescriptor] = Rules.descriptors) {
        self.rules = rules
    }

    public func report(_ diagnostics: [Diagnostic], summary: CheckSummary) -> String {
        let known = Dictionary(rules.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let usedIDs = Set(diagnostics.map(\.id)).sorted()
        let ruleIndex = Dictionary(uniqueKeysWithValues: usedIDs.enumerated().map { ($1, $0) })
        let ruleObjects = usedIDs.map { id -> JSONValue in
            let descriptor = known[id]
            return .object([
                "id": .string(id),
                "name": .string(id),
                "shortDescription": .object(["text": .string(descriptor?.abstract ?? id)]),
                "defaultConfiguration": .object(["level": .string(Self.level(descriptor?.defaultSeverity ?? .warning))]
                ),
            ])
        }
        let results = diagnostics.map { result($0, index: ruleIndex[$0.id] ?? 0, prefix: summary.pathPrefix) }
        let driver: [String: JSONValue] = [
            "name": .string("flowdoc"),
            "version": .string(summary.toolVersion),
            "rules": .array(ruleObjects),
        ]
        let run: [String: JSONValue] = [
            "tool": .object(["driver": .object(driver)]),
            "results": .array(results),
        ]
        return JSONValue.object([
            "$schema": .string("https://json.schemastore.org/sarif-2.1.0.json"),
            "version": .string("2.1.0"),
            "runs": .array([.object(run)]),
        ]).text
    }

    private func result(_ diagnostic: Diagnostic, index: Int, prefix: String) -> JSONValue {
        var object: [String: JSONValue] = [
            "ruleId": .string(diagnostic.id),
            "ruleIndex": .int(index),
            "level": .string(Self.level(diagnostic.severity)),
            "message": .object(["text": .string(diagnostic.summary)]),
            "locations": .array([
                .object(["physicalLocation": location(diagnostic.file, diagnostic.range, prefix: prefix)])
            ]),
        ]
        if !diagnostic.notes.isEmpty {
            object["relatedLocations"] = .array(
                diagnostic.notes.enumerated().map { offset, note in
                    .object([
                        "id": .int(offset),
                        "message": .object(["text": .string(note.message)]),
                        "physicalLocation": location(note.range?.file ?? diagnostic.file, note.range, prefix: prefix),
                    ])
                }
            )
        }
        if !diagnostic.fixIts.isEmpty {
            object["fixes"] = .array(diagnostic.fixIts.map { fix(diagnostic.file, $0, prefix: prefix) })
        }
        return .object(object)
    }

    private func fix(_ file: String, _ fixIt: Diagnostic.FixIt, prefix: String) -> JSONValue {
        let byFile = Dictionary(grouping: fixIt.replacements) { $0.range.file.isEmpty ? file : $0.range.file }
        let changes = byFile.keys.sorted().map { path -> JSONValue in
            .object([
                "artifactLocation": .object(["uri": .string(Self.uri(prefix + path))]),
                "replacements": .array(
                    (byFile[path] ?? []).map { replacement in
                        .object([
                            "deletedRegion": Self.region(replacement.range),
                            "insertedContent": .object(["text": .string(replacement.text)]),
                        ])
                    }
                ),
            ])
        }
        return .object(["description": .object(["text": .string(fixIt.summary)]), "artifactChanges": .array(changes)])
    }

    private func location(_ file: String, _ range: SourceRange?, prefix: String) -> JSONValue {
        var object: [String: JSONValue] = ["artifactLocation": .object(["uri": .string(Self.uri(prefix + file))])]
        if let range, range.start.line > 0 { object["region"] = Self.region(range) }
        return .object(object)
    }

    private static func region(_ range: SourceRange) -> JSONValue {
        let start = max(1, range.start.column)
        let endLine = max(range.start.line, range.end.line)
        let end = endLine == range.start.line ? max(start, range.end.column) : max(1, range.end.column)
        return .object([
            "startLine": .int(max(1, range.start.line)),
            "startColumn": .int(start),
            "endLine": .int(max(1, endLine)),
            "endColumn": .int(end + 1),
        ])
    }

    private static func level(_ severity: DiagnosticSeverity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .note: "note"
        }
    }

    /// `path` as a relative URI reference: unreserved characters and `/` kept, the rest percent-encoded.
    static func uri(_ path: String) -> String {
        var encoded = ""
        for byte in path.utf8 {
            let scalar = Unicode.Scalar(byte)
            if (scalar.properties.isASCIIHexDigit || ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar))
                || "-._~/".unicodeScalars.contains(scalar)
            {
                encoded.unicodeScalars.append(scalar)
            } else {
                let hex = String(byte, radix: 16, uppercase: true)
                encoded += "%" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return encoded
    }
}
