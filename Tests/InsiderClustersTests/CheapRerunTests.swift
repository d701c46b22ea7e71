import Foundation
@testable import InsiderClusters
import InsiderCore
import Testing

/// A second run on the same day asks the sources almost nothing, and never serves a stale page.
@Suite(.serialized) struct CheapRerunTests {
    func total(_ h: Harness) -> Int { h.openInsider.requests.count + h.sec.requests.count }

    /// Ages every kept OpenInsider page by `seconds`, as time passing would (no timed test).
    func age(_ h: Harness, by seconds: Double) throws {
        let store = LocalStorage(root: h.root).keyValueStore(PageCache.storeName)
        let names = try FileManager.default.contentsOfDirectory(atPath: store.dir.path).filter { $0.hasSuffix(".meta.json") }
        #expect(!names.isEmpty)
        for name in names {
            let url = store.dir.appendingPathComponent(name)
            guard case .object(var fields) = try JSONValue.parse(Array(try Data(contentsOf: url))) else { continue }
            for i in fields.indices where fields[i].0 == "fetched_at" {
                fields[i].1 = .number(String(format: "%.3f", (fields[i].1.doubleValue ?? 0) - seconds))
            }
            try Data(JSONValue.object(fields).compactText.utf8).write(to: url)
        }
    }

    @Test func aSecondRunTheSameDayMakesAtMostAFifthOfTheFirstRunsRequests() async throws {
        let h = try Harness()
        let first = try await h.run()
        let firstRequests = total(h)
        let firstRows = try h.rows()
        #expect(firstRequests == 15)          // 5 OpenInsider pages, 10 filings
        #expect(first.pageCacheHits == 0)

        let second = try await h.run()
        let secondRequests = total(h) - firstRequests
        #expect(secondRequests * 5 <= firstRequests, "second run: \(secondRequests) requests")
        #expect(h.openInsider.requests.count == 5)   // every page from the cache
        #expect(second.pageCacheHits == 5)
        #expect(secondRequests == 1)                  // only the filing EDGAR answered 404 is asked again
        #expect(try h.rows().map { $0["symbol"] } == firstRows.map { $0["symbol"] })
        #expect(try h.rows().allSatisfy { $0["change_since_last_run"]?.stringValue == "unchanged" })
    }

    @Test func anExpiredPageIsNeverServedAndIsRevalidatedWithItsETag() async throws {
        let h = try Harness()
        _ = try await h.run()
        try age(h, by: 6 * 3600 + 1)
        let summary = try await h.run()
        #expect(summary.pageCacheHits == 0)
        let again = Array(h.openInsider.requests.dropFirst(5))
        #expect(again.count == 5)
        #expect(again.allSatisfy { $0.headers["if-none-match"]?.hasPrefix("\"") == true })   // conditional GETs: answered 304
        #expect(try h.rows().compactMap { $0["symbol"]?.stringValue } == ["BETA", "ACME"])
        // The 304s renewed the pages: a third run asks OpenInsider nothing.
        _ = try await h.run()
        #expect(h.openInsider.requests.count == 10)
    }

    @Test func theTTLIsConfigurableAndZeroTurnsTheCacheOff() async throws {
        let h = try Harness()
        _ = try await h.run(env: ["OPENINSIDER_CACHE_TTL": "0"])
        _ = try await h.run(env: ["OPENINSIDER_CACHE_TTL": "0"])
        #expect(h.openInsider.requests.count == 10)
        #expect(try PageCache.ttl(from: ["OPENINSIDER_CACHE_TTL": "30m"]) == 1800)
        #expect(try PageCache.ttl(from: ["OPENINSIDER_CACHE_TTL": "2h"]) == 7200)
        #expect(try PageCache.ttl(from: ["OPENINSIDER_CACHE_TTL": "90"]) == 90)
        #expect(try PageCache.ttl(from: [:]) == 6 * 3600)
        #expect(throws: ConfigurationError.self) { try PageCache.ttl(from: ["OPENINSIDER_CACHE_TTL": "soon"]) }
    }
}
