// FlowParser
