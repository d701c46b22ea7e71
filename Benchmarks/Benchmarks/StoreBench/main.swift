import Foundation
import InsiderClusters
import InsiderCore
import PostgresTradeStore
import SQLiteTradeStore
import TradeStore

// The trade store benchmark (issue: load one quarter in at most 5 s; each API query over two
// years in at most 20 ms for a 90-day lookback), next to a plain Python baseline run on the same
// files in the same run.
//
//   cd Benchmarks && swift run -c release StoreBench [work-dir] [quarters]
//
// With STORE_BENCH_POSTGRES_URL=postgres://user:pw@host:port/db the same quarter load and the
// same queries (same data, parameters and runs) also run on PostgreSQL, in schemas
// storebench_one and storebench_all that are dropped first, and a table puts the two stores side
// by side; STORE_BENCH_POSTGRES_QUARTERS=n loads only the newest n quarters there (default all).
// Benchmarks/store-bench-pg.sh starts a throwaway server for it.

let args = CommandLine.arguments
let work = URL(fileURLWithPath: args.count > 1 ? args[1] : NSTemporaryDirectory() + "store-bench")
let quarterCount = args.count > 2 ? Int(args[2]) ?? 8 : 8
let python = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("python/store_baseline.py").path
try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)

func seconds(_ d: Duration) -> Double { Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18 }

func runPython(_ arguments: [String]) throws -> String {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    p.arguments = ["python3", python] + arguments
    let out = Pipe()
    p.standardOutput = out
    try p.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
}

// 1. Two years of quarters, the newest like 2026q3 (about 35,000 filings).
var zips: [(name: String, url: URL)] = []
var quarter = (year: 2024, number: 4)
for i in 0..<quarterCount {
    let name = "\(quarter.year)q\(quarter.number)_form345.zip"
    let url = work.appendingPathComponent(name)
    if !FileManager.default.fileExists(atPath: url.path) {
        var q = SyntheticQuarter(year: quarter.year, quarter: quarter.number, filings: 35_000, seed: UInt64(1000 + i))
        let size = try q.write(to: url)
        print("generated \(name): \(size.tsvBytes / 1_000_000) MB of TSV, \(size.nonDerivRows) table I rows")
    }
    zips.append((name, url))
    quarter = quarter.number == 4 ? (quarter.year + 1, 1) : (quarter.year, quarter.number + 1)
}

// 2. One quarter: our reader + SQLite store, then Python's csv into sqlite3, same ZIP.
let newest = zips.last!
let oneStorePath = work.appendingPathComponent("one-quarter.sqlite").path
for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: oneStorePath + suffix) }
let zipData = try Data(contentsOf: newest.url)
let clock = ContinuousClock()
let t0 = clock.now
let filings = try QuarterReader.filings(zip: zipData, fileName: newest.name)
let readTime = clock.now - t0
let oneStore = try SQLiteTradeStore(path: oneStorePath)
let t1 = clock.now
try await oneStore.load(filings, marking: .quarter(LoadedQuarter(quarter: "bench", filings: filings.count, zipDigest: "-", loadedAt: "-")))
let loadTime = clock.now - t1
let ours = seconds(readTime + loadTime)
let pyDB = work.appendingPathComponent("python-one.sqlite").path
try? FileManager.default.removeItem(atPath: pyDB)
let pyLoad = Double(try runPython(["load", newest.url.path, pyDB])) ?? .nan
let transactions = filings.reduce(0) { $0 + $1.transactions.count }
print(String(format: "quarter load (%@: %d filings, %d transactions): ours %.2f s (read %.2f + store %.2f), bound 5 s -> %.2fx of the bound; Python csv+sqlite3 %.2f s -> ours is %.1fx faster",
             newest.name, filings.count, transactions, ours, seconds(readTime), seconds(loadTime), ours / 5, pyLoad, pyLoad / ours))

// 2b. The same quarter, the same parsed filings, into PostgreSQL (connected and migrated before the clock starts, as SQLite is).
var pgOne: Double?
if PostgresSide.urlText != nil {
    let url = try await PostgresSide.freshSchema("storebench_one")
    let pg = PostgresTradeStore(url: url, poolSize: 2)
    _ = try await pg.status()
    print("PostgreSQL: \(url.redacted); \(try await PostgresSide.settings(url))")
    let t = clock.now
    try await pg.load(filings, marking: .quarter(LoadedQuarter(quarter: "bench", filings: filings.count, zipDigest: "-", loadedAt: "-")))
    let store = seconds(clock.now - t)
    pgOne = seconds(readTime) + store
    print(String(format: "quarter load on PostgreSQL (same filings): %.2f s (read %.2f + store %.2f), bound 5 s -> %.2fx of the bound",
                 pgOne!, seconds(readTime), store, pgOne! / 5))
}

if ProcessInfo.processInfo.environment["STOREBENCH_LOAD_ONLY"] == "1" { exit(0) }

// 3. Two years in one store, and the three queries for a 90-day lookback.
let storePath = work.appendingPathComponent("two-years.sqlite").path
for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: storePath + suffix) }
let store = try SQLiteTradeStore(path: storePath)
let pyTwoYears = work.appendingPathComponent("python-two-years.sqlite").path
try? FileManager.default.removeItem(atPath: pyTwoYears)
let pgQuarterCount = min(zips.count, Int(ProcessInfo.processInfo.environment["STORE_BENCH_POSTGRES_QUARTERS"] ?? "") ?? zips.count)
let pgURL: PostgresStoreURL? = PostgresSide.urlText == nil ? nil : try await PostgresSide.freshSchema("storebench_all")
let pgStore = pgURL.map { PostgresTradeStore(url: $0, poolSize: 2) }
if let pgStore { _ = try await pgStore.status() }
var totalFilings = 0
var sqliteLoads = 0.0, pgLoads = 0.0   // the quarters both stores load
for (i, z) in zips.enumerated() {
    let f = try QuarterReader.filings(zip: try Data(contentsOf: z.url), fileName: z.name)
    totalFilings += f.count
    let t = clock.now
    try await store.load(f, marking: nil)
    if i >= zips.count - pgQuarterCount { sqliteLoads += seconds(clock.now - t) }
    if let pgStore, i >= zips.count - pgQuarterCount {
        let t = clock.now
        try await pgStore.load(f, marking: nil)
        pgLoads += seconds(clock.now - t)
    }
    _ = try runPython(["load", z.url.path, pyTwoYears])
}
let status = try await store.status()
let asOf = Quarter(String(newest.name.prefix(6)))!.lastDay
let window = LookbackWindow(asOf: asOf, days: 90)
// The busiest ticker: the one with the most transactions in the window.
let busiest = try await store.activity(in: window, limit: 1).sells.first?.ticker ?? "T0000"

func median(_ runs: Int, _ body: () async throws -> Void) async rethrows -> (median: Double, p99: Double) {
    var ms: [Double] = []
    for _ in 0..<runs {
        let t = clock.now
        try await body()
        ms.append(seconds(clock.now - t) * 1000)
    }
    ms.sort()
    return (ms[ms.count / 2], ms[min(ms.count - 1, Int(Double(ms.count) * 0.99))])
}
let runs = 30
let cluster = try await median(runs) { _ = try await store.clusterBuys(in: window, minInsiders: 3) }
let activity = try await median(runs) { _ = try await store.activity(in: window, limit: 50) }
let trades = try await median(runs) { _ = try await store.trades(ticker: busiest, in: window) }
let py = try runPython(["query", pyTwoYears, asOf.description, "90", busiest, "5"]).split(separator: " ").compactMap { Double($0) }
let size = Double(status.sizeBytes ?? 0) / 1_048_576
print(String(format: "store: %d filings, %d transactions, %.0f MB (%.1f MB per quarter)", status.filings, status.transactions, size, size / Double(zips.count)))
for (name, ours, theirs) in [("cluster-buys", cluster, py.count > 0 ? py[0] : .nan), ("activity", activity, py.count > 1 ? py[1] : .nan),
                            ("trades/\(busiest)", trades, py.count > 2 ? py[2] : .nan)] {
    print(String(format: "query %@ (90-day lookback): median %.2f ms, p99 %.2f ms; bound 20 ms -> %.2fx of the bound; Python baseline median %.1f ms -> ours is %.0fx faster",
                 name, ours.median, ours.p99, ours.median / 20, theirs, theirs / ours.median))
}

// 4. The same three queries, parameters and runs on PostgreSQL, and the two stores side by side.
if let pgStore, let pgURL {
    let pgStatus = try await pgStore.status()
    let pgSize = Double(try await PostgresSide.sizeBytes(pgURL)) / 1_048_576
    let pgCluster = try await median(runs) { _ = try await pgStore.clusterBuys(in: window, minInsiders: 3) }
    let pgActivity = try await median(runs) { _ = try await pgStore.activity(in: window, limit: 50) }
    let pgTrades = try await median(runs) { _ = try await pgStore.trades(ticker: busiest, in: window) }
    let sameClusters = try await pgStore.clusterBuys(in: window, minInsiders: 3) == store.clusterBuys(in: window, minInsiders: 3)
    let sameActivity = try await pgStore.activity(in: window, limit: 50) == store.activity(in: window, limit: 50)
    let sameTrades = try await pgStore.trades(ticker: busiest, in: window) == store.trades(ticker: busiest, in: window)
    let same = sameClusters && sameActivity && sameTrades
    print(String(format: "PostgreSQL store: %d filings, %d transactions, %.0f MB (%.1f MB per quarter) in %d of the %d quarters%@; the three answers %@ SQLite's",
                 pgStatus.filings, pgStatus.transactions, pgSize, pgSize / Double(pgQuarterCount), pgQuarterCount, zips.count,
                 pgQuarterCount < zips.count ? " (STORE_BENCH_POSTGRES_QUARTERS: the queries run over fewer quarters than SQLite's)" : "",
                 same ? "equal" : "DIFFER FROM"))
    func pad(_ text: String, _ width: Int) -> String { text.padding(toLength: max(width, text.count), withPad: " ", startingAt: 0) }
    func row(_ label: String, _ a: Double, _ b: Double, _ unit: String) -> String {
        pad("\(label) (\(unit))", 36) + String(format: "%12.2f %12.2f %10.2fx", a, b, b / a)
    }
    print("")
    print(pad("same data, same run", 36) + "      SQLite   PostgreSQL   PG/SQLite")
    print(row("quarter load, read + store", ours, pgOne ?? .nan, "s"))
    print(row("\(pgQuarterCount) quarters' store loads, total", sqliteLoads, pgLoads, "s"))
    for (name, a, b) in [("cluster-buys", cluster, pgCluster), ("activity", activity, pgActivity), ("trades/\(busiest)", trades, pgTrades)] {
        print(row("\(name) median", a.median, b.median, "ms"))
        print(row("\(name) p99", a.p99, b.p99, "ms"))
    }
    print(String(format: "(%d runs per query, 90-day lookback to %@; store size %.0f MB SQLite, %.0f MB PostgreSQL)",
                 runs, asOf.description, size, pgSize))
}
