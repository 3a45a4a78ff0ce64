import FlowCheck
import Foundation
import Yams

/// A `flowdoc.yml` that can't be read or says something flowdoc does not understand.
///
/// The message names the file and, when known, the line and column, the way compilers do.
struct ConfigurationError: Error, CustomStringConvertible, Sendable {
    var path: String
    var line: Int?
    var column: Int?
    var message: String

    var description: String {
        let position = line.map { ":\($0)" + (column.map { ":\($0)" } ?? "") } ?? ""
        return "\(path)\(position): \(message)"
    }
}

/// Reads `flowdoc.yml`: per-rule severities, extra action verbs, required facets and limits.
///
/// ```yaml
/// rules:
///   SingleStepProcedure: off
///   UnknownUITarget: error
/// action_verbs: [Tick]
/// required_facets: [product, platform]
/// max_steps: 15
/// unsafe_html: false
/// ```
///
/// Every key is optional. Unknown keys, unknown rule IDs and values of the wrong kind are errors,
/// so a typo never silently turns a setting off.
enum ConfigurationReader {
    /// The file name looked for next to the content folder.
    static let fileName = "flowdoc.yml"

    /// The keys `flowdoc.yml` accepts.
    static let keys = ["rules", "action_verbs", "required_facets", "max_steps", "unsafe_html"]

    /// The configuration for `contentURL`: from `explicitPath` if given, else `flowdoc.yml` in the
    /// content folder's parent if it exists, else the defaults.
    ///
    /// - Returns: The configuration and the file it came from, `nil` for the defaults.
    /// - Throws: ``ConfigurationError`` when the file can't be read or is invalid.
    static func load(explicitPath: String?, contentURL: URL) throws -> (CheckConfiguration, URL?) {
        let url: URL
        if let explicitPath {
            url = URL(fileURLWithPath: explicitPath)
        } else {
            url = contentURL.deletingLastPathComponent().appendingPathComponent(fileName)
            guard FileManager.default.fileExists(atPath: url.path) else { return (.default, nil) }
        }
        let path = explicitPath ?? url.path
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw ConfigurationError(path: path, message: "configuration file can't be read")
        }
        return (try parse(String(decoding: data, as: UTF8.self), path: path), url)
    }

    /// Parses the text of a `flowdoc.yml`.
    ///
    /// - Parameters:
    ///   - text: The YAML.
    ///   - path: The file's path, for messages.
    /// - Throws: ``ConfigurationError`` for invalid YAML, unknown keys or values of the wrong kind.
    static func parse(_ text: String, path: String) throws -> CheckConfiguration {
        func fail(_ node: Node?, _ message: String) -> ConfigurationError {
            ConfigurationError(path: path, line: node?.mark?.line, column: node?.mark?.column, message: message)
        }
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch {
            throw ConfigurationError(path: path, message: "not valid YAML: \(error)")
        }
        guard let root else { return .default }
        guard case .mapping(let mapping) = root else {
            throw fail(root, "expected a mapping of settings such as 'max_steps: 15'")
        }
        var configuration = CheckConfiguration()
        for (keyNode, value) in mapping {
            let key = keyNode.string ?? ""
            switch key {
            case "rules": configuration.rules = try rules(value, fail: fail)
            case "action_verbs": configuration.actionVerbs = try strings(value, key: key, fail: fail)
            case "required_facets":
                configuration.requiredFacets = try strings(value, key: key, fail: fail)
                for facet in configuration.requiredFacets where !CheckConfiguration.facetNames.contains(facet) {
                    throw fail(
                        value,
                        "unknown facet '\(facet)' in 'required_facets'; use \(CheckConfiguration.facetNames.joined(separator: ", "))"
                    )
                }
            case "max_steps":
                guard case .scalar = value, let number = value.int, number > 0 else {
                    throw fail(value, "'max_steps' must be a whole number greater than 0")
                }
                configuration.maxSteps = number
            case "unsafe_html":
                guard case .scalar = value, let flag = value.bool else {
                    throw fail(value, "'unsafe_html' must be true or false")
                }
                configuration.unsafeHTML = flag
            default:
                throw fail(
                    keyNode,
                    "unknown setting '\(key)'" + NearMissSuggestion.text(for: key, in: keys)
                        + "; settings are \(keys.joined(separator: ", "))"
                )
            }
        }
        return configuration
    }

    private static func rules(
        _ node: Node,
        fail: (Node?, String) -> ConfigurationError
    ) throws -> [String: CheckConfiguration.RuleSetting] {
        if case .scalar(let scalar) = node, scalar.string.isEmpty || node.null != nil { return [:] }
        guard case .mapping(let mapping) = node else {
            throw fail(node, "'rules' must map rule IDs to error, warning, note or off")
        }
        let known = Rules.knownIDs
        var rules: [String: CheckConfiguration.RuleSetting] = [:]
        for (keyNode, value) in mapping {
            let id = keyNode.string ?? ""
            guard known.contains(id) else {
                throw fail(keyNode, "unknown rule '\(id)' in 'rules'" + NearMissSuggestion.text(for: id, in: known))
            }
            let settings = CheckConfiguration.RuleSetting.allCases.map(\.rawValue)
            guard case .scalar(let scalar) = value,
                let setting = CheckConfiguration.RuleSetting(rawValue: scalar.string.lowercased())
            else {
                throw fail(value, "rule '\(id)' must be set to \(settings.joined(separator: ", "))")
            }
            rules[id] = setting
        }
        return rules
    }

    private static func strings(_ node: Node, key: String, fail: (Node?, String) -> ConfigurationError) throws
        -> [String]
    {
        guard case .sequence(let sequence) = node else { throw fail(node, "'\(key)' must be a list, such as [a, b]") }
        return try sequence.map { item in
            guard case .scalar(let scalar) = item, !scalar.string.isEmpty else {
                throw fail(item, "'\(key)' must list words")
            }
            return scalar.string
        }
    }
}

/// "; did you mean 'x'?" for configuration messages.
enum NearMissSuggestion {
    static func text(for name: String, in candidates: [String]) -> String {
        NearMiss.bestMatch(for: name, in: candidates).map { "; did you mean '\($0)'?" } ?? ""
    }
}
