// swift-tools-version: 6.0
import PackageDescription

/// One set of compiler settings for every target: Swift 6 language mode is the package default;
/// these keep the whole package to the same strictness.
let strict: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "Ossify",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "ossify", targets: ["ossify"]),
        .library(name: "Ontology", targets: ["Ontology"]),
        .library(name: "Clinical", targets: ["Clinical"]),
        .library(name: "Diagnosis", targets: ["Diagnosis"]),
        .library(name: "Phenopackets", targets: ["Phenopackets"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        // The system zlib, for reading the gzip-compressed HPO release. Foundation on Linux has no
        // gzip reader, and compress-nio would pull SwiftNIO into the dependency-free core.
        .systemLibrary(name: "CZlib", path: "Sources/CZlib"),
        .target(name: "Ontology", dependencies: ["CZlib"], swiftSettings: strict),
        .target(name: "Clinical", dependencies: ["Ontology"], swiftSettings: strict),
        .target(name: "Diagnosis", dependencies: ["Ontology", "Clinical"], swiftSettings: strict),
        .target(name: "Phenopackets", dependencies: ["Clinical"], swiftSettings: strict),
        .executableTarget(
            name: "ossify",
            dependencies: [
                "Ontology", "Clinical", "Diagnosis", "Phenopackets",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict
        ),
        // Small hand-made ontologies and annotations shared by the test suites.
        .target(name: "TestSupport", dependencies: ["Ontology"], path: "Tests/TestSupport", swiftSettings: strict),
        .testTarget(name: "OntologyTests", dependencies: ["Ontology", "TestSupport"], swiftSettings: strict),
        .testTarget(name: "ClinicalTests", dependencies: ["Clinical"], swiftSettings: strict),
        .testTarget(name: "DiagnosisTests", dependencies: ["Diagnosis", "TestSupport"], swiftSettings: strict),
        .testTarget(name: "PhenopacketsTests", dependencies: ["Phenopackets"], swiftSettings: strict),
    ]
)
