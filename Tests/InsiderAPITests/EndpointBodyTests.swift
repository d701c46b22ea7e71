import Foundation
import HummingbirdTesting
import InsiderAPI
import InsiderCore
import Testing
import TradeStore

/// Each endpoint's body for several lookbacks, with a pro key, against hand-computed figures (see `Fixture`).
@Suite struct EndpointBodyTests {
    @Test func clusterBuysForThreeLookbacks() async throws {
        let api = try await LiveAPI.make()
        let pro = try await api.key(.pro)
        try await api.run { client in
            // 7 days (2026-11-23...30): only BIG (4 x 10 shares at 1 on 11-25).
            let seven = try await client.get("/api/v1/insider/cluster-buys?lookbackDays=7", key: pro.key)
            #expect(seven.status == .ok)
            #expect(seven.headers[.contentType] == "application/json; charset=utf-8")
            #expect(seven.text == #"[{"ticker":"BIG","companyName":"BIG Inc","insiderCount":4,"tradeCount":4,"totalShares":40,"totalValue":40,"firstBuyDate":"2026-11-25","lastBuyDate":"2026-11-25"}]"#)

            // 30 days: BIG first (4 insiders), then 3-insider issuers by value; AAA ties CL0 at 3,000 and sorts first by ticker.
            let thirty = try await client.get("/api/v1/insider/cluster-buys?lookbackDays=30", key: pro.key).json.arrayValue ?? []
            #expect(thirty.map { $0["ticker"]?.stringValue } == ["BIG", "CL5", "CL4", "CL3", "CL2", "CL1", "AAA", "CL0"])
            #expect(thirty[1].compactText == #"{"ticker":"CL5","companyName":"CL5 Inc","insiderCount":3,"tradeCount":3,"totalShares":300,"totalValue":18000,"firstBuyDate":"2026-11-15","lastBuyDate":"2026-11-15"}"#)
            #expect(thirty.map { $0["totalValue"]?.integerValue } == [40, 18000, 15000, 12000, 9000, 6000, 3000, 3000])

            // 90 days (from 2026-09-01): CL5's fourth buyer (100 at 60 on 10-01) counts: 4 insiders, 24,000, ahead of BIG on value.
            let ninety = try await client.get("/api/v1/insider/cluster-buys?lookbackDays=90", key: pro.key).json.arrayValue ?? []
            #expect(ninety.map { $0["ticker"]?.stringValue } == ["CL5", "BIG", "CL4", "CL3", "CL2", "CL1", "AAA", "CL0"])
            #expect(ninety[0].compactText == #"{"ticker":"CL5","companyName":"CL5 Inc","insiderCount":4,"tradeCount":4,"totalShares":400,"totalValue":24000,"firstBuyDate":"2026-10-01","lastBuyDate":"2026-11-15"}"#)

            // The default lookback is 90.
            let fallback = try await client.get("/api/v1/insider/cluster-buys", key: pro.key).json.arrayValue ?? []
            #expect(fallback == ninety)
        }
    }

    @Test func activityBuysSellsAndLimit() async throws {
        let api = try await LiveAPI.make()
        let pro = try await api.key(.pro)
        try await api.run { client in
            let body = try await client.get("/api/v1/insider/activity?lookbackDays=30", key: pro.key).json
            let buys = body["buys"]?.arrayValue ?? [], sells = body["sells"]?.arrayValue ?? []
            // Buys by value: CL5 18,000 ... CL1 6,000, ACME 5,200 (400 x 12.25 + 10 x 30), AAA and CL0 3,000 (ticker order), TWO 2,000, BIG 40.
            #expect(buys.map { $0["ticker"]?.stringValue } == ["CL5", "CL4", "CL3", "CL2", "CL1", "ACME", "AAA", "CL0", "TWO", "BIG"])
            // ACME's latest buy is Roe Richard's on 11-27 (title CFO).
            #expect(buys[5].compactText == #"{"ticker":"ACME","companyName":"Acme Corp","tradeCount":2,"insiderCount":2,"totalShares":410,"totalValue":5200,"latestDate":"2026-11-27","latestInsider":"Roe Richard","latestTitle":"CFO"}"#)
            // CL5: same trade and filing date for all three; the greatest accession (owner 2) is the latest.
            #expect(buys[0]["latestInsider"]?.stringValue == "Owner CL5-2")
            #expect(buys[0]["latestTitle"]?.stringValue == "Director")
            // Sells: ACME 25,500 (1,000 x 25.5; F and M are not sells), then SL5 6,000 ... SL0 1,000.
            #expect(sells.map { $0["ticker"]?.stringValue } == ["ACME", "SL5", "SL4", "SL3", "SL2", "SL1", "SL0"])
            #expect(sells[0].compactText == #"{"ticker":"ACME","companyName":"Acme Corp","tradeCount":1,"insiderCount":1,"totalShares":1000,"totalValue":25500,"latestDate":"2026-11-25","latestInsider":"Roe Richard","latestTitle":"CFO"}"#)

            let limited = try await client.get("/api/v1/insider/activity?lookbackDays=30&limit=3", key: pro.key).json
            #expect(limited["buys"]?.arrayValue?.map { $0["ticker"]?.stringValue } == ["CL5", "CL4", "CL3"])
            #expect(limited["sells"]?.arrayValue?.map { $0["ticker"]?.stringValue } == ["ACME", "SL5", "SL4"])

            // 7 days (from 11-23): buys ACME and BIG only; sells ACME only.
            let week = try await client.get("/api/v1/insider/activity?lookbackDays=7", key: pro.key).json
            #expect(week["buys"]?.arrayValue?.map { $0["ticker"]?.stringValue } == ["ACME", "BIG"])
            #expect(week["sells"]?.arrayValue?.map { $0["ticker"]?.stringValue } == ["ACME"])
        }
    }

    @Test func tradesOrderTiesAndLookbacks() async throws {
        let api = try await LiveAPI.make()
        let pro = try await api.key(.pro)
        try await api.run { client in
            let thirty = try await client.get("/api/v1/insider/trades/ACME?lookbackDays=30", key: pro.key).json.arrayValue ?? []
            let order = thirty.map { "\($0["accessionNumber"]?.stringValue ?? "?")/\($0["transactionCode"]?.stringValue ?? "?")" }
            #expect(order == ["0000000900-26-000004/P", "0000000900-26-000003/G", "0000000900-26-000002/P",
                              "0000000900-26-000001/S", "0000000900-26-000001/F", "0000000900-26-000001/M"])
            #expect(thirty[0].compactText == #"{"ticker":"ACME","companyName":"Acme Corp","insiderName":"Roe Richard","insiderTitle":"CFO","insiderRelation":"OFFICER","officer":true,"director":false,"tenPctOwner":false,"transactionDate":"2026-11-27","filedDate":"2026-11-28","transactionCode":"P","transactionType":"BUY","securityTitle":"Common Stock","sharesTransacted":10,"pricePerShare":30,"totalValue":300,"sharesOwnedAfter":5000,"directOwnership":true,"rule10b51":false,"accessionNumber":"0000000900-26-000004"}"#)
            // A gift without a price: price null, value 0; Poe Edgar is a director only.
            #expect(thirty[1]["pricePerShare"] == .null)
            #expect(thirty[1]["totalValue"]?.integerValue == 0)
            #expect(thirty[1]["insiderRelation"]?.stringValue == "DIRECTOR")
            #expect(thirty[1]["transactionType"]?.stringValue == "GIFT")
            #expect(thirty[3]["totalValue"]?.integerValue == 25500)
            #expect(thirty[5]["transactionType"]?.stringValue == "EXERCISE")
            #expect(thirty[4]["transactionType"]?.stringValue == "OTHER")

            // 90 days adds the award of 10-14 (price 0 is shown as null) at the end.
            let ninety = try await client.get("/api/v1/insider/trades/ACME?lookbackDays=90", key: pro.key).json.arrayValue ?? []
            #expect(ninety.count == 7)
            #expect(ninety.last?["transactionType"]?.stringValue == "AWARD")
            #expect(ninety.last?["pricePerShare"] == .null)

            // A known ticker with nothing in the window is an empty array.
            let none = try await client.get("/api/v1/insider/trades/ACME?lookbackDays=1", key: pro.key)
            #expect(none.status == .ok)
            #expect(none.text == "[]")
        }
    }

    @Test func tickerMatchesCaseInsensitively() async throws {
        let api = try await LiveAPI.make()
        let pro = try await api.key(.pro)
        try await api.run { client in
            let upper = try await client.get("/api/v1/insider/trades/ACME?lookbackDays=30", key: pro.key)
            let lower = try await client.get("/api/v1/insider/trades/acme?lookbackDays=30", key: pro.key)
            let mixed = try await client.get("/api/v1/insider/trades/AcMe?lookbackDays=30", key: pro.key)
            #expect(upper.status == .ok)
            #expect(!(upper.json.arrayValue ?? []).isEmpty)
            #expect(lower.text == upper.text)
            #expect(mixed.text == upper.text)
        }
    }

    @Test func healthAndOpenAPI() async throws {
        let api = try await LiveAPI.make()
        try await api.run { client in
            let health = try await client.get("/healthz")
            #expect(health.status == .ok)
            #expect(health.json["status"]?.stringValue == "ok")
            #expect(health.json["newestFilingDate"]?.stringValue == "2026-11-28")   // ACME's A4
            #expect(health.json["asOf"]?.stringValue == "2026-11-30")

            let doc = try await client.get("/api/v1/insider/openapi.json")
            #expect(doc.status == .ok)
            #expect(doc.json["openapi"]?.stringValue == "3.1.0")
            let paths = doc.json["paths"]?.objectValue?.map(\.0) ?? []
            for path in ["/api/v1/insider/activity", "/api/v1/insider/trades/{ticker}", "/api/v1/insider/cluster-buys", "/healthz"] {
                #expect(paths.contains(path), "\(path) missing from the OpenAPI document")
            }
        }
    }
}
