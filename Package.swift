// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "insider-clusters",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "insider-clusters", targets: ["InsiderClustersCLI"]),
        .library(name: "InsiderClusters", targets: ["InsiderClusters"]),
        .library(name: "OpenInsiderPages", targets: ["OpenInsiderPages"]),
        .library(name: "EdgarForm4", targets: ["EdgarForm4"]),
        .library(name: "InsiderCore", targets: ["InsiderCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    ],
    targets: [
        // Pure core: trades, insiders, roles, clusters, scoring. No I/O.
        .target(name: "InsiderCore", dependencies: ["JSONEscaping"]),
        // JSON string escaping shared by the core and the parsers' JSON output.
        .target(name: "JSONEscaping"),
        // Pure parser: OpenInsider page bytes -> rows.
        .target(name: "OpenInsiderPages", dependencies: ["JSONEscaping"]),
        // Pure parser: Form 4 bytes (raw XML, .txt, .nc) -> document.
        .target(name: "EdgarForm4", dependencies: ["JSONEscaping"]),
        // Input, runtime (storage, charging, HTTP), sources and the pipeline.
        .target(
            name: "InsiderClusters",
            dependencies: [
                "InsiderCore", "OpenInsiderPages", "EdgarForm4",
                .product(name: "Logging", package: "swift-log"),
            ],
            resources: [.copy("Resources/input_schema.json")]
        ),
        // The front door: swift-argument-parser subcommands.
        .executableTarget(
            name: "InsiderClustersCLI",
            dependencies: [
                "InsiderClusters",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(name: "InsiderCoreTests", dependencies: ["InsiderCore"]),
        .testTarget(name: "OpenInsiderPagesTests", dependencies: ["OpenInsiderPages"]),
        .testTarget(name: "EdgarForm4Tests", dependencies: ["EdgarForm4"]),
        .testTarget(
            name: "InsiderClustersTests",
            dependencies: ["InsiderClusters", "InsiderCore", "OpenInsiderPages", "EdgarForm4", "InsiderClustersCLI"]
        ),
    ]
)
