// The batch job's wall time against its politeness bound: a default run over a 300-issuer
// synthetic market served from 127.0.0.1 with 50 ms latency per request, at the default rates
// (OPENINSIDER_RPS=1, SEC_RPS=8; set either in the environment to change it).
//
//     cd Benchmarks && swift run -c release RunBench
//
// The bound is the slower host's requests over its allowed rate (the two hosts are separate
// budgets and can run in parallel); the target is a wall time of at most 1.1 x bound + 1 s.
import Foundation
import InsiderClusters
import InsiderCore
import Logging

let latency = Duration.milliseconds(50)
let world = SyntheticMarket.world
let openInsider = try TestHTTPServer { req in
    var response = world.openInsiderResponse(req)
    response.delay = latency
    return response
}
let sec = try TestHTTPServer { req in
    var response = world.secResponse(req)
    response.delay = latency
    return response
}
let process = ProcessInfo.processInfo.environment
let oiRPS = Double(process["OPENINSIDER_RPS"] ?? "1") ?? 1
let secRPS = Double(process["SEC_RPS"] ?? "8") ?? 8
let env = [
    "OPENINSIDER_BASE_URL": openInsider.baseURL, "SEC_BASE_URL": sec.baseURL, "SEC_DATA_BASE_URL": sec.baseURL,
    "SEC_USER_AGENT": "insider-clusters RunBench bench@example.com",
    "OPENINSIDER_RPS": String(oiRPS), "SEC_RPS": String(secRPS),
]
let root = FileManager.default.temporaryDirectory.appendingPathComponent("runbench-\(UUID().uuidString)")
defer { try? FileManager.default.removeItem(at: root) }
guard case .success(let input) = RunInput.parse(Array("{}".utf8), schema: try InputSchema.bundled()) else { fatalError("default input") }
let settings = JobSettings(input: input, asOf: Day("2026-04-30")!, storage: LocalStorage(root: root), purge: true, inputKey: "INPUT",
                           sources: try SourceConfig.fromEnvironment(env), retry: try RetryPolicy.fromEnvironment(env),
                           pricing: .standard, maxTotalChargeUSD: nil, alreadyCharged: [:])
var logger = Logger(label: "RunBench")
logger.logLevel = .warning

print("RunBench: \(SyntheticMarket.issuerCount) issuers, \(world.filings.count) filings, \(latency) latency, OPENINSIDER_RPS=\(oiRPS), SEC_RPS=\(secRPS)")
let started = ContinuousClock.now
let summary = try await ClusterJob(settings: settings, logger: logger).run()
let wall = ContinuousClock.now - started
openInsider.stop()
sec.stop()

let seconds = Double(wall.components.seconds) + Double(wall.components.attoseconds) / 1e18
let oiRequests = openInsider.requests.count
let secRequests = sec.requests.count
let bound = max(Double(oiRequests) / oiRPS, Double(secRequests) / secRPS)
print("rows written:         \(summary.rowsWritten) (clusters found \(summary.clustersFound), tickers drilled \(summary.tickersChecked))")
print("requests:             openinsider \(oiRequests), sec \(secRequests)")
print("politeness bound:     \(String(format: "%.1f", bound)) s (max of \(oiRequests)/\(oiRPS), \(secRequests)/\(secRPS))")
print("wall time:            \(String(format: "%.1f", seconds)) s")
print("ratio wall/bound:     \(String(format: "%.2f", seconds / bound)) (target: wall <= 1.1 x bound + 1 s = \(String(format: "%.1f", 1.1 * bound + 1)) s)")
