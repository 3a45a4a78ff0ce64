// FlowJSON
