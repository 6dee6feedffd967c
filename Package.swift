// swift-tools-version:6.0
import PackageDescription

// The layout follows the pipeline: the expression language at the bottom, policies
// (YAML, parameters, packs, lint) above it, the engine (inventories, evaluation,
// reports) above that, and the command-line tools on top. No target depends on one
// above it.
let package = Package(
    name: "Verdict",
    products: [
        .library(name: "VerdictLanguage", targets: ["VerdictLanguage"]),
        .library(name: "VerdictPolicy", targets: ["VerdictPolicy"]),
        .library(name: "VerdictEngine", targets: ["VerdictEngine"]),
        .executable(name: "verdict", targets: ["verdict"]),
        .executable(name: "verdict-conformance", targets: ["verdict-conformance"]),
        .executable(name: "verdict-bench", targets: ["verdict-bench"]),
    ],
    targets: [
        // libyaml, found through pkg-config; Debian and Ubuntu ship it as libyaml-dev.
        .systemLibrary(
            name: "CYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"])]
        ),
        // libm: Double rounding functions (Int64(exactly:) and friends) live there on Linux.
        .target(name: "VerdictLanguage", linkerSettings: [.linkedLibrary("m")]),
        .target(name: "VerdictPolicy", dependencies: ["VerdictLanguage", "CYAML"]),
        .target(name: "VerdictEngine", dependencies: ["VerdictLanguage", "VerdictPolicy"]),
        .executableTarget(name: "verdict", dependencies: ["VerdictEngine", "VerdictPolicy", "VerdictLanguage"]),
        // Runs CEL's conformance tests; a library so that the test suite can run them too.
        .target(name: "VerdictConformance", dependencies: ["VerdictLanguage"]),
        .executableTarget(name: "verdict-conformance", dependencies: ["VerdictConformance"]),
        .executableTarget(name: "verdict-bench", dependencies: ["VerdictEngine", "VerdictPolicy", "VerdictLanguage"]),
        // Helpers that several test targets share, such as a seeded random generator.
        .target(name: "VerdictTestSupport", path: "Tests/Support"),
        .testTarget(name: "VerdictLanguageTests", dependencies: ["VerdictLanguage", "VerdictConformance", "VerdictTestSupport"], exclude: ["Data"]),
        .testTarget(name: "VerdictPolicyTests", dependencies: ["VerdictPolicy", "VerdictTestSupport"], exclude: ["Data"]),
        .testTarget(name: "VerdictEngineTests", dependencies: ["VerdictEngine", "VerdictTestSupport"]),
        // Runs the built verdict command, so that exit statuses and output channels are tested as users see them.
        .testTarget(name: "VerdictCLITests", dependencies: ["verdict", "VerdictTestSupport"]),
    ]
)
