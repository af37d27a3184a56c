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
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-crypto", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-extras", from: "1.35.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        // The configuration file of `ossify serve` (YAML: every node keeps its line for error messages).
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        // The system zlib, for reading the gzip-compressed HPO release. Foundation on Linux has no
        // gzip reader, and compress-nio would pull SwiftNIO into the dependency-free core.
        .systemLibrary(name: "CZlib", path: "Sources/CZlib"),
        .target(name: "Ontology", dependencies: ["CZlib"], swiftSettings: strict),
        .target(name: "Clinical", dependencies: ["Ontology"], swiftSettings: strict),
        .target(name: "Diagnosis", dependencies: ["Ontology", "Clinical"], swiftSettings: strict),
        .target(name: "Phenopackets", dependencies: ["Clinical"], swiftSettings: strict),
        // The body map and the patient charts as inline SVG, pure functions of small value types; also
        // the SVG writer that the cohort plots share.
        .target(name: "Figures", dependencies: ["Clinical"], swiftSettings: strict),
        // Cohort statistics (survival, progression, genotype-phenotype) and their SVG plots.
        .target(name: "Analytics", dependencies: ["Clinical", "Figures"], swiftSettings: strict),
        .executableTarget(
            name: "ossify",
            dependencies: [
                "Ontology", "Clinical", "Diagnosis", "Phenopackets", "Registry", "Server", "Analytics", "Composition",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict
        ),
        // Small hand-made ontologies and annotations shared by the test suites.
        .target(name: "TestSupport", dependencies: ["Ontology"], path: "Tests/TestSupport", swiftSettings: strict),
        .testTarget(name: "OntologyTests", dependencies: ["Ontology", "TestSupport"], swiftSettings: strict),
        // Vignettes: published patients read by VignetteTests and scripts/measure-vignettes.
        .testTarget(name: "ClinicalTests", dependencies: ["Clinical"], exclude: ["Vignettes"], swiftSettings: strict),
        .testTarget(name: "DiagnosisTests", dependencies: ["Diagnosis", "TestSupport"], swiftSettings: strict),
        .testTarget(name: "PhenopacketsTests", dependencies: ["Phenopackets"], swiftSettings: strict),
        .testTarget(
            name: "AnalyticsTests",
            dependencies: ["Analytics", "Figures", .product(name: "PropertyBased", package: "swift-property-based")],
            swiftSettings: strict),
        // Registry only to check the map's regions and the %BSA against its Lund-Browder catalogue.
        .testTarget(name: "FiguresTests", dependencies: ["Figures", "Clinical", "Registry"], swiftSettings: strict),
        // The registry: storage protocol, SQLite (GRDB) and PostgreSQL (PostgresNIO) stores, users, audit.
        .target(
            name: "Registry",
            dependencies: [
                "Clinical", "Phenopackets", "Analytics",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                // TLS settings of PostgreSQL connections (sslmode).
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: strict
        ),
        // The composition root both executables share: where the data and knowledge are installed, the
        // engines, the store, the account service with its password hasher, the server's configuration file.
        .target(
            name: "Composition",
            dependencies: [
                "Ontology", "Clinical", "Diagnosis", "Registry",
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Yams", package: "Yams"),
            ],
            swiftSettings: strict
        ),
        .testTarget(name: "CompositionTests", dependencies: ["Composition", "Registry"], swiftSettings: strict),
        // The registry server: Hummingbird REST API, auth, OpenAPI document.
        .target(
            name: "Server",
            dependencies: [
                "Composition", "Registry", "Diagnosis", "Clinical", "Ontology", "Phenopackets", "Analytics", "Figures",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdAuth", package: "hummingbird-auth"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "HummingbirdBasicAuth", package: "hummingbird-auth"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        .testTarget(name: "RegistryTests", dependencies: ["Registry"], swiftSettings: strict),
        // Mutation fuzzing of every parser of outside input, seeds in Tests/FuzzTests/Corpus.
        .testTarget(
            name: "FuzzTests",
            dependencies: [
                "Ontology", "Clinical", "Phenopackets", "Registry",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            exclude: ["Corpus"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "ServerTests",
            dependencies: [
                "Server", "Registry", "Composition",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ],
            swiftSettings: strict
        ),
    ]
)
