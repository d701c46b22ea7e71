import Foundation
import InsiderCore
import Testing
import TradeStore

/// The shared suite every `TradeStore` implementation passes (SPEC sections 8 and 9).
@Suite("TradeStore contract")
struct TradeStoreContractTests {
    static let ceo = owner("0000000101", "Smith Jane", officer: true, title: "CEO")
    static let dir = owner("0000000102", "Doe John", director: true)
    static let fund = owner("0000000103", "Big Fund LP", tenPct: true)
    static let trust = owner("0000000104", "Smith Family Trust", other: true, otherText: "Trust of CEO")
    static let asOf = day("2026-04-30")

    @Test("loading the same filing twice changes nothing", arguments: StoreFactory.allCases)
    func idempotent(_ factory: StoreFactory) async throws {
        let store = try factory.make()
        let f = filing("0000000001-26-000001", filed: "2026-04-02", owners: [Self.ceo], [tx("P", "2026-04-01", shares: 100, price: 10)])
        let first = try await store.load([f], marking: nil)
        let v1 = try await store.dataVersion()
        let second = try await store.load([f, f], marking: nil)
        #expect(first == LoadOutcome(newFilings: 1, skippedFilings: 0, newTransactions: 1))
        #expect(second == LoadOutcome(newFilings: 0, skippedFilings: 2, newTransactions: 0))
        #expect(try await store.dataVersion() == v1)
        let status = try await store.status()
        #expect(status.filings == 1 && status.transactions == 1)
        #expect(try await store.storedAccessions(among: ["0000000001-26-000001", "x"]) == ["0000000001-26-000001"])
    }

    @Test("a failing load leaves the store as it was, marker included", arguments: StoreFactory.allCases)
    func atomic(_ factory: StoreFactory) async throws {
        let store = try factory.make()
        let good = filing("0000000001-26-000001", filed: "2026-04-02", owners: [Self.ceo], [tx("P", "2026-04-01", shares: 1, price: 1)])
        // Two rows with one identity: the database refuses the second, after the first filing went in.
        let bad = filing("0000000001-26-000002", filed: "2026-04-02", owners: [Self.dir],
                         [tx("P", "2026-04-01", shares: 1, price: 1), tx("P", "2026-04-01", shares: 2, price: 1)])
        let marker = LoadMarker.quarter(LoadedQuarter(quarter: "2026q2", filings: 2, zipDigest: "x", loadedAt: "t"))
        await #expect(throws: (any Error).self) { try await store.load([good, bad], marking: marker) }
        #expect(try await store.status().filings == 0)
        #expect(try await store.loadedQuarters().isEmpty)
        #expect(try await store.dataVersion() == 0)
    }

    @Test("a 4/A restating only table II leaves the original's table I in force", arguments: StoreFactory.allCases)
    func amendmentReplacesOneTable(_ factory: StoreFactory) async throws {
        let store = try factory.make()
        let original = filing("0000000001-26-000010", filed: "2026-04-03", owners: [Self.ceo], [
            tx("P", "2026-04-01", shares: 100, price: 10),
            tx("M", "2026-04-01", shares: 50, price: 5, table: .derivative),
        ])
        let amendment = filing("0000000001-26-000020", form: "4/A", filed: "2026-04-10", original: "2026-04-03", owners: [Self.ceo], [
            tx("M", "2026-04-01", shares: 60, price: 5, table: .derivative),
        ])
        try await store.load([amendment], marking: nil)
        try await store.load([original], marking: nil)
        let trades = try #require(try await store.trades(ticker: "ACME", in: LookbackWindow(asOf: Self.asOf, days: 90)))
        #expect(trades.map(\.accessionNumber) == ["0000000001-26-000020", "0000000001-26-000010"])
        #expect(trades.map(\.transactionCode) == ["M", "P"])
        #expect(trades.first?.sharesTransacted == 60)
        #expect(try await store.status().supersededTransactions == 1)
    }

    @Test("the latest of two amendments stands, whatever the load order", arguments: StoreFactory.allCases)
    func secondAmendment(_ factory: StoreFactory) async throws {
        let original = filing("0000000001-26-000010", filed: "2026-04-03", owners: [Self.ceo], [tx("P", "2026-04-01", shares: 100, price: 10)],
                              acceptance: "2026-04-03 20:30:00")
        let first = filing("0000000001-26-000020", form: "4/A", filed: "2026-04-06", original: "2026-04-03", owners: [Self.ceo],
                           [tx("P", "2026-04-02", shares: 110, price: 10)])
        let second = filing("0000000001-26-000030", form: "4/A", filed: "2026-04-08", original: "2026-04-03", owners: [Self.ceo],
                            [tx("P", "2026-04-02", shares: 120, price: 10)])
        for order in [[original, first, second], [second, original, first], [first, second, original]] {
            let store = try factory.make()
            for f in order { try await store.load([f], marking: nil) }
            let window = LookbackWindow(asOf: Self.asOf, days: 90)
            let trades = try #require(try await store.trades(ticker: "acme", in: window))
            #expect(trades.map(\.accessionNumber) == ["0000000001-26-000030"])
            #expect(trades.map(\.sharesTransacted) == [120])
            let activity = try await store.activity(in: window, limit: 50)
            #expect(activity.buys.map(\.tradeCount) == [1])
            #expect(activity.buys.map(\.totalValue) == [1200])
        }
    }

    @Test("a 4/A whose original is missing stands on its own; another owner's Form 4 that day is untouched", arguments: StoreFactory.allCases)
    func orphanAmendment(_ factory: StoreFactory) async throws {
        let store = try factory.make()
        let amendment = filing("0000000001-26-000020", form: "4/A", filed: "2026-04-10", original: "2026-04-03", owners: [Self.ceo],
                               [tx("P", "2026-04-01", shares: 10, price: 10)])
        let otherOwner = filing("0000000001-26-000011", filed: "2026-04-03", owners: [Self.dir], [tx("P", "2026-04-01", shares: 5, price: 10)])
        try await store.load([amendment, otherOwner], marking: nil)
        let trades = try #require(try await store.trades(ticker: "ACME", in: LookbackWindow(asOf: Self.asOf, days: 90)))
        #expect(Set(trades.map(\.accessionNumber)) == ["0000000001-26-000020", "0000000001-26-000011"])
        #expect(try await store.status().supersededTransactions == 0)
    }

    @Test("a joint filing's transaction counts once; every owner counts as an insider", arguments: StoreFactory.allCases)
    func jointFiling(_ factory: StoreFactory) async throws {
        let store = try factory.make()
        try await store.load([
            filing("0000000001-26-000001", filed: "2026-04-02", owners: [Self.fund, Self.trust], [tx("P", "2026-04-01", shares: 1000, price: 2)]),
            filing("0000000001-26-000002", filed: "2026-04-03", owners: [Self.ceo], [tx("P", "2026-04-02", shares: 10, price: 3)]),
        ], marking: nil)
        let window = LookbackWindow(asOf: Self.asOf, days: 30)
        let clusters = try await store.clusterBuys(in: window, minInsiders: 3)
        #expect(clusters == [ClusterBuy(ticker: "ACME", companyName: "Acme Corp", insiderCount: 3, tradeCount: 2, totalShares: 1010,
                                        totalValue: 2030, firstBuyDate: day("2026-04-01"), lastBuyDate: day("2026-04-02"))])
        #expect(try await store.clusterBuys(in: window, minInsiders: 4).isEmpty)
    }

    @Test("activity, trades and cluster buys match hand-computed bodies", arguments: StoreFactory.allCases)
    func queries(_ factory: StoreFactory) async throws {
        let store = try factory.make()
        try await store.load(MarketFixture.filings, marking: nil)
        // Lookback 30 from 2026-04-30: 2026-03-31 ... 2026-04-30, both ends inclusive.
        let w30 = LookbackWindow(asOf: Self.asOf, days: 30)
        let activity = try await store.activity(in: w30, limit: 50)
        #expect(activity == MarketFixture.activity30)
        #expect(try await store.activity(in: w30, limit: 1).buys == Array(MarketFixture.activity30.buys.prefix(1)))
        #expect(try await store.clusterBuys(in: w30, minInsiders: 3) == MarketFixture.clusters30)
        // Lookback 1: only 2026-04-29 and 2026-04-30.
        let w1 = LookbackWindow(asOf: Self.asOf, days: 1)
        #expect(try await store.activity(in: w1, limit: 50) == MarketFixture.activity1)
        #expect(try await store.clusterBuys(in: w1, minInsiders: 3) == [])
        let trades = try #require(try await store.trades(ticker: "beta", in: w30))
        #expect(trades == MarketFixture.betaTrades30)
        #expect(try await store.trades(ticker: "BETA", in: LookbackWindow(asOf: day("2026-01-01"), days: 5)) == [])
        #expect(try await store.trades(ticker: "NOPE", in: w30) == nil)
    }

    @Test("API keys: stored by hash, revoked, touched", arguments: StoreFactory.allCases)
    func keys(_ factory: StoreFactory) async throws {
        let store = try factory.make()
        let key = APIKeyRecord(id: "k1", name: "desk", tier: .pro, hash: String(repeating: "a", count: 64), createdAt: "2026-04-01T00:00:00Z")
        try await store.createAPIKey(key)
        #expect(try await store.apiKey(hash: key.hash) == key)
        #expect(try await store.apiKey(hash: "b") == nil)
        try await store.touchAPIKey(id: "k1", at: Date(timeIntervalSince1970: 0))
        #expect(try await store.apiKey(hash: key.hash)?.lastUsedAt == "1970-01-01T00:00:00Z")
        #expect(try await store.revokeAPIKey(id: "k1", at: Date(timeIntervalSince1970: 60)))
        #expect(try await store.revokeAPIKey(id: "zz", at: Date()) == false)
        #expect(try await store.apiKeys().map(\.revokedAt) == ["1970-01-01T00:01:00Z"])
        #expect(try await store.apiKey(hash: key.hash)?.isActive == false)
    }

    @Test("quarter and day markers are recorded with their load", arguments: StoreFactory.allCases)
    func markers(_ factory: StoreFactory) async throws {
        let store = try factory.make()
        let q = LoadedQuarter(quarter: "2026q1", filings: 0, zipDigest: "abc", loadedAt: "2026-04-05T00:00:00Z")
        try await store.load([], marking: .quarter(q))
        let d = LoadedDay(day: day("2026-04-06"), filings: 3, loadedAt: "2026-04-06T23:00:00Z")
        try await store.load([], marking: .day(d))
        #expect(try await store.loadedQuarters() == [q])
        #expect(try await store.loadedDays() == [d])
    }
}
