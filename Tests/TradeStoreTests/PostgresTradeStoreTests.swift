import Foundation
import InsiderCore
import Logging
import PostgresNIO
@testable import PostgresTradeStore
import SQLiteTradeStore
import Testing
import TradeStore

/// What only a server store has to get right: a load killed on the server, several store
/// instances on one database, migrations raced by processes starting together, and the same
/// answers as the SQLite store on the same filings.
@Suite("PostgreSQL trade store", .enabled(if: TestPostgres.url != nil, "set TRADE_STORE_TEST_POSTGRES_URL (.ci/run starts a server)"))
struct PostgresTradeStoreTests {
    static let asOf = day("2026-04-30")

    /// A quarter's worth of filings: enough rows that the load spans several multi-row INSERTs.
    static func quarter(_ count: Int) -> [StoredFiling] {
        (1...count).map { i in
            filing(String(format: "0000000009-26-%06d", i), filed: "2026-04-02", issuer: String(format: "%010d", 1000 + i % 50),
                   ticker: "T\(i % 50)", owners: [owner(String(format: "%010d", 5000 + i), "Owner \(i)", director: true)],
                   [tx("P", "2026-04-01", shares: 10, price: 2, row: 1), tx("S", "2026-04-01", shares: 1, price: 2, row: 2)])
        }
    }

    /// How the server stops the load's backend: its statement cancelled (the connection lives on),
    /// or the backend terminated (the connection is closed under the load).
    enum Stop: String, CaseIterable, CustomStringConvertible {
        case cancel = "pg_cancel_backend"
        case terminate = "pg_terminate_backend"
        var description: String { rawValue }
    }

    @Test("a quarter load stopped by the server after its inserts fails within seconds and leaves no part of it; the quarter then loads whole",
          arguments: Stop.allCases)
    func killedLoad(_ stop: Stop) async throws {
        let url = try TestPostgres.freshURL()
        let store = PostgresTradeStore(url: url)
        _ = try await store.status()
        let filings = Self.quarter(1_200)
        let marker = LoadMarker.quarter(LoadedQuarter(quarter: "2026q2", filings: filings.count, zipDigest: "d", loadedAt: "t"))
        try await TestPostgres.withAdminConnection(url) { admin in
            // Hold the data-version row: the load writes every filing and its marker, then waits here.
            try await admin.query("BEGIN", logger: TestPostgres.logger)
            try await admin.query("SELECT value FROM store_meta WHERE name = 'data_version' FOR UPDATE", logger: TestPostgres.logger)
            let loading = Task { try await store.load(filings, marking: marker) }
            let pid = try await TestPostgres.backendBlocked(by: admin)
            // Cancelled, the connection outlives the failed load, as it does when a statement fails
            // for any other reason; terminated, it is closed under the load, which must fail, not hang.
            try await admin.query("SELECT \(unescaped: stop.rawValue)(\(pid))", logger: TestPostgres.logger)
            try await admin.query("ROLLBACK", logger: TestPostgres.logger)
            let started = ContinuousClock.now
            let result = try await TestPostgres.outcome(of: loading, within: .seconds(30))
            #expect(ContinuousClock.now - started < .seconds(30), "the load did not end within 30 s of the \(stop)")
            #expect(throws: (any Error).self) { try result?.get() }
        }
        // The store whose connection was killed goes on working, and so does a new one.
        #expect(try await store.status().filings == 0)
        let fresh = PostgresTradeStore(url: url)
        #expect(try await fresh.status().filings == 0)
        #expect(try await fresh.status().transactions == 0)
        #expect(try await fresh.loadedQuarters().isEmpty)
        #expect(try await fresh.dataVersion() == 0)
        let outcome = try await fresh.load(filings, marking: marker)
        #expect(outcome == LoadOutcome(newFilings: 1_200, skippedFilings: 0, newTransactions: 2_400))
        #expect(try await fresh.loadedQuarters().map(\.quarter) == ["2026q2"])
    }

    @Test("two store instances on one database see the same filings, keys and data version")
    func twoInstances() async throws {
        let url = try TestPostgres.freshURL()
        let a = PostgresTradeStore(url: url)
        let b = PostgresTradeStore(url: url, poolSize: 2)
        try await a.load(MarketFixture.filings, marking: nil)
        let window = LookbackWindow(asOf: Self.asOf, days: 30)
        #expect(try await b.activity(in: window, limit: 50) == MarketFixture.activity30)
        #expect(try await b.dataVersion() == a.dataVersion())
        // b's second load of the same filings changes nothing, though a loaded them.
        #expect(try await b.load(MarketFixture.filings, marking: nil).newFilings == 0)
        let key = APIKeyRecord(id: "k1", name: nil, tier: .free, hash: String(repeating: "c", count: 64), createdAt: "2026-04-01T00:00:00Z")
        try await a.createAPIKey(key)
        #expect(try await b.apiKey(hash: key.hash) == key)
        #expect(try await b.revokeAPIKey(id: "k1", at: Date(timeIntervalSince1970: 0)))
        #expect(try await a.apiKey(hash: key.hash)?.isActive == false)
        #expect(try await a.dataVersion() == 1)
    }

    @Test("migrations started together by two instances, then again by a third, apply v1 once")
    func concurrentMigrations() async throws {
        let url = try TestPostgres.freshURL()
        let first = PostgresTradeStore(url: url), second = PostgresTradeStore(url: url)
        async let x = first.status()
        async let y = second.status()
        let (sx, sy) = try await (x, y)
        #expect(sx.dataVersion == 0 && sy.dataVersion == 0)
        let third = PostgresTradeStore(url: url)
        #expect(try await third.appliedMigrations() == ["v1"])
        #expect(try await first.appliedMigrations() == ["v1"])
        try await third.load(MarketFixture.filings, marking: nil)
        #expect(try await second.status().filings == MarketFixture.filings.count)
    }

    @Test("the same filings give the same answers as the SQLite store, query for query")
    func sameAnswersAsSQLite() async throws {
        let sqlite = try SQLiteTradeStore(path: TestPostgres.temporarySQLitePath())
        let postgres = PostgresTradeStore(url: try TestPostgres.freshURL())
        let amendments = [
            filing("0000000001-26-000901", form: "4/A", filed: "2026-04-05", original: "2026-04-02",
                   owners: [MarketFixture.ceo], [tx("P", "2026-04-01", shares: 120, price: 10)]),
            filing("0000000002-26-000902", filed: "2026-04-12", issuer: "0000000002", name: "Beta Inc", ticker: "BETA",
                   owners: [MarketFixture.betaDir, MarketFixture.fund], [tx("P", "2026-04-11", shares: 7, price: Decimal(string: "3.333")!)]),
        ]
        let filings = MarketFixture.filings + amendments + Self.quarter(120)
        for store in [sqlite, postgres] as [any TradeStore] {
            try await store.load(filings, marking: .day(LoadedDay(day: day("2026-04-30"), filings: filings.count, loadedAt: "t")))
        }
        for days in [1, 30, 365] {
            let w = LookbackWindow(asOf: Self.asOf, days: days)
            #expect(try await postgres.activity(in: w, limit: 40) == sqlite.activity(in: w, limit: 40))
            #expect(try await postgres.clusterBuys(in: w, minInsiders: 2) == sqlite.clusterBuys(in: w, minInsiders: 2))
            #expect(try await postgres.transactionsInForce(in: w, tickers: nil) == sqlite.transactionsInForce(in: w, tickers: nil))
            #expect(try await postgres.transactionsInForce(in: w, tickers: ["BETA", "T3"]) == sqlite.transactionsInForce(in: w, tickers: ["BETA", "T3"]))
            for ticker in ["ACME", "beta", "GAMMA", "T7", "NOPE"] {
                #expect(try await postgres.trades(ticker: ticker, in: w) == sqlite.trades(ticker: ticker, in: w))
            }
        }
        var ps = try await postgres.status(), ss = try await sqlite.status()
        #expect(ps.location.hasPrefix("postgres://") && ps.sizeBytes == nil)
        ps.location = ""; ss.location = ""; ps.sizeBytes = nil; ss.sizeBytes = nil
        #expect(ps == ss)
    }
}
