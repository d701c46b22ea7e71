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
        .library(name: "TradeStore", targets: ["TradeStore"]),
        .library(name: "SQLiteTradeStore", targets: ["SQLiteTradeStore"]),
        .library(name: "PostgresTradeStore", targets: ["PostgresTradeStore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
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
        // The trade store's seam: one protocol and its value types (SPEC section 8), no database.
        .target(name: "TradeStore", dependencies: ["InsiderCore"]),
        // The embedded default store: SQLite through GRDB, WAL mode, versioned migrations.
        .target(name: "SQLiteTradeStore", dependencies: ["TradeStore", "InsiderCore", .product(name: "GRDB", package: "GRDB.swift"), .product(name: "GRDBSQLite", package: "GRDB.swift")]),
        // gzip members for WARC recordings: three C functions over the system zlib (no package to build).
        .target(name: "CZlibShim", linkerSettings: [.linkedLibrary("z")]),
        // The shared store: PostgreSQL through postgres-nio, the same schema and queries as SQLite.
        .target(name: "PostgresTradeStore", dependencies: [
            "TradeStore", "InsiderCore", "SQLiteTradeStore",
            .product(name: "PostgresNIO", package: "postgres-nio"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        // Input, runtime (storage, charging, HTTP), sources, ingestion and the pipeline.
        .target(
            name: "InsiderClusters",
            dependencies: [
                "InsiderCore", "OpenInsiderPages", "EdgarForm4", "TradeStore", "SQLiteTradeStore", "PostgresTradeStore",
                "CZlibShim",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "Logging", package: "swift-log"),
                // The platform's event WebSocket (ACTOR_EVENTS_WEBSOCKET_URL).
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOWebSocket", package: "swift-nio"),
            ]
        ),
        // The Insider Trading API (SPEC section 9): Hummingbird routes over `any TradeStore`.
        .target(
            name: "InsiderAPI",
            dependencies: [
                "TradeStore", "InsiderCore", "JSONEscaping",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ]
        ),
        // Made-up filings for CI's schemathesis run and the benchmark (never real data).
        .target(name: "SyntheticTrades", dependencies: ["TradeStore", "InsiderCore"]),
        // The front door: swift-argument-parser subcommands.
        .executableTarget(
            name: "InsiderClustersCLI",
            dependencies: [
                "InsiderClusters", "InsiderAPI", "SyntheticTrades", "TradeStore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(name: "InsiderCoreTests", dependencies: ["InsiderCore"]),
        .testTarget(name: "OpenInsiderPagesTests", dependencies: ["OpenInsiderPages"]),
        .testTarget(name: "EdgarForm4Tests", dependencies: ["EdgarForm4"]),
        .testTarget(
            name: "InsiderClustersTests",
            dependencies: ["InsiderClusters", "InsiderCore", "OpenInsiderPages", "EdgarForm4", "InsiderClustersCLI",
                           "TradeStore", "SQLiteTradeStore", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                           .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOPosix", package: "swift-nio"),
                           .product(name: "NIOHTTP1", package: "swift-nio"), .product(name: "NIOWebSocket", package: "swift-nio")]
        ),
        .testTarget(name: "TradeStoreTests", dependencies: [
            "TradeStore", "SQLiteTradeStore", "PostgresTradeStore", "InsiderCore", "InsiderClusters",
            .product(name: "PostgresNIO", package: "postgres-nio"), .product(name: "Logging", package: "swift-log"),
        ]),
        .testTarget(
            name: "InsiderAPITests",
            dependencies: ["InsiderAPI", "TradeStore", "SQLiteTradeStore", "PostgresTradeStore", "InsiderCore",
                           .product(name: "PostgresNIO", package: "postgres-nio"),
                           .product(name: "Hummingbird", package: "hummingbird"),
                           .product(name: "HummingbirdTesting", package: "hummingbird"),
                           .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                           .product(name: "Logging", package: "swift-log"),
                           .product(name: "InMemoryLogging", package: "swift-log"),
                           .product(name: "HTTPTypes", package: "swift-http-types")]
        ),
    ]
)
