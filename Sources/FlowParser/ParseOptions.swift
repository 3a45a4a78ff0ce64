/// Settings that change how pages are read.
public struct ParseOptions: Sendable, Hashable {
    /// Words accepted as the action verb that starts a step's instruction, compared case-insensitively.
    public var actionVerbs: Set<String>

    /// Creates options; `extraActionVerbs` are added to ``defaultActionVerbs``.
    public init(extraActionVerbs: [String] = []) {
        self.actionVerbs = Set((Self.defaultActionVerbs + extraActionVerbs).map { $0.lowercased() })
    }

    /// The verbs a step may start with out of the box.
    public static let defaultActionVerbs: [String] = [
        "Accept", "Activate", "Add", "Allow", "Apply", "Assign", "Authorize", "Cancel", "Change", "Check", "Choose",
        "Clear", "Click", "Close", "Collapse", "Configure", "Confirm", "Connect", "Copy", "Create", "Deactivate",
        "Define", "Delete", "Deselect", "Disable", "Double-click", "Download", "Drag", "Edit", "Enable", "Enter",
        "Expand", "Export", "Fill", "Find", "Follow", "Generate", "Give", "Go", "Grant", "Hover", "Import", "Install",
        "Invite", "Leave", "Log", "Make", "Map", "Mark", "Move", "Name", "Navigate", "Open", "Paste", "Pick", "Press",
        "Provide", "Publish", "Refresh", "Reload", "Remove", "Rename", "Repeat", "Reset", "Restart", "Return",
        "Review", "Right-click", "Run", "Save", "Scroll", "Search", "Select", "Send", "Set", "Share", "Sign",
        "Specify", "Start", "Stop", "Submit", "Switch", "Sync", "Tap", "Test", "Toggle", "Turn", "Type", "Uncheck",
        "Update", "Upload", "Use", "Verify", "Wait", "Write",
    ]

    /// The default options.
    public static let `default` = ParseOptions()
}
