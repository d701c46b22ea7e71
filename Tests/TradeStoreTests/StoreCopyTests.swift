import Foundation
import InsiderCore
import SQLiteTradeStore
import Testing
import TradeStore

/// `store copy`: every table arrives as it was, in each direction between the implementations.
@Suite("Store copy")
struct StoreCopyTests {
    /// A store with every table filled: filings with an amendment, markers, a revoked key.
    static func filledStore() async throws -> any TradeStore {
        let store: any TradeStore = try SQLiteTradeStore(path: TestPostgres.temporarySQLitePath())
        try await store.load(MarketFixture.filings, marking: .quarter(LoadedQuarter(quarter: "2026q1", filings: 9, zipDigest: "z", loadedAt: "t")))
        try await store.load([
            filing("0000000001-26-000901", form: "4/A", filed: "2026-04-05", original: "2026-04-02", owners: [MarketFixture.ceo],
                   [tx("P", "2026-04-01", shares: 120, price: Decimal(string: "10.125")!)]),
        ], marking: .day(LoadedDay(day: day("2026-04-30"), filings: 1, loadedAt: "t")))
        try await store.createAPIKey(APIKeyRecord(id: "k1", name: "desk", tier: .pro, hash: String(repeating: "d", count: 64),
                                                  createdAt: "2026-04-01T00:00:00Z"))
        _ = try await store.revokeAPIKey(id: "k1", at: Date(timeIntervalSince1970: 0))
        return store
    }

    @Test("a copy there and back keeps every table's rows and checksum, and the answers", arguments: StoreFactory.allCases)
    func roundTrip(_ via: StoreFactory) async throws {
        let original = try await Self.filledStore()
        let middle = try via.make()
        let back = try SQLiteTradeStore(path: TestPostgres.temporarySQLitePath())
        let there = try await StoreCopy.copy(from: original, to: middle)
        _ = try await StoreCopy.copy(from: middle, to: back)
        let summaries = try await StoreCopy.summaries(of: original)
        #expect(there == summaries)
        #expect(try await StoreCopy.summaries(of: back) == summaries)
        #expect(summaries.first { $0.table == "transactions" }?.rows == MarketFixture.filings.reduce(1) { $0 + $1.transactions.count })
        let w = LookbackWindow(asOf: day("2026-04-30"), days: 30)
        #expect(try await middle.activity(in: w, limit: 50) == original.activity(in: w, limit: 50))
        #expect(try await middle.status().supersededTransactions == 1)
        #expect(try await middle.dataVersion() == original.dataVersion())
        #expect(try await middle.apiKeys() == original.apiKeys())
    }

    @Test("a copy into a store that holds data is refused and changes nothing", arguments: StoreFactory.allCases)
    func refusesNonEmptyTarget(_ factory: StoreFactory) async throws {
        let source = try await Self.filledStore()
        let target = try factory.make()
        try await target.load([MarketFixture.filings[0]], marking: nil)
        await #expect(throws: StoreCopyError.self) { try await StoreCopy.copy(from: source, to: target) }
        #expect(try await target.status().filings == 1)
    }

    @Test("a copy that fails half-way leaves the target as it was", arguments: StoreFactory.allCases)
    func failedCopyLeavesTargetEmpty(_ factory: StoreFactory) async throws {
        let source = try await Self.filledStore()
        let target = try factory.make()
        let before = try await StoreCopy.summaries(of: target)
        // Filings, owners, transactions, footnotes and issuers are imported before the source fails.
        let failing = FailingSource(base: source, failingTable: "loaded_quarters")
        await #expect(throws: FailingSource.Failure.self) { try await StoreCopy.copy(from: failing, to: target) }
        #expect(try await StoreCopy.summaries(of: target) == before)
        #expect(try await target.status().filings == 0)
        // And the same target takes a whole copy afterwards.
        #expect(try await StoreCopy.copy(from: source, to: target) == StoreCopy.summaries(of: source))
    }

    @Test("a changed cell changes its table's checksum")
    func checksumSeesChanges() async throws {
        let a = try await Self.filledStore()
        let b = try await Self.filledStore()
        #expect(try await StoreCopy.summaries(of: a) == StoreCopy.summaries(of: b))
        try await b.touchAPIKey(id: "k1", at: Date(timeIntervalSince1970: 5))
        let differing = zip(try await StoreCopy.summaries(of: a), try await StoreCopy.summaries(of: b)).filter { $0 != $1 }.map(\.0.table)
        #expect(differing == ["api_keys"])
    }
}

/// A source whose export of one table fails, after every table before it was read.
struct FailingSource: StoreRowSource {
    struct Failure: Error {}
    let base: any TradeStore
    let failingTable: String

    func exportRows(of table: StoreTable, offset: Int, limit: Int) async throws -> [[StoreValue]] {
        if table.name == failingTable { throw Failure() }
        return try await base.exportRows(of: table, offset: offset, limit: limit)
    }
}
