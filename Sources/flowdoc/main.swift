import FlowCommands

await FlowdocCommand.runFromCommandLine()
