import ArgumentParser
import Foundation

/// Flags that control how much flowdoc prints and whether it uses colour.
struct OutputOptions: ParsableArguments {
    @Flag(name: .shortAndLong, help: "Print only errors.")
    var quiet = false

    @Flag(name: .shortAndLong, help: "Print more about what flowdoc does.")
    var verbose = false

    @Flag(inversion: .prefixedNo, help: "Colour the output (default: only on a terminal, never with NO_COLOR).")
    var color: Bool?

    /// Whether to colour text written to standard error.
    var colorsStandardError: Bool { Console.usesColor(override: color, fileDescriptor: 2) }

    /// Whether to colour text written to standard output.
    var colorsStandardOutput: Bool { Console.usesColor(override: color, fileDescriptor: 1) }

    func validate() throws {
        if quiet && verbose { throw ValidationError("--quiet and --verbose can't be used together.") }
    }
}
