import ArgumentParser
import Foundation

/// The content folder argument shared by every command that reads pages.
struct ContentOptions: ParsableArguments {
    @Argument(
        help: ArgumentHelp("The folder that holds the help pages.", valueName: "content-dir"),
        completion: .directory
    )
    var contentDirectory: String = "content"

    /// The content folder as a file URL.
    var contentURL: URL { URL(fileURLWithPath: contentDirectory).standardizedFileURL }
}
