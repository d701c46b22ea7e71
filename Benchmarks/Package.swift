// swift-tools-version:6.1
// Benchmarks live in their own package so `swift build` / `swift test` of the product never compile them.
import PackageDescription

let package = Package(
    name: "insider-clusters-benchmarks",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "insider-clusters", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
    ],
    targets: [
        // The API benchmark's baseline: a minimal Hummingbird route with a constant body (api-wrk.sh).
        .executableTarget(
            name: "APIBaseline",
            dependencies: [.product(name: "Hummingbird", package: "hummingbird"),
                           .product(name: "NIOConcurrencyHelpers", package: "swift-nio")],
            path: "Benchmarks/APIBaseline"
        ),
        .executableTarget(
            name: "ParseBench",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "OpenInsiderPages", package: "insider-clusters"),
                .product(name: "EdgarForm4", package: "insider-clusters"),
            ],
            path: "Benchmarks/ParseBench",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        // The trade store: one quarter's load and the three API queries over two years, next to a
        // plain Python baseline (csv module into sqlite3) run on the same files in the same run;
        // with STORE_BENCH_POSTGRES_URL, the same load and queries on PostgreSQL beside SQLite.
        .executableTarget(
            name: "StoreBench",
            dependencies: [
                .product(name: "InsiderClusters", package: "insider-clusters"),
                .product(name: "TradeStore", package: "insider-clusters"),
                .product(name: "SQLiteTradeStore", package: "insider-clusters"),
                .product(name: "PostgresTradeStore", package: "insider-clusters"),
                .product(name: "InsiderCore", package: "insider-clusters"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Benchmarks/StoreBench"
        ),
        // The batch job's wall time against its politeness bound, on a synthetic market served
        // from 127.0.0.1 with 50 ms per request (a run, not a micro-benchmark: it takes a minute).
        .executableTarget(
            name: "RunBench",
            dependencies: [
                .product(name: "InsiderClusters", package: "insider-clusters"),
                .product(name: "InsiderCore", package: "insider-clusters"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Benchmarks/RunBench"
        ),
    ]
)
