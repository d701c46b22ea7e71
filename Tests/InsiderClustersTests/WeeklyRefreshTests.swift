import Foundation
@testable import InsiderClusters
import InsiderCore
import Testing

/// Each record says what changed since the previous completed run of the same input.
@Suite(.serialized) struct WeeklyRefreshTests {
    /// The standard world a week on: DELT gains a third buyer (a new cluster), ACME a fourth
    /// (grown), and a BETA director sells (BETA drops out).
    static var nextWeek: FakeWorld {
        var w = Worlds.standard
        w.filings.append(.init(issuer: "DELT", accession: "0000001004-26-000003", owners: [Worlds.owner(5003, "Duo Dan", "Dir")],
                               rows: [.init(code: "P", date: "2026-04-20", shares: 1000, price: 8.50)], filed: "2026-04-21 18:00:00"))
        w.filings.append(.init(issuer: "ACME", accession: "0000001001-26-000004", owners: [Worlds.owner(2004, "Martian Marvin", "Dir")],
                               rows: [.init(code: "P", date: "2026-04-20", shares: 100, price: 14.00)], filed: "2026-04-21 17:00:00"))
        w.filings.append(.init(issuer: "BETA", accession: "0000001002-26-000005", owners: [Worlds.owner(3006, "Seller Sue", "Dir")],
                               rows: [.init(code: "S", date: "2026-04-24", shares: 100, price: 27.00)], filed: "2026-04-25 18:00:00"))
        return w
    }

    func row(_ rows: [JSONValue], _ symbol: String) throws -> JSONValue { try EndToEndTests().record(rows, symbol) }

    @Test func twoRunsWithTheWorldChangedInBetweenSayWhatChanged() async throws {
        let first = try Harness()
        let s1 = try await first.run()
        let rows1 = try first.rows()
        #expect(rows1.compactMap { $0["symbol"]?.stringValue } == ["BETA", "ACME"])
        for r in rows1 {
            #expect(r["change_since_last_run"]?.stringValue == "new")
            #expect(r["previous_insider_count"] == .null)
            #expect(r["previous_total_value_usd"] == .null)
        }
        #expect(s1.changes?.previousAsOf == nil)
        #expect(s1.changes?.symbols[.new] == ["BETA", "ACME"])

        // A week later: the same storage (purged at start), the same input, the world changed.
        let second = try Harness(world: WeeklyRefreshTests.nextWeek, root: first.root)
        let s2 = try await second.run()
        let rows2 = try second.rows()
        #expect(rows2.compactMap { $0["symbol"]?.stringValue } == ["ACME", "DELT"])
        let acme = try row(rows2, "ACME")
        #expect(acme["insider_count"]?.integerValue == 4)
        #expect(acme["total_value_usd"]?.integerValue == 51900)
        #expect(acme["change_since_last_run"]?.stringValue == "grown")
        #expect(acme["previous_insider_count"]?.integerValue == 3)
        #expect(acme["previous_total_value_usd"]?.integerValue == 50500)
        let delt = try row(rows2, "DELT")
        #expect(delt["insider_count"]?.integerValue == 3)
        #expect(delt["change_since_last_run"]?.stringValue == "new")
        #expect(delt["previous_insider_count"] == .null)
        #expect(delt["previous_total_value_usd"] == .null)
        let changes = try #require(s2.changes)
        #expect(changes.previousAsOf == "2026-04-30")
        #expect(changes.symbols[.grown] == ["ACME"] && changes.symbols[.new] == ["DELT"])
        #expect(changes.droppedOut == ["BETA"])
        let stored = try #require(try LocalStorage(root: first.root).keyValueStore().read("RUN_SUMMARY"))
        let summary = try JSONValue.parse(Array(stored))
        #expect(summary["changesSinceLastRun"]?["droppedOut"] == .array([.string("BETA")]))
        #expect(summary["changesSinceLastRun"]?["grown"] == .array([.string("ACME")]))

        // The same world again: nothing changed, and the previous figures are last run's.
        let s3 = try await second.run()
        let rows3 = try second.rows()
        #expect(rows3.allSatisfy { $0["change_since_last_run"]?.stringValue == "unchanged" })
        #expect(try row(rows3, "ACME")["previous_insider_count"]?.integerValue == 4)
        #expect(try row(rows3, "ACME")["previous_total_value_usd"]?.integerValue == 51900)
        #expect(try row(rows3, "DELT")["previous_total_value_usd"] == delt["total_value_usd"])
        #expect(s3.changes?.droppedOut == [])

        // Another input has its own history: its first run is all new.
        _ = try await second.run(input: #"{"limit": 1}"#)
        #expect(try second.rows().map { $0["change_since_last_run"]?.stringValue } == ["new"])
    }

    @Test func aChangeIsGrowthWhenEitherFigureRoseAndShrinkageWhenNeitherRoseAndOneFell() {
        typealias F = ChangeSinceLastRun.Figures
        #expect(ChangeSinceLastRun.classify(F(insiderCount: 3, totalValueUSD: 100), then: nil) == .new)
        #expect(ChangeSinceLastRun.classify(F(insiderCount: 4, totalValueUSD: 90), then: F(insiderCount: 3, totalValueUSD: 100)) == .grown)
        #expect(ChangeSinceLastRun.classify(F(insiderCount: 3, totalValueUSD: 101), then: F(insiderCount: 3, totalValueUSD: 100)) == .grown)
        #expect(ChangeSinceLastRun.classify(F(insiderCount: 3, totalValueUSD: 99), then: F(insiderCount: 3, totalValueUSD: 100)) == .shrunk)
        #expect(ChangeSinceLastRun.classify(F(insiderCount: 2, totalValueUSD: 100), then: F(insiderCount: 3, totalValueUSD: 100)) == .shrunk)
        #expect(ChangeSinceLastRun.classify(F(insiderCount: 3, totalValueUSD: 100), then: F(insiderCount: 3, totalValueUSD: 100)) == .unchanged)
    }

    @Test func anUnreadableHistoryFailsTheRunBeforeAnyRequest() async throws {
        let h = try Harness()
        let history = RunHistory(storage: LocalStorage(root: h.root), input: try h.settings().input)
        try LocalStorage(root: h.root).keyValueStore(RunHistory.storeName).set(history.key, Data("{not json".utf8))
        await #expect(throws: StorageError.self) { try await h.run() }
        #expect(h.openInsider.requests.isEmpty)
        #expect(try h.rows().isEmpty)
        #expect(try h.charges().isEmpty)
    }
}
