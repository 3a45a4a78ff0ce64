import ArgumentParser
import Foundation

extension FlowdocCommand {
    /// `flowdoc init`: a new help center that builds and checks clean at once.
    struct Init: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "init",
            abstract: "Create a new help center with an example flow.",
            discussion: """
                Writes, in the folder (created when missing):
                  content/index.md              the home page, linking to the flows
                  content/create-project.md     an example flow that uses every construct of the format
                  content/invite-teammate.md    a second, short flow it leads to
                  content/_product.yml          the product model the pages are checked against
                  content/images/new-project.svg
                  flowdoc.yml                   the settings, every key explained in comments
                  .gitignore                    ignores site/ and .flowdoc-cache/

                The result builds and checks clean at once. flowdoc init never overwrites a file: \
                when any of these files exists it lists them and writes nothing. An existing \
                .gitignore is kept; the lines flowdoc needs are appended when missing.

                Examples:
                  flowdoc init                 # in the current folder
                  flowdoc init help-center
                  cd help-center && flowdoc serve
                """
        )

        @Argument(
            help: ArgumentHelp("The folder to create the help center in.", valueName: "dir"),
            completion: .directory
        )
        var directory: String = "."

        @OptionGroup var output: OutputOptions

        func run() async throws {
            let action = InitAction(directory: URL(fileURLWithPath: directory).standardizedFileURL)
            let result: InitAction.Result
            do {
                result = try action.perform()
            } catch {
                Console.error("error: \(error)\n")
                throw ExitCode(2)
            }
            guard !output.quiet else { return }
            let prefix = directory == "." ? "" : (directory.hasSuffix("/") ? directory : directory + "/")
            var text = result.created.map { "  created \(prefix)\($0)\n" }.joined()
            text += result.appended.map { "  appended to \(prefix)\($0)\n" }.joined()
            let enter = directory == "." ? "" : "  cd \(directory)\n"
            text += """

                Your help center is ready. Next:
                \(enter)  flowdoc serve                     # preview at http://127.0.0.1:8000/ as you edit
                  flowdoc new my-task.md --title "Do my task"
                  flowdoc check && flowdoc build    # check, then write the site to site/

                """
            Console.out(text)
        }
    }
}
