import Testing

@testable import FlowCommands

/// Only the `flowdoc` executable keeps loaded content until exit; actions run in-process free it.
struct KeepAliveTests {
    /// Stands in for a loaded model; a weak reference tells whether it was freed.
    final class Model: Sendable {}

    @Test func valuesKeptInProcessAreFreedAsUsual() {
        weak var model: Model?
        do {
            let value = Model()
            model = value
            KeepAlive.keep(value)
        }
        #expect(model == nil, "KeepAlive held a value although only runFromCommandLine enables it")
    }
}
