import FlowCore
import FlowModel
import FlowProse
import Foundation

extension Flow {
    /// Every step of every procedure, sub-steps included, depth first in source order.
    var allSteps: [Step] {
        steps.flatMap { [$0] + $0.allSubsteps }
    }

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
