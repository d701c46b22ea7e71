import Foundation
@testable import InsiderClusters
import InsiderCore
import SQLiteTradeStore
import Testing
import TradeStore

/// The batch job and the trade store: what the job fetches is kept; `"source": "edgar"` without
/// tickers covers the whole market from the store.
@Suite(.serialized) struct BatchJobTradeStoreTests {
    @Test func everyFilingTheJobVerifiesIsKeptInTheStore() async throws {
        let h = try Harness()
        _ = try await h.run()
        let store = try SQLiteTradeStore(path: SQLiteTradeStore.defaultPath(storageRoot: h.root).path)
        let stored = try await store.storedAccessions(among: ["0000001001-26-000002", "0000001002-26-000004"])
        // The CFO's verified filing is kept; the filing SEC answered 404 for is not invented.
        #expect(stored == ["0000001001-26-000002"])
        let status = try await store.status()
        #expect(status.filings >= 5)
        let kept = try await store.trades(ticker: "ACME", in: LookbackWindow(asOf: Worlds.asOf, days: 90))
        #expect(kept?.contains { $0.accessionNumber == "0000001001-26-000002" && $0.sharesTransacted == 2000 } == true)
    }

    @Test func edgarWithoutTickersClustersTheWholeMarketFromTheStore() async throws {
        let world = try BulkWorld()
        let server = try world.serve()
        defer { server.stop() }
        let storage = Paths.tempDir("market")
        let input = storage.appendingPathComponent("in.json")
        try Data(#"{"source": "edgar", "min_cluster_size": 3, "min_value_usd": 0, "exclude_sells": false}"#.utf8).write(to: input)
        let env = BulkWorld.env(server, storage: storage, extra: ["OPENINSIDER_BASE_URL": "http://127.0.0.1:9"])
        let r = try await CLI.run(["run", "--input", input.path, "--as-of", "2026-04-08"], env: env)
        #expect(r.status == 0, "\(r.stderr)")
        let rows = try LocalStorage(root: storage).dataset().items()
        #expect(rows.map { $0["symbol"]?.stringValue } == ["ACME"])
        let acme = try #require(rows.first)
        // Window 2026-03-09 ... 2026-04-08: the quarter's data set and the daily indexes after it.
        #expect(acme["insider_count"]?.integerValue == 4)
        #expect(acme["total_shares_bought"]?.integerValue == 1320)
        #expect(acme["total_value_usd"]?.integerValue == 14220)
        #expect(acme["cluster_start_date"]?.stringValue == "2026-03-09")
        #expect(acme["cluster_end_date"]?.stringValue == "2026-04-02")
        // The amended option exercise in the window is a sell-or-exercise.
        #expect(acme["is_all_buy"] == .bool(false))
        #expect(acme["issuer_cik"]?.stringValue == "0000001001")
        #expect(acme["insider_roles"] == .array([.string("CEO"), .string("10% Owner"), .string("Director"), .string("Other")]))
        #expect(acme["data_source"]?.stringValue == "SEC EDGAR Form 4 (trade store: quarterly data sets + daily indexes)")
        #expect(server.requests(pathPrefix: BulkWorld.newFolder).count == 1)
        #expect(server.requests(pathPrefix: BulkWorld.oldFolder).isEmpty)   // 2025q4 is outside the window
        #expect(r.stderr.contains("trade store: loading daily indexes 2026-03-27 to 2026-04-08"))

        // A second run finds the store current: the daily pass asks only for days not loaded yet.
        let again = try await CLI.run(["run", "--input", input.path, "--as-of", "2026-04-08"], env: env)
        #expect(again.status == 0, "\(again.stderr)")
        #expect(server.requests(pathPrefix: BulkWorld.newFolder).count == 1)
        #expect(server.requests(pathPrefix: "/Archives/edgar/data/").count == 2)
        #expect(try LocalStorage(root: storage).dataset().items().map { $0["total_value_usd"]?.integerValue } == [14220])
    }
}
