// FlowHTML
