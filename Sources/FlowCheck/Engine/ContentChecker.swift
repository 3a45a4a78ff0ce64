import Dispatch
public import FlowCore
public import FlowModel
import Synchronization

/// Runs every rule over a content set and returns the parse and check diagnostics together.
///
/// Severities configured under `rules:` are applied here, to rule and parse diagnostics alike;
/// a rule set to `off` is not run at all.
public struct ContentChecker: Sendable {
    public var checkers: [any Checker]

    /// Creates a checker that runs `checkers`, by default every rule of ``Rules/all``.
    public init(checkers: [any Checker] = Rules.all) {
        self.checkers = checkers
    }

    /// Checks `content`.
    ///
    /// - Parameters:
    ///   - content: The loaded content folder; its parse diagnostics are part of the result.
    ///   - context: The configuration and today's date.
    /// - Returns: Every diagnostic, with configured severities, sorted by file and position.
    public func check(_ content: ContentSet, context: CheckContext) -> [Diagnostic] {
        let rules = context.configuration.rules
        // The rules are independent: run them on every core, then gather in rule order.
        let active = checkers.filter { rules[$0.id] != .off }
        var shared = context
        let resolver = LinkResolver(content: content)
        let facts = FlowFacts.all(of: content, resolver: resolver)
        shared.flowFacts = facts
        shared.linkIndex = LinkIndex(content, resolver: resolver, facts: facts)
        let context = shared
        let found = Mutex<[[Diagnostic]]>(Array(repeating: [], count: active.count))
        DispatchQueue.concurrentPerform(iterations: active.count) { index in
            let diagnostics = active[index].check(content, context: context)
            found.withLock { $0[index] = diagnostics }
        }
        let diagnostics = content.diagnostics + found.withLock { $0 }.joined()
        return Self.applying(rules, to: diagnostics).sorted()
    }

    /// `diagnostics` with each configured severity applied and rules set to `off` removed.
    public static func applying(
        _ rules: [String: CheckConfiguration.RuleSetting],
        to diagnostics: [Diagnostic]
    ) -> [Diagnostic] {
        guard !rules.isEmpty else { return diagnostics }
        return diagnostics.compactMap { diagnostic in
            guard let setting = rules[diagnostic.id] else { return diagnostic }
            guard let severity = setting.severity else { return nil }
            var changed = diagnostic
            changed.severity = severity
            return changed
        }
    }
}
