import Foundation
import InsiderClusters
import InsiderCore
import SQLiteTradeStore
import TradeStore

// The trade store benchmark (issue: load one quarter in at most 5 s; each API query over two
// years in at most 20 ms for a 90-day lookback), next to a plain Python baseline run on the same
// files in the same run.
//
//   cd Benchmarks && swift run -c release StoreBench [work-dir] [quarters]

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

// 3. Two years in one store, and the three queries for a 90-day lookback.
let storePath = work.appendingPathComponent("two-years.sqlite").path
for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: storePath + suffix) }
let store = try SQLiteTradeStore(path: storePath)
let pyTwoYears = work.appendingPathComponent("python-two-years.sqlite").path
try? FileManager.default.removeItem(atPath: pyTwoYears)
var totalFilings = 0
for z in zips {
    let f = try QuarterReader.filings(zip: try Data(contentsOf: z.url), fileName: z.name)
    totalFilings += f.count
    try await store.load(f, marking: nil)
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
