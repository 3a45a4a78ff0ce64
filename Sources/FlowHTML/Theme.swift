public import Foundation

/// The look of a site: Mustache templates and static assets (CSS, JavaScript, icons).
///
/// The built-in theme is compiled into flowdoc from `Resources/Templates` and `Resources/Assets`.
/// A theme folder overrides any of them by file name: `theme/flow.mustache` replaces the flow
/// page template and `theme/flowdoc.css` the style sheet; other files are added as assets.
public struct Theme: Sendable, Hashable {
    /// Template sources by name, without the `.mustache` extension (`flow`, `layout`).
    public var templates: [String: String]
    /// Asset contents by file name (`flowdoc.css`); written to the site's `assets/` folder.
    public var assets: [String: Data]

    /// Creates a theme from templates and assets.
    public init(templates: [String: String], assets: [String: Data]) {
        self.templates = templates
        self.assets = assets
    }

    /// The theme that ships with flowdoc, compiled into it (``BuiltInThemeFiles``): an installed
    /// binary needs no resource folder beside it.
    public static func builtIn() -> Theme {
        Theme(
            templates: BuiltInThemeFiles.templates,
            assets: BuiltInThemeFiles.assets.mapValues { Data($0.utf8) }
        )
    }

    /// This theme with every file of `directory` replacing or adding the template or asset of the same name.
    ///
    /// - Parameter directory: A theme folder; sub-folders are searched too.
    /// - Throws: ``ThemeError`` when the folder or one of its files can't be read.
    public func overridden(by directory: URL) throws -> Theme {
        var theme = self
        try theme.add(from: directory)
        return theme
    }

    private mutating func add(from directory: URL) throws {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        guard manager.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ThemeError(path: directory.path, reason: "not a folder")
        }
        guard let enumerator = manager.enumerator(at: directory, includingPropertiesForKeys: [.isRegularFileKey])
        else {
            throw ThemeError(path: directory.path, reason: "can't list the folder")
        }
        var files: [URL] = []
        for case let url as URL in enumerator where !url.lastPathComponent.hasPrefix(".") {
            if (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true { files.append(url) }
        }
        for url in files.sorted(by: { $0.path < $1.path }) {
            let data: Data
            do { data = try Data(contentsOf: url) } catch {
                throw ThemeError(path: url.path, reason: "\(error)")
            }
            let name = url.lastPathComponent
            if url.pathExtension == "mustache" {
                templates[String(name.dropLast(".mustache".count))] = String(decoding: data, as: UTF8.self)
            } else {
                assets[name] = data
            }
        }
    }
}

/// A theme folder, template or asset that can't be read or used.
public struct ThemeError: Error, CustomStringConvertible, Sendable {
    /// The file or folder at fault.
    public var path: String
    /// What went wrong.
    public var reason: String

    /// Creates an error about `path`.
    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    public var description: String { "\(path): \(reason)" }
}
