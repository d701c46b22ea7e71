import Foundation
@testable import InsiderClusters
import InsiderCore
import Logging
import OpenInsiderPages
import Testing

/// The job against real captured OpenInsider bytes: a real listing page as the purchase listing
/// discovery counts buyers on and as every ticker's drilldown (the drilldown keeps only the
/// ticker's rows), the real cluster page as the canned list.
@Suite(.serialized) struct RecordedPagesTests {
    @Test(.enabled(if: Paths.fixturesAvailable, Paths.skipMessage))
    func clustersFromRealPagesMatchAnIndependentCount() async throws {
        let clusterPage = try Paths.fixture("openinsider/latest-cluster-buys__btopn_2026-04.html")
        let listing = try Paths.fixture("openinsider/latest-officer-purchases-25k__btopn_2026-04.html")
        let server = try TestHTTPServer { req in
            if req.path == "/latest-cluster-buys" || req.query["grp"] == "2" { return .ok(clusterPage) }
            if req.path == "/screener", req.query["page"] == "1" { return .ok(listing) }
            // Later pages: the real empty-result page.
            return .ok((try? Paths.fixture("openinsider/screener_s=VTI_no-results__chemoautotroph_2026-04-26.html")) ?? [])
        }
        defer { server.stop() }
        let asOf = Day("2026-04-24")!
        let root = Paths.tempDir("recorded")
        let env = ["OPENINSIDER_BASE_URL": server.baseURL, "OPENINSIDER_RPS": "200", "INSIDER_CLUSTERS_CONCURRENCY": "4"]
        guard case .success(let input) = RunInput.parse(Array(#"{"min_cluster_size": 2, "min_value_usd": 25000, "limit": 500}"#.utf8), schema: try Paths.schema()) else {
            Issue.record("input"); return
        }
        let settings = JobSettings(input: input, asOf: asOf, storage: LocalStorage(root: root), purge: true, inputKey: "INPUT",
                                   sources: try SourceConfig.fromEnvironment(env), retry: RetryPolicy(maxRetries: 1), pricing: .standard,
                                   maxTotalChargeUSD: nil, alreadyCharged: [:])
        var logger = Logger(label: "recorded")
        logger.logLevel = .critical
        let summary = try await ClusterJob(settings: settings, logger: logger).run()

        // Independent count over the listing page: distinct insider CIKs buying each ticker in the
        // window; a drilldown for each ticker with two buyers whose rows may hold a buy of the window.
        let rows = try OpenInsiderPageParser.parse(listing).rows
        let window = Lookback(asOf: asOf, days: 30)
        var mayBuy: [String: Set<String>] = [:]
        for r in rows where r.tradeCode == "P" && (window.contains(Day(r.tradeDate)!) || r.xFlags.contains("M") || r.xFlags.contains("A")) {
            mayBuy[r.ticker, default: []].insert(r.insiderCIK ?? r.insiderName ?? "")
        }
        let candidates = mayBuy.filter { $0.value.count >= 2 }.keys
        #expect(!candidates.isEmpty)
        var insiders: [String: Set<String>] = [:]
        var value: [String: Int64] = [:]
        for r in rows where r.tradeCode == "P" && window.contains(Day(r.tradeDate)!) {
            insiders[r.ticker, default: []].insert(r.insiderCIK ?? r.insiderName ?? "")
            value[r.ticker, default: 0] += abs(r.value)
        }
        let expected = Set(insiders.filter { $0.value.count >= 2 && value[$0.key, default: 0] >= 25000 }.keys)
        let written = try LocalStorage(root: root).dataset().items()
        #expect(Set(written.compactMap { $0["symbol"]?.stringValue }) == expected)
        #expect(summary.tickersChecked == candidates.count)
        for record in written {
            let symbol = try #require(record["symbol"]?.stringValue)
            #expect(record["insider_count"]?.integerValue == Int64(insiders[symbol]?.count ?? -1), "\(symbol)")
            #expect(record["total_value_usd"]?.integerValue == value[symbol], "\(symbol)")
            #expect(record["edgar"]?["errors"]?.arrayValue?.isEmpty == false)   // no SEC_USER_AGENT: says why
        }
        let scores = written.compactMap { $0["cluster_strength_score"]?.doubleValue }
        #expect(scores == scores.sorted(by: >))
    }
}
