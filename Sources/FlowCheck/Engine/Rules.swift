/// The catalogue of rules `flowdoc check` knows.
public enum Rules {
    /// Every rule, in the order `docs/rules.md` lists them.
    public static let all: [any Checker] = [
        // Structure
        MissingTitle(), MissingSteps(), StepNumberGap(), StepNumberRepeat(), StepMissingAction(), EmptyStep(),
        SingleStepProcedure(), ProcedureTooLong(), DuplicateFlowID(), InvalidFlowID(), DuplicateAnchor(),
        // Forms
        FieldMismatch(), ExampleValueDrift(), ChoiceSelectionUnknown(),
        // Links and graph
        BrokenLink(), LinkOutsideContent(), NextTargetNotFlow(), MissingImage(), ImageMissingAlt(),
        UnreachableFlow(), DeadEnd(), NextCycle(),
        // Metadata
        InvalidUpdatedDate(), MissingFacet(),
        // Product model
        UnknownUITarget(), UnknownScreen(), ScreenFieldMismatch(),
        // Rendering
        RawHTMLDropped(),
    ]

    /// IDs of the diagnostics that reading and parsing pages report; `rules:` may set them too.
    public static let parseDiagnosticIDs: [String] = [
        "BinaryFile", "BrokenSymbolicLink", "FrontMatterInvalid", "FrontMatterInvalidValue", "FrontMatterNotMapping",
        "FrontMatterTooDeep", "FrontMatterUnterminated", "InvalidUTF8", "LinkOutsideContent", "NestingTooDeep",
        "NulByte",
        "ProductModelInvalid", "ScreenLineUnrecognized", "UnreadableFile",
    ]

    /// Every ID the `rules:` setting accepts.
    public static var knownIDs: [String] {
        var seen = Set<String>()
        return (all.map(\.id) + parseDiagnosticIDs).filter { seen.insert($0).inserted }
    }

    /// Descriptors of every rule, for SARIF metadata.
    public static var descriptors: [RuleDescriptor] { all.map(\.descriptor) }
}
