// FlowCheck
