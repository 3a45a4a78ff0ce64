/// The version of this build of flowdoc, shown by `--version` and written into every JSON file.
public enum FlowdocVersion {
    /// The version string.
    public static let current = "0.1.0"
}
