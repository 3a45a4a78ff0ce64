import FlowCore
import FlowModel
import FlowProse
import Foundation

extension Flow {
    /// Where page-level problems are reported: the title, else the first line of the file.
    var pageRange: SourceRange {
        titleRange ?? SourceRange(file: source, line: 1, column: 1)
    }

    /// Every step of every procedure, sub-steps included, depth first in source order.
    var allSteps: [Step] {
        steps.flatMap { [$0] + $0.allSubsteps }
    }

    /// Each anchor of the page (section headings, steps and sub-steps) with where it is defined.
    var anchorDefinitions: [(anchor: String, range: SourceRange?)] {
        var anchors: [(anchor: String, range: SourceRange?)] = []
        for element in body {
            switch element {
            case .heading(let heading): anchors.append((heading.anchor, heading.range))
            case .procedure(let procedure): Self.appendAnchors(of: procedure.steps, to: &anchors)
            case .callout, .prose: break
            }
        }
        return anchors
    }

    /// Appends the anchor of each of `steps` and then of its sub-steps, depth first, without copying steps.
    private static func appendAnchors(of steps: [Step], to anchors: inout [(anchor: String, range: SourceRange?)]) {
        for step in steps {
            anchors.append((step.anchor, step.range))
            for element in step.elements {
                if case .substeps(let substeps) = element { appendAnchors(of: substeps, to: &anchors) }
            }
        }
    }

    /// The set of anchors a `#fragment` link into this page may name.
    var anchors: Set<String> { Set(anchorDefinitions.map(\.anchor)) }
}

extension Step {
    /// The sub-steps of the step and theirs, depth first.
    var allSubsteps: [Step] {
        substeps.flatMap { [$0] + $0.allSubsteps }
    }

    /// "Step 3", with the number as written.
    var label: String { "Step \(number)" }
}

extension String {
    /// The string shortened to `limit` characters with an ellipsis, on one line.
    func abbreviated(_ limit: Int = 40) -> String {
        let oneLine = split(whereSeparator: \.isNewline).joined(separator: " ")
        return oneLine.count <= limit ? oneLine : String(oneLine.prefix(limit - 1)) + "…"
    }

    /// Lowercased with surrounding spaces removed, for comparing names.
    var nameKey: String {
        lowercased().trimmingWhitespaces
    }

    /// `trimmingCharacters(in: .whitespaces)`, without Foundation when the string starts and
    /// ends with a printable ASCII character (nearly always; Foundation's version was 4% of `check`).
    var trimmingWhitespaces: String {
        if let first = utf8.first, let last = utf8.last, first > 0x20, first < 0x7F, last > 0x20, last < 0x7F {
            return self
        }
        return trimmingCharacters(in: .whitespaces)
    }
}
