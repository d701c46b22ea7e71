import Benchmark
import EdgarForm4
import Foundation
import OpenInsiderPages

/// ../shared/fixtures, found from this file (Benchmarks/Benchmarks/ParseBench/ParseBench.swift).
let fixtures = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("shared/fixtures")

func load(_ folder: String) -> [(name: String, bytes: [UInt8])] {
    let dir = fixtures.appendingPathComponent(folder)
    let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path))?.sorted() ?? []
    return names.compactMap { name in
        (try? Data(contentsOf: dir.appendingPathComponent(name))).map { (name, Array($0)) }
    }
}

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration.maxDuration = .seconds(2)
    Benchmark.defaultConfiguration.maxIterations = 1_000_000
    let pages = load("openinsider")
    let filings = load("edgar/form4")
    if pages.isEmpty || filings.isEmpty {
        print("../shared/fixtures not found at \(fixtures.path): nothing to benchmark")
        return
    }
    // One iteration = every captured OpenInsider page once (13 pages, ~1.2 MB).
    Benchmark("OpenInsider: all fixture pages", configuration: .init(metrics: [.wallClock, .throughput, .mallocCountTotal])) { benchmark in
        for _ in benchmark.scaledIterations {
            for page in pages { blackHole(try? OpenInsiderPageParser.parse(page.bytes)) }
        }
    }
    let big = pages.first { $0.name.hasPrefix("latest-cluster-buys__") }!.bytes
    Benchmark("OpenInsider: latest-cluster-buys (100 rows, 106 KB)", configuration: .init(metrics: [.wallClock, .throughput])) { benchmark in
        for _ in benchmark.scaledIterations { blackHole(try? OpenInsiderPageParser.parse(big)) }
    }
    // One iteration = every Form 4 fixture once (38 filings).
    Benchmark("Form 4: all fixture filings", configuration: .init(metrics: [.wallClock, .throughput, .mallocCountTotal])) { benchmark in
        for _ in benchmark.scaledIterations {
            for filing in filings { blackHole(try? Form4Parser.parse(filing.bytes)) }
        }
    }
}
