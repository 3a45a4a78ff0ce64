// swift-tools-version:6.1
import PackageDescription

// tcmalloc (gperftools, Debian's libtcmalloc-minimal4) in place of glibc's malloc: the parse and
// the rules allocate many small values on every core, and glibc's arenas made that a fifth of a
// check's CPU (docs/performance.md, sixth round). Linked by file name, so the runtime package is
// enough and no -dev package is needed. FLOWDOC_SYSTEM_MALLOC=1 (scripts/asan.sh sets it) keeps
// the system's: with tcmalloc beside the sanitizer's allocator, LeakSanitizer reported the Swift
// runtime's cached type names (`swift_getTypeName`) as leaks in every run of the binary.
let allocatorSettings: [LinkerSetting] =
    Context.environment["FLOWDOC_SYSTEM_MALLOC"] == "1"
    ? [] : [.linkedLibrary(":libtcmalloc_minimal.so.4", .when(platforms: [.linux]))]

let package = Package(
    name: "flowdoc",
    products: [
        .executable(name: "flowdoc", targets: ["flowdoc"]),
        .library(
            name: "FlowdocKit",
            targets: ["FlowCore", "FlowProse", "FlowModel", "FlowParser", "FlowCheck", "FlowJSON", "FlowAdapters"]
        ),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.1.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        // Already resolved through Hummingbird; named so FlowServe may import them explicitly.
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"]), .brew(["cmark"])]
        ),
        .target(name: "FlowCore"),
        .target(name: "FlowProse", dependencies: ["FlowCore"]),
        .target(name: "FlowMarkdown", dependencies: ["CCmark", "FlowCore", "FlowProse"]),
        .target(name: "FlowModel", dependencies: ["FlowCore", "FlowProse"]),
        .target(
            name: "FlowParser",
            dependencies: [
                "FlowCore", "FlowProse", "FlowMarkdown", "FlowModel", .product(name: "Yams", package: "Yams"),
            ]
        ),
        .target(name: "FlowCheck", dependencies: ["FlowCore", "FlowProse", "FlowModel"]),
        .target(
            name: "FlowJSON",
            dependencies: ["FlowCore", "FlowProse", "FlowModel"],
            exclude: ["Resources"]
        ),
        .target(name: "FlowAdapters", dependencies: ["FlowCore", "FlowProse", "FlowModel", "FlowJSON"]),
        .target(
            name: "FlowHTML",
            dependencies: [
                "FlowCore", "FlowProse", "FlowModel", "FlowJSON", .product(name: "Mustache", package: "swift-mustache"),
            ],
            exclude: ["Resources"]
        ),
        .target(
            name: "FlowServe",
            dependencies: [
                "FlowCore",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
            ]
        ),
        .target(
            name: "FlowCommands",
            dependencies: [
                "FlowCore", "FlowProse", "FlowModel", "FlowParser", "FlowCheck", "FlowJSON", "FlowHTML", "FlowAdapters",
                "FlowServe",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        .executableTarget(
            name: "flowdoc",
            dependencies: ["FlowCommands"],
            linkerSettings: allocatorSettings
        ),
        .target(
            name: "FlowTestSupport",
            dependencies: ["FlowCore", "FlowModel", "FlowParser"],
            path: "Sources/FlowTestSupport"
        ),
        .testTarget(name: "FlowCoreTests", dependencies: ["FlowCore"]),
        .testTarget(
            name: "FlowProseTests",
            dependencies: ["FlowProse", "FlowMarkdown", "FlowCore"],
            exclude: ["Conformance"]
        ),
        .testTarget(
            name: "FlowMarkdownTests",
            dependencies: ["FlowMarkdown", "FlowProse", "FlowCore", "FlowTestSupport"]
        ),
        .testTarget(
            name: "FlowParserTests",
            dependencies: ["FlowParser", "FlowModel", "FlowProse", "FlowCore", "FlowTestSupport"],
            exclude: ["Snapshots"]
        ),
        .testTarget(
            name: "FlowCheckTests",
            dependencies: ["FlowCheck", "FlowParser", "FlowModel", "FlowCore", "FlowTestSupport"]
        ),
        .testTarget(
            name: "FlowJSONTests",
            dependencies: ["FlowJSON", "FlowParser", "FlowModel", "FlowCore", "FlowTestSupport"],
            exclude: ["Snapshots"]
        ),
        .testTarget(
            name: "FlowAdaptersTests",
            dependencies: ["FlowAdapters", "FlowJSON", "FlowParser", "FlowModel", "FlowCore", "FlowTestSupport"],
            exclude: ["Snapshots"]
        ),
        .testTarget(
            name: "FlowHTMLTests",
            dependencies: [
                "FlowHTML", "FlowParser", "FlowModel", "FlowCore", "FlowTestSupport",
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            exclude: ["Snapshots"]
        ),
        .testTarget(
            name: "FlowServeTests",
            dependencies: [
                "FlowServe", "FlowCore", .product(name: "ServiceLifecycleTestKit", package: "swift-service-lifecycle"),
            ]
        ),
        .testTarget(
            name: "FlowCommandsTests",
            dependencies: [
                "FlowCommands", "FlowCheck", "FlowCore", "FlowModel", "FlowParser", "FlowHTML", "FlowJSON", "FlowServe",
                "FlowTestSupport", .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            exclude: ["Snapshots"]
        ),
    ],
    swiftLanguageModes: [.v6]
)

for target in package.targets where target.type != .system {
    target.swiftSettings =
        (target.swiftSettings ?? []) + [
            .enableUpcomingFeature("ExistentialAny"),
            .enableUpcomingFeature("InternalImportsByDefault"),
            .enableUpcomingFeature("MemberImportVisibility"),
        ]
}
