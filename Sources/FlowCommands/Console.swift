import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Writing to the terminal: standard output and error, and whether colour is wanted.
enum Console {
    /// Whether to use colour: the flag if given, else only on a terminal and never when `NO_COLOR` is set.
    static func usesColor(override: Bool?, fileDescriptor: Int32) -> Bool {
        if let override { return override }
        if let noColor = ProcessInfo.processInfo.environment["NO_COLOR"], !noColor.isEmpty { return false }
        if ProcessInfo.processInfo.environment["TERM"] == "dumb" { return false }
        return isatty(fileDescriptor) != 0
    }

    /// Writes `text` to standard output as it is.
    static func out(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    /// Writes `text` to standard error as it is.
    static func error(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
