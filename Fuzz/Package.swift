// swift-tools-version:6.1
import PackageDescription

// A separate package so that the fuzzing flags never touch the main build. Build and run it
// with `scripts/fuzz.sh`, which passes the flags libFuzzer needs (see docs/hardening.md).
let package = Package(
    name: "FlowFuzz",
    dependencies: [
        .package(name: "flowdoc", path: "..")
    ],
    targets: [
        .executableTarget(
            name: "FlowFuzz",
            dependencies: [.product(name: "FlowdocKit", package: "flowdoc")]
        )
    ],
    swiftLanguageModes: [.v6]
)
