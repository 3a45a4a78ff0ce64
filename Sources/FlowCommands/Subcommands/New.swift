import ArgumentParser
import Foundation

extension FlowdocCommand {
    /// `flowdoc new`: a page from a template.
    struct New: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "new",
            abstract: "Add a help page from a template.",
            discussion: """
                Writes a page with front matter (title; product, copied from the front matter of \
                the content folder's index.md when it sets one; platform; mode; updated, today) and \
                a procedure skeleton to fill in. Folders are created as needed. The path is \
                relative to the content folder; .md is added when missing. An existing file is \
                never overwritten.

                Examples:
                  flowdoc new export-data
                  flowdoc new salesforce/export-data.md --title "Export data from Salesforce"
                  flowdoc new jira/accept.md --platform "Jira Cloud" --mode Script
                  flowdoc new guides/setup.md --content docs/content
                """
        )

        @Argument(help: ArgumentHelp("The page to create, relative to the content folder.", valueName: "path"))
        var path: String

        @Option(help: ArgumentHelp("The page's title (default: made from the file name).", valueName: "title"))
        var title: String?

        @Option(help: ArgumentHelp("The platform facet, such as Salesforce.", valueName: "platform"))
        var platform: String?

        @Option(help: ArgumentHelp("The mode facet, such as Script.", valueName: "mode"))
        var mode: String?

        @Option(
            name: .customLong("content"),
            help: ArgumentHelp("The content folder.", valueName: "dir"),
            completion: .directory
        )
        var contentDirectory: String = "content"

        @OptionGroup var output: OutputOptions

        func validate() throws {
            if let title, title.trimmingCharacters(in: .whitespaces).isEmpty {
                throw ValidationError("--title can't be empty.")
            }
        }

        func run() async throws {
            let action = NewAction(
                contentURL: URL(fileURLWithPath: contentDirectory).standardizedFileURL,
                path: path,
                title: title,
                platform: platform,
                mode: mode
            )
            let result: NewAction.Result
            do {
                result = try action.perform()
            } catch {
                Console.error("error: \(error)\n")
                throw ExitCode(2)
            }
            guard !output.quiet else { return }
            let shown = Check.pathPrefix(for: contentDirectory) + result.path
            let fromIndex = result.path
            Console.out(
                """
                Created \(shown)

                Next:
                  1. Write the steps: one numbered item per action, UI names in **bold**.
                  2. Link to the page from index.md or another page, so readers can reach it:
                       - [\(result.facets.title)](\(fromIndex))
                  3. Preview it as you write:  flowdoc serve \(contentDirectory)

                """
            )
        }
    }
}
