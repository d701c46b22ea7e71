import Foundation
@testable import InsiderClusters
import InsiderCore
import Testing

/// The whole job against an OpenInsider and an SEC served from 127.0.0.1 in this process.
@Suite(.serialized) struct EndToEndTests {
    func record(_ rows: [JSONValue], _ symbol: String) throws -> JSONValue {
        try #require(rows.first { $0["symbol"]?.stringValue == symbol }, "no row for \(symbol)")
    }

    @Test func defaultRunFindsVerifiedClustersIncludingOnesTheCannedPageLeavesOut() async throws {
        let h = try Harness()
        let summary = try await h.run()
        let rows = try h.rows()
        #expect(rows.compactMap { $0["symbol"]?.stringValue } == ["BETA", "ACME"])   // GAMA sold, DELT has two insiders
        #expect(summary.rowsWritten == 2)

        let acme = try record(rows, "ACME")
        #expect(acme["company_name"]?.stringValue == "Acme Widgets & Co")
        #expect(acme["sector"]?.stringValue == "Industrial Machinery")
        #expect(acme["issuer_cik"]?.stringValue == "0000001001")
        #expect(acme["cluster_start_date"]?.stringValue == "2026-04-06")
        #expect(acme["cluster_end_date"]?.stringValue == "2026-04-15")
        #expect(acme["insider_count"]?.integerValue == 3)
        #expect(acme["insider_names"] == .array([.string("Roadrunner Wile E"), .string("Coyote Carl"), .string("Bunny Bugs")]))
        #expect(acme["insider_roles"] == .array([.string("CEO"), .string("CFO"), .string("Director")]))
        #expect(acme["total_shares_bought"]?.integerValue == 4500)      // the filing's 2,000 CFO shares, not OpenInsider's 2,100
        #expect(acme["total_value_usd"]?.integerValue == 50500)
        #expect(acme["current_stock_price"]?.doubleValue == 13)
        #expect(acme["stock_move_since_cluster_start_pct"]?.doubleValue == 30)   // the M row became two buys: p0 = $10.00
        #expect(acme["is_all_buy"] == .bool(true))
        #expect(acme["cluster_strength_score"]?.doubleValue == 155.2089)
        #expect(acme["top_insider"]?.stringValue == "Roadrunner Wile E")
        #expect(acme["data_source"]?.stringValue == "openinsider.com cluster-buys + openinsider.com screener (purchases) + per-symbol drilldown + SEC EDGAR Form 4")
        let edgar = try #require(acme["edgar"])
        #expect(edgar["checked"]?.integerValue == 3)
        #expect(edgar["matched"]?.integerValue == 3)
        #expect(edgar["rule_10b5_1_buys"]?.integerValue == 1)
        #expect(edgar["discrepancies"] == .array([.object([("accession", .string("0000001001-26-000002")), ("owner_cik", .string("0000002002")),
                                                           ("field", .string("shares")), ("openinsider", .string("2100")), ("edgar", .string("2000"))])]))
        #expect(edgar["errors"] == .array([]))
        let ceo = try #require(acme["insiders"]?.arrayValue?.first)
        #expect(ceo["trades"]?.integerValue == 2 && ceo["shares"]?.integerValue == 2000 && ceo["value_usd"]?.integerValue == 22000)
        #expect(ceo["cik"]?.stringValue == "0000002001" && ceo["weight"]?.integerValue == 5)
        #expect(ceo["first_buy_date"]?.stringValue == "2026-04-06" && ceo["last_buy_date"]?.stringValue == "2026-04-07")

        let beta = try record(rows, "BETA")
        #expect(beta["insider_count"]?.integerValue == 5)
        #expect(beta["total_shares_bought"]?.integerValue == 100_005_300)    // the joint filing's 1,000 shares count once
        #expect(beta["total_value_usd"]?.integerValue == 2_500_141_250)      // not OpenInsider's clipped 2,147,483,647
        #expect(beta["cluster_strength_score"]?.doubleValue == 751.8372)
        #expect(beta["top_insider"]?.stringValue == "Banker Betty")
        #expect(beta["stock_move_since_cluster_start_pct"]?.doubleValue == 10)
        #expect(beta["data_source"]?.stringValue == "openinsider.com screener (purchases) + per-symbol drilldown + SEC EDGAR Form 4")
        let betaEdgar = try #require(beta["edgar"])
        #expect(betaEdgar["checked"]?.integerValue == 4)
        #expect(betaEdgar["discrepancies"]?.arrayValue?.first?["field"]?.stringValue == "value")
        let errors = try #require(betaEdgar["errors"]?.arrayValue)
        #expect(errors.count == 1)
        #expect(errors.first?.stringValue?.hasPrefix("0000001002-26-000004:") == true)   // the 404 filing stays, on OpenInsider's values
        #expect(beta["insiders"]?.arrayValue?.contains { $0["name"]?.stringValue == "Vault Vera" && $0["value_usd"]?.integerValue == 8250 } == true)

        // One actor-start, one cluster-record per row.
        let charges = try h.charges()
        #expect(charges.map { $0["eventName"]?.stringValue } == ["actor-start", "cluster-record", "cluster-record"])
        #expect(summary.chargedUSD == Decimal(string: "0.51"))

        // Requests: canned page, one purchase listing page, three drilldowns (DELT's two buyers cannot
        // make a cluster of three, so it costs no drilldown); ten filings (the joint one fetched once).
        #expect(h.openInsider.requests.count == 5)
        #expect(h.openInsider.requests.filter { $0.query["s"] == "DELT" }.isEmpty)
        #expect(h.sec.requests(pathPrefix: "/Archives/").count == 10)
        #expect(h.sec.requests.allSatisfy { $0.headers["user-agent"] == "insider-clusters tests tests@example.com" })
        #expect(h.openInsider.requests.allSatisfy { $0.headers["user-agent"]?.hasPrefix("insider-clusters/") == true })
        let listing = try #require(h.openInsider.requests.first { $0.path == "/screener" && $0.query["s"] == "" })
        #expect(listing.query["fdr"] == "03/31/2026 - 04/30/2026" && listing.query["xp"] == "1" && listing.query["grp"] == "0")
        #expect(listing.query["cnt"] == "1000" && listing.query["xs"] == nil)
        #expect(h.sec.maxRequests(within: 1.0) <= 10)
    }

    @Test func onlyTickersThatCanStillQualifyAreDrilled() async throws {
        var world = Worlds.standard
        // DELT: on the canned page, and a third buyer whose late filing (in the window) shows a
        // March trade: three insiders by filing date, only two who can buy in the window.
        world.cannedClusterTickers = ["ACME", "DELT"]
        world.filings.append(.init(issuer: "DELT", accession: "0000001004-26-000003", owners: [Worlds.owner(5003, "Duo Late", "Dir")],
                                   rows: [.init(code: "P", date: "2026-03-20", shares: 9000, price: 8.00)], filed: "2026-04-02 18:00:00"))
        let h = try Harness(world: world)
        _ = try await h.run()
        #expect(h.openInsider.requests.filter { $0.query["s"] == "DELT" }.isEmpty)
        #expect(Set(h.openInsider.requests.compactMap { $0.query["s"] }.filter { !$0.isEmpty }) == ["ACME", "BETA", "GAMA"])
        #expect(try h.rows().compactMap { $0["symbol"]?.stringValue } == ["BETA", "ACME"])
    }

    @Test func filingsAreVerifiedWhileDrilldownsStillRun() async throws {
        let h = try Harness()
        // Two OpenInsider requests a second, one drilldown at a time: ACME's filings are read
        // while BETA and GAMA still wait for OpenInsider.
        _ = try await h.run(env: ["OPENINSIDER_RPS": "2", "INSIDER_CLUSTERS_CONCURRENCY": "1"])
        let drilldowns = h.openInsider.requests.filter { $0.query["s"].map { !$0.isEmpty } == true }
        #expect(drilldowns.map { $0.query["s"] } == ["ACME", "BETA", "GAMA"])
        let lastDrilldown = try #require(drilldowns.last?.receivedAt)
        let acmeFiling = try #require(h.sec.requests(pathPrefix: "/Archives/edgar/data/1001/").first?.receivedAt)
        #expect(acmeFiling < lastDrilldown)
        #expect(try h.rows().compactMap { $0["symbol"]?.stringValue } == ["BETA", "ACME"])
    }

    @Test func aRerunServesFilingsFromTheCache() async throws {
        let h = try Harness()
        _ = try await h.run()
        let first = h.sec.requests(pathPrefix: "/Archives/").count
        let summary = try await h.run()
        #expect(h.sec.requests(pathPrefix: "/Archives/").count == first + 1)   // only the 404 filing is asked again
        #expect(summary.filingCacheHits == 9)
        #expect(try h.rows().count == 2)
        #expect(try h.charges().count == 3)   // a fresh run purged the log of the first
    }

    @Test func pagingFollowsCntUntilAShortPage() async throws {
        let h = try Harness()
        _ = try await h.run(env: ["OPENINSIDER_PAGE_SIZE": "2"])
        let listing = h.openInsider.requests.filter { $0.path == "/screener" && $0.query["s"] == "" }
        #expect(listing.map { $0.query["page"] } == ["1", "2", "3", "4", "5", "6", "7"])    // 13 purchase rows at 2 a page
        let beta = h.openInsider.requests.filter { $0.query["s"] == "BETA" }
        #expect(beta.count == 3)   // 5 rows at 2 a page: the third page is short
        #expect(try h.rows().compactMap { $0["symbol"]?.stringValue } == ["BETA", "ACME"])
    }

    @Test func transientFailuresAreRetried() async throws {
        let h = try Harness { oi, _ in
            oi.on("/latest-cluster-buys", .text(503, "<html>busy</html>"), .text(404, ""))   // 404 here hands back to the world
            oi.on(where: { $0.query["s"] == "ACME" }, .text(429, "slow down", headers: [("Retry-After", "1")]), .text(404, ""))
        }
        let start = Date()
        _ = try await h.run()
        #expect(h.openInsider.requests(pathPrefix: "/latest-cluster-buys").count == 2)
        let acme = h.openInsider.requests.filter { $0.query["s"] == "ACME" }
        #expect(acme.count == 2)
        #expect(acme[1].receivedAt.timeIntervalSince(acme[0].receivedAt) >= 0.95)   // Retry-After: 1 honoured
        #expect(Date().timeIntervalSince(start) < 30)
        #expect(try h.rows().count == 2)
    }

    @Test func anUnreachableOpenInsiderFailsTheRunAndWritesNoRows() async throws {
        let h = try Harness()
        h.openInsider.stop()
        await #expect(throws: SourceError.self) { try await h.run() }
        #expect(try h.rows().isEmpty)
        #expect(try h.charges().map { $0["eventName"]?.stringValue } == ["actor-start"])
    }

    @Test func aPageThatIsNotOpenInsiderIsNotReadAsEmpty() async throws {
        let h = try Harness { oi, _ in oi.on("/latest-cluster-buys", .ok(Array("<html><body>Too Many Requests</body></html>".utf8))) }
        await #expect(throws: (any Error).self) { try await h.run() }
        #expect(try h.rows().isEmpty)
        #expect(h.openInsider.requests(pathPrefix: "/latest-cluster-buys").count == 4)   // first try + 3 retries
    }

    @Test(.enabled(if: Paths.fixturesAvailable, Paths.skipMessage))
    func secRateLimitPageIsABlockThenSuccess() async throws {
        let block = try String(contentsOf: Paths.fixtures.appendingPathComponent("edgar/other/sec_rate_limit_exceeded_page.html"), encoding: .utf8)
        let acmeCEO = Worlds.standard.filingPath(Worlds.standard.filings[0])
        let h = try Harness { _, sec in sec.on(acmeCEO, .text(403, block), .text(404, "")) }
        _ = try await h.run()
        #expect(h.sec.requests(pathPrefix: acmeCEO).count == 2)
        let acme = try record(try h.rows(), "ACME")
        #expect(acme["edgar"]?["checked"]?.integerValue == 3)
    }

    @Test(.enabled(if: Paths.fixturesAvailable, Paths.skipMessage))
    func secRateLimitPageIsNeverReadAsAFiling() async throws {
        let block = try Paths.fixture("edgar/other/sec_rate_limit_exceeded_page.html")
        let h = try Harness { _, sec in sec.onPrefix("/Archives/", CannedResponse(status: 200, headers: [("Content-Type", "text/html")], body: block)) }
        _ = try await h.run(env: ["HTTP_MAX_RETRIES": "1"])
        let acme = try record(try h.rows(), "ACME")
        #expect(acme["edgar"]?["checked"]?.integerValue == 0)
        #expect(acme["edgar"]?["errors"]?.arrayValue?.isEmpty == false)
        let cached = (try? FileManager.default.contentsOfDirectory(atPath: LocalStorage(root: h.root).keyValueStore("edgar-filings").dir.path)) ?? []
        #expect(!cached.contains { $0.hasSuffix(".xml") })   // a block page is never cached as a filing
        // Once blocked, the run stops asking SEC instead of extending the block.
        let asked = Set(h.sec.requests(pathPrefix: "/Archives/").map(\.path))
        #expect(asked.count <= 4, "filings asked after the block: \(asked.count)")   // at most the 4 already in flight
    }

    @Test func withoutSecUserAgentTheRunCompletesUnverifiedAndSaysWhy() async throws {
        let h = try Harness()
        let summary = try await h.run(env: ["SEC_USER_AGENT": ""])
        #expect(h.sec.requests.isEmpty)
        #expect(summary.notes.contains { $0.contains("SEC_USER_AGENT is not set") })
        let acme = try record(try h.rows(), "ACME")
        #expect(acme["edgar"]?["checked"]?.integerValue == 0)
        #expect(acme["edgar"]?["errors"]?.arrayValue?.first?.stringValue?.contains("SEC_USER_AGENT") == true)
        #expect(acme["total_shares_bought"]?.integerValue == 4600)   // OpenInsider's figures
        #expect(acme["data_source"]?.stringValue?.contains("EDGAR") == false)
    }

    @Test func secUserAgentMustHoldAnEmail() throws {
        #expect(try SourceConfig.fromEnvironment(["SEC_USER_AGENT": "Acme Research"]).secUserAgent == nil)
        #expect(try SourceConfig.fromEnvironment(["SEC_USER_AGENT": "Acme Research ops@acme.example"]).secUserAgent != nil)
        #expect(throws: ConfigurationError.self) { try SourceConfig.fromEnvironment(["SEC_RPS": "11"]) }
        #expect(throws: ConfigurationError.self) { try SourceConfig.fromEnvironment(["OPENINSIDER_BASE_URL": "ftp://x"]) }
    }

    @Test func edgarOnlyModeGivesTheSameClusters() async throws {
        let h = try Harness()
        _ = try await h.run(input: #"{"tickers": ["ACME", "BETA", "GAMA", "DELT"], "source": "edgar"}"#)
        #expect(h.openInsider.requests.isEmpty)
        let rows = try h.rows()
        #expect(rows.compactMap { $0["symbol"]?.stringValue } == ["BETA", "ACME"])
        let acme = try record(rows, "ACME")
        #expect(acme["total_shares_bought"]?.integerValue == 4500)
        #expect(acme["insider_count"]?.integerValue == 3)
        #expect(acme["sector"]?.stringValue == "Industrial Machinery")    // sicDescription
        #expect(acme["company_name"]?.stringValue == "Acme Widgets & Co")
        let beta = try record(rows, "BETA")
        // The one difference: the filing OpenInsider links but EDGAR does not hold (Vault Vera, $8,250).
        #expect(beta["insider_count"]?.integerValue == 4)
        #expect(beta["total_value_usd"]?.integerValue == 2_500_133_000)
        #expect(beta["data_source"]?.stringValue == "SEC EDGAR Form 4 (submissions + filings)")
    }

    @Test func openInsiderDownFallsBackToEdgarForNamedTickers() async throws {
        let h = try Harness()
        h.openInsider.stop()
        let summary = try await h.run(input: #"{"tickers": ["ACME"]}"#)
        #expect(try h.rows().compactMap { $0["symbol"]?.stringValue } == ["ACME"])
        #expect(summary.dataSource.contains("fallback"))
        #expect(summary.notes.contains { $0.contains("OpenInsider unreachable") })
    }

    @Test func tickersRestrictTheQueries() async throws {
        let h = try Harness()
        _ = try await h.run(input: #"{"tickers": ["acme", "DELT"]}"#)
        #expect(Set(h.openInsider.requests.map { $0.query["s"] ?? $0.path }) == ["ACME", "DELT"])   // drilldowns overlap: any order
        #expect(h.openInsider.requests.count == 2)
        #expect(try h.rows().compactMap { $0["symbol"]?.stringValue } == ["ACME"])
    }

    @Test func budgetStopsRowsAndTheRunStillSucceeds() async throws {
        let h = try Harness()
        let summary = try await h.run(env: ["ACTOR_MAX_TOTAL_CHARGE_USD": "0.30"])
        #expect(summary.rowsWritten == 1 && summary.rowsStoppedByBudget == 1)
        #expect(try h.rows().compactMap { $0["symbol"]?.stringValue } == ["BETA"])
        #expect(summary.notes.contains { $0.contains("stopped 1 row") })
    }

    @Test func actorStartAlreadyChargedByThePlatformIsNotChargedAgain() async throws {
        let h = try Harness()
        let summary = try await h.run(env: ["APIFY_CHARGED_ACTOR_EVENT_COUNTS": #"{"actor-start": 1}"#])
        #expect(try h.charges().map { $0["eventName"]?.stringValue } == ["cluster-record", "cluster-record"])
        #expect(summary.charges["actor-start"] == 1)   // the platform's count, not a second charge
        // The platform's actor-start counts against the budget: $0.26 leaves room for one row.
        let budgeted = try Harness()
        let s = try await budgeted.run(env: ["APIFY_CHARGED_ACTOR_EVENT_COUNTS": #"{"actor-start": 1}"#, "ACTOR_MAX_TOTAL_CHARGE_USD": "0.26"])
        #expect(try budgeted.charges().map { $0["eventName"]?.stringValue } == ["cluster-record"])
        #expect(s.rowsWritten == 1 && s.rowsStoppedByBudget == 1)
    }

    @Test func sellsAreKeptWhenAsked() async throws {
        let h = try Harness()
        _ = try await h.run(input: #"{"exclude_sells": false}"#)
        let gama = try record(try h.rows(), "GAMA")
        #expect(gama["is_all_buy"] == .bool(false))
        #expect(gama["sell_or_exercise_count"]?.integerValue == 1)
    }
}
