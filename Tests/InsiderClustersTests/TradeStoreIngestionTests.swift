import Foundation
import InsiderCore
import Testing
@testable import InsiderClusters
import EdgarForm4
import SQLiteTradeStore
import TradeStore

/// `ingest datasets`, `ingest daily`, `query` and `store status`, run as a user runs them, against
/// SEC's bulk files served from 127.0.0.1 (see `BulkWorld` for the hand-computed figures).
@Suite(.serialized) struct TradeStoreIngestionTests {
    static let asOf = "2026-04-08"
    static let e1 = "0000001001-26-000050", e2 = "0000001002-26-000051"

    func json(_ text: String) throws -> JSONValue { try JSONValue.parse(text) }

    func status(_ env: [String: String]) async throws -> JSONValue {
        let r = try await CLI.run(["store", "status", "--json"], env: env)
        #expect(r.status == 0, "\(r.stderr)")
        return try json(r.stdout)
    }

    @Test func dataSetsThenDailyThenQueriesGiveTheHandComputedBodies() async throws {
        let world = try BulkWorld()
        let server = try world.serve()
        defer { server.stop() }
        let storage = Paths.tempDir("store")
        let env = BulkWorld.env(server, storage: storage)

        let sets = try await CLI.run(["ingest", "datasets"], env: env)
        #expect(sets.status == 0, "\(sets.stderr)")
        #expect(sets.stdout.contains("2025q4\tloaded\tfilings 1\tnew 1"))
        #expect(sets.stdout.contains("2026q1\tloaded\tfilings 8\tnew 8"))

        let daily = try await CLI.run(["ingest", "daily", "--as-of", Self.asOf], env: env)
        #expect(daily.status == 0, "\(daily.stderr)")
        // The daily pass starts four days before the loaded quarter's end and skips weekends.
        let days = daily.stdout.split(separator: "\n").map { String($0.prefix(10)) }
        #expect(days == ["2026-03-27", "2026-03-30", "2026-03-31", "2026-04-01", "2026-04-02", "2026-04-03", "2026-04-06", "2026-04-07", "2026-04-08"])
        #expect(daily.stdout.contains("2026-03-31\tlisted 1\tloaded 0\talready stored 1"))
        #expect(daily.stdout.contains("2026-04-06\tlisted 2\tloaded 2\talready stored 0"))
        // Each filing listed once per party is fetched once; a quarter's filing is never fetched again.
        #expect(server.requests(pathPrefix: "/Archives/edgar/data/1001/\(Self.e1).txt").count == 1)
        #expect(server.requests(pathPrefix: "/Archives/edgar/data/").count == 2)
        #expect(server.requests.allSatisfy { $0.headers["user-agent"] == "insider-clusters tests test@example.com" })

        let clusters = try await CLI.run(["query", "cluster-buys", "--lookback-days", "90", "--as-of", Self.asOf, "--compact"], env: env)
        #expect(clusters.status == 0, "\(clusters.stderr)")
        // ACME: P rows in force 100x10 + 200x10.50 + 10 (footnote-only price: value 0) + 1000x11 (joint: counted once) + 10x12;
        // owners 2001, 2002, 2003 and 2004 (both owners of the joint filing). BETA has two buyers.
        #expect(clusters.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == #"[{"ticker":"ACME","companyName":"Acme Corp","insiderCount":4,"tradeCount":5,"totalShares":1320,"totalValue":14220,"firstBuyDate":"2026-03-09","lastBuyDate":"2026-04-02"}]"#)

        let beta = try await json(CLI.run(["query", "trades", "beta", "--lookback-days", "90", "--as-of", Self.asOf], env: env).stdout)
        let betaTrades = try #require(beta.arrayValue)
        // Newest first; of the twice-amended purchase only the second 4/A stands (date moved to 01-31);
        // the 4/A without its original stands; its 10b5-1 comes from a footnote.
        #expect(betaTrades.map { $0["accessionNumber"]?.stringValue } == [Self.e2, "0000001002-26-000020", "0000001002-26-000012"])
        #expect(betaTrades.map { $0["sharesTransacted"]?.integerValue } == [300, 500, 120])
        #expect(betaTrades.map { $0["transactionDate"]?.stringValue } == ["2026-04-03", "2026-02-12", "2026-01-31"])
        #expect(betaTrades.map { $0["rule10b51"]?.boolValue } == [false, true, false])
        #expect(betaTrades.map { $0["insiderTitle"]?.stringValue } == ["10% Owner", "10% Owner", "Director"])
        #expect(betaTrades[1]["transactionType"]?.stringValue == "SELL")
        #expect(betaTrades[0]["ticker"]?.stringValue == "BETA")

        let acme = try await json(CLI.run(["query", "trades", "ACME", "--lookback-days", "365", "--as-of", Self.asOf], env: env).stdout)
        let acmeTrades = try #require(acme.arrayValue)
        #expect(acmeTrades.map { $0["accessionNumber"]?.stringValue ?? "" } == [
            Self.e1, "0000001001-26-000004", "0000001001-26-000003", "0000001001-26-000003",
            "0000001001-26-000002", "0000001001-26-000001", "0000001001-25-000100",
        ])
        // The 4/A restates table II only: its M row (60) stands beside the original's P row.
        #expect(acmeTrades[4]["transactionCode"]?.stringValue == "M")
        #expect(acmeTrades[4]["sharesTransacted"]?.integerValue == 60)
        #expect(acmeTrades[5]["transactionCode"]?.stringValue == "P")
        // Rows in surrogate-key order: the 200-share row before the footnote-priced one.
        #expect(acmeTrades[2]["sharesTransacted"]?.integerValue == 200)
        #expect(acmeTrades[3]["pricePerShare"] == .null)
        #expect(acmeTrades[3]["totalValue"]?.integerValue == 0)
        // The box is checked on the joint filing; the old schema's filing has no box and no plan footnote.
        #expect(acmeTrades[1]["rule10b51"]?.boolValue == true)
        #expect(acmeTrades[1]["insiderName"]?.stringValue == "Big Fund LP")
        #expect(acmeTrades[6]["rule10b51"]?.boolValue == false)
        #expect(acmeTrades[6]["insiderRelation"]?.stringValue == "OFFICER")

        let activity = try await json(CLI.run(["query", "activity", "--lookback-days", "30", "--as-of", Self.asOf], env: env).stdout)
        #expect(activity["buys"]?.arrayValue?.map { $0["ticker"]?.stringValue } == ["ACME", "BETA"])
        #expect(activity["buys"]?.arrayValue?.first?["latestInsider"]?.stringValue == "Smith Jane")
        #expect(activity["buys"]?.arrayValue?.first?["latestTitle"]?.stringValue == "CEO")
        #expect(activity["sells"]?.arrayValue?.isEmpty == true)

        let unknown = try await CLI.run(["query", "trades", "NOPE", "--as-of", Self.asOf], env: env)
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("never seen the ticker NOPE"))

        let s = try await status(env)
        #expect(s["filings"]?.integerValue == 11)
        #expect(s["transactions"]?.integerValue == 13)
        // The original's table II row, and the first two rows of the twice-amended purchase.
        #expect(s["supersededTransactions"]?.integerValue == 3)
        #expect(s["newestFilingDate"]?.stringValue == "2026-04-06")
        #expect(s["quarters"]?.arrayValue?.count == 2)
    }

    @Test func aSecondRunAsksConditionallyAndChangesNothing() async throws {
        let world = try BulkWorld()
        let server = try world.serve()
        defer { server.stop() }
        let env = BulkWorld.env(server, storage: Paths.tempDir("store"))
        #expect(try await CLI.run(["ingest", "datasets"], env: env).status == 0)
        let before = try await status(env)
        let again = try await CLI.run(["ingest", "datasets"], env: env)
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stdout.contains("2026q1\tunchanged"))
        #expect(again.stdout.contains("not downloaded (cached)"))
        let zips = server.requests(pathPrefix: BulkWorld.newFolder)
        #expect(zips.count == 2)
        #expect(zips.last?.headers["if-none-match"] == "\"q1-v1\"")
        let after = try await status(env)
        for field in ["filings", "transactions", "supersededTransactions", "quarters", "dataVersion"] { #expect(after[field] == before[field]) }
    }

    @Test func badQuartersAreRefusedBeforeAnyRequest() async throws {
        let world = try BulkWorld()
        let server = try world.serve()
        defer { server.stop() }
        let env = BulkWorld.env(server, storage: Paths.tempDir("store"))
        let early = try await CLI.run(["ingest", "datasets", "--from", "1999q1"], env: env)
        #expect(early.status == 2)
        #expect(early.stderr.contains("1999q1 is before 2006q1"))
        let malformed = try await CLI.run(["ingest", "datasets", "--from", "2025q5"], env: env)
        #expect(malformed.status == 2)
        #expect(malformed.stderr.contains("\"2025q5\" is not a quarter"))
        #expect(server.requests.isEmpty)
        let unpublished = try await CLI.run(["ingest", "datasets", "--from", "2026q1", "--to", "2026q2"], env: env)
        #expect(unpublished.status == 1)
        #expect(unpublished.stderr.contains("2026q2 is not offered on SEC's listing page"))
        #expect(server.requests.count == 1)
    }

    @Test(arguments: [
        ("number", "2026q1_form345.zip: NONDERIV_TRANS.tsv line 4, column TRANS_PRICEPERSHARE: \"10,50\" is not a number"),
        ("column", "2026q1_form345.zip: SUBMISSION.tsv line 1, column ISSUERTRADINGSYMBOL: missing column"),
        ("truncated", "2026q1_form345.zip"),
    ])
    func aBadQuarterNamesWhereAndCommitsNothingOfIt(fault: String, message: String) async throws {
        let world = try BulkWorld()
        let path = "\(BulkWorld.newFolder)/2026q1_form345.zip"
        switch fault {
        case "number": world.set(path, .ok(Array(try BulkWorld.zip(BulkWorld.quarter2026q1(corruptNumber: true))), contentType: "application/zip"))
        case "column": world.set(path, .ok(Array(try BulkWorld.zip(BulkWorld.quarter2026q1(dropColumn: "ISSUERTRADINGSYMBOL"))), contentType: "application/zip"))
        default:
            let good = try BulkWorld.zip(BulkWorld.quarter2026q1())
            world.set(path, .ok(Array(good.prefix(good.count / 2)), contentType: "application/zip"))
        }
        let server = try world.serve()
        defer { server.stop() }
        let env = BulkWorld.env(server, storage: Paths.tempDir("store"))
        let r = try await CLI.run(["ingest", "datasets"], env: env)
        #expect(r.status == 1)
        #expect(r.stderr.contains(message), "\(r.stderr)")
        // The earlier quarter is committed, the failing one not at all.
        let s = try await status(env)
        #expect(s["filings"]?.integerValue == 1)
        #expect(s["quarters"]?.arrayValue?.map { $0["quarter"]?.stringValue } == ["2025q4"])

        // Fixed at the source, a re-run gives what an uninterrupted run gives.
        world.set(path, CannedResponse(status: 200, headers: [("ETag", "\"q1-v2\"")], body: Array(try BulkWorld.zip(BulkWorld.quarter2026q1()))))
        #expect(try await CLI.run(["ingest", "datasets"], env: env).status == 0)
        let clean = try BulkWorld()
        let cleanServer = try clean.serve()
        defer { cleanServer.stop() }
        let cleanEnv = BulkWorld.env(cleanServer, storage: Paths.tempDir("store"))
        #expect(try await CLI.run(["ingest", "datasets"], env: cleanEnv).status == 0)
        for query in [["query", "cluster-buys"], ["query", "activity"], ["query", "trades", "ACME"], ["query", "trades", "BETA"]] {
            let args = query + ["--lookback-days", "365", "--as-of", Self.asOf]
            #expect(try await CLI.run(args, env: env).stdout == CLI.run(args, env: cleanEnv).stdout)
        }
        await #expect(try status(env)["transactions"] == status(cleanEnv)["transactions"])
    }

    @Test func sECsBlockPageIsNeverLoadedAsData() async throws {
        let world = try BulkWorld()
        world.set("/data-research/sec-markets-data/insider-transactions-data-sets",
                  .text(200, "<html><title>SEC.gov | Request Rate Threshold Exceeded</title></html>"))
        let server = try world.serve()
        defer { server.stop() }
        let env = BulkWorld.env(server, storage: Paths.tempDir("store"), extra: ["SEC_BLOCK_PAUSE_SECONDS": "0.05"])
        let r = try await CLI.run(["ingest", "datasets"], env: env)
        #expect(r.status == 1)
        #expect(r.stderr.contains("rate-limit block page"))
        await #expect(try status(env)["filings"]?.integerValue == 0)
    }

    @Test func aKilledDailyRunResumesWithoutLoadingAnyFilingTwice() async throws {
        let world = try BulkWorld()
        let e2Path = "/Archives/edgar/data/1002/\(Self.e2).txt"
        world.fail(e2Path, true)
        let server = try world.serve()
        defer { server.stop() }
        let env = BulkWorld.env(server, storage: Paths.tempDir("store"))
        let broken = try await CLI.run(["ingest", "daily", "--since", "2026-04-06", "--as-of", "2026-04-06"], env: env)
        #expect(broken.status == 1)
        #expect(broken.stderr.contains(Self.e2))
        await #expect(try status(env)["days"]?.arrayValue?.isEmpty == true)

        world.fail(e2Path, false)
        let resumed = try await CLI.run(["ingest", "daily", "--since", "2026-04-06", "--as-of", "2026-04-06"], env: env)
        #expect(resumed.status == 0, "\(resumed.stderr)")
        let s = try await status(env)
        #expect(s["filings"]?.integerValue == 2)
        #expect(s["days"]?.arrayValue?.map { $0["day"]?.stringValue } == ["2026-04-06"])
        // What the first run fetched is served from the filing cache or found in the store.
        #expect(server.requests(pathPrefix: "/Archives/edgar/data/1001/\(Self.e1).txt").count == 1)
        let again = try await CLI.run(["ingest", "daily", "--since", "2026-04-06", "--as-of", "2026-04-06"], env: env)
        #expect(again.stdout.contains("loaded 0\talready stored 2"))
        await #expect(try status(env)["dataVersion"] == s["dataVersion"])
    }

    @Test func dailyIndexListsEachFilingOncePerPartyAndIsReadOnce() {
        let text = BulkWorld.dailyIndex([
            BulkWorld.indexLine("4", "Acme Corp", "1001", "20260406", "edgar/data/1001/0000001001-26-000050.txt"),
            BulkWorld.indexLine("4/A", "Smith Jane", "2001", "20260406", "edgar/data/2001/0000001001-26-000052.txt"),
            BulkWorld.indexLine("4", "Smith Jane", "2001", "20260406", "edgar/data/2001/0000001001-26-000050.txt"),
            BulkWorld.indexLine("424B2", "Bank", "9", "20260406", "edgar/data/9/0000000009-26-000001.txt"),
            BulkWorld.indexLine("40-F", "Other", "8", "20260406", "edgar/data/8/0000000008-26-000001.txt"),
        ])
        let entries = DailyFormIndex.form4Filings(in: Array(text.utf8), day: Day("2026-04-06")!)
        #expect(entries.map(\.accession) == ["0000001001-26-000050", "0000001001-26-000052"])
        #expect(entries.map(\.form) == ["4", "4/A"])
        #expect(entries.allSatisfy { $0.filed == Day("2026-04-06")! })
        #expect(DailyFormIndex.path(for: Day("2026-10-06")!) == "Archives/edgar/daily-index/2026/QTR4/form.20261006.idx")
    }

    @Test(.enabled(if: Paths.fixturesAvailable, Paths.skipMessage))
    func theRealDailyIndexLayoutParses() throws {
        let bytes = try Paths.fixture("edgar/other/daily_form.20200318.idx")
        let entries = DailyFormIndex.form4Filings(in: bytes, day: Day("2020-03-18")!)
        #expect(!entries.isEmpty)
        #expect(Set(entries.map(\.accession)).count == entries.count)
        #expect(entries.allSatisfy { ($0.form == "4" || $0.form == "4/A") && $0.path.hasPrefix("edgar/data/") && $0.filed == Day("2020-03-18")! })
    }

    @Test(.enabled(if: Paths.fixturesAvailable, Paths.skipMessage))
    func theRealDataSetHeadersMapEveryColumnTheReaderNeeds() throws {
        let text = String(decoding: try Paths.fixture("edgar/other/insider_transactions_dataset_TSV_headers_EXCERPT.txt"), as: UTF8.self)
        var headers: [String: String] = [:]
        for line in text.split(separator: "\n") where line.contains(".tsv\": \"") {
            let parts = line.split(separator: "\"")
            headers[String(parts[1])] = String(parts[3])
        }
        #expect(headers.count == 8)
        // Our test world writes exactly SEC's header rows.
        #expect(headers["SUBMISSION.tsv"] == BulkWorld.submissionHeader)
        #expect(headers["REPORTINGOWNER.tsv"] == BulkWorld.ownerHeader)
        #expect(headers["NONDERIV_TRANS.tsv"] == BulkWorld.nonDerivHeader)
        #expect(headers["DERIV_TRANS.tsv"] == BulkWorld.derivHeader)
        #expect(headers["FOOTNOTES.tsv"] == BulkWorld.footnoteHeader)
    }

    @Test func quartersAndListingLinks() {
        #expect(Quarter("2026Q3")?.description == "2026q3")
        #expect(Quarter("2026q0") == nil && Quarter("26q1") == nil)
        #expect(Quarter("2026q1")!.lastDay == Day("2026-03-31")!)
        #expect(Quarter(containing: Day("2026-12-31")!).description == "2026q4")
        let links = DataSetListing.links(in: Array(BulkWorld.listing(["https://www.sec.gov/files/a/2026q2_form345.zip", "/files/b/2006q1_form345.zip", "/x/2025q1_notes.zip"]).utf8))
        #expect(links == [Quarter("2026q2")!: "/files/a/2026q2_form345.zip", Quarter("2006q1")!: "/files/b/2006q1_form345.zip"])
    }

    @Test func decimalsAreExactAndTotal() {
        func d(_ s: String) -> Decimal? { DecimalText.parse(Array(s.utf8)[...]) }
        #expect(d("10.50") == Decimal(string: "10.5"))
        #expect(d("0.0001") == Decimal(string: "0.0001"))
        #expect(d("-1234.5600") == Decimal(string: "-1234.56"))
        #expect(d("1E+3") == 1000)
        #expect(d("0") == 0)
        #expect(d("10,50") == nil && d("") == nil && d("-") == nil && d("1e") == nil && d("12345678901234567890123") == nil)
    }
}

/// Real filings (../shared/fixtures) through the daily path's conversion into the store.
@Suite struct RealFilingsIntoTheStoreTests {
    @Test(.enabled(if: Paths.fixturesAvailable, Paths.skipMessage))
    func everyFixtureFilingLoadsWithEachRowAndOwner() async throws {
        let dir = Paths.fixtures.appendingPathComponent("edgar/form4")
        let store = try SQLiteTradeStore(path: Paths.tempDir("real").appendingPathComponent("t.sqlite").path)
        var loaded = 0, rows = 0
        for name in try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() {
            let document = try Form4Parser.parse(Array(try Data(contentsOf: dir.appendingPathComponent(name))))
            let accession = document.accession ?? "fixture-\(loaded)-\(name.prefix(20))"
            guard let filing = StoredFiling(document: document, accession: accession, filingDate: Day("2026-01-02")!, source: .dailyIndex) else {
                #expect(document.documentType != "4" && document.documentType != "4/A", "\(name)")
                continue
            }
            #expect(filing.owners.count == document.owners.count)
            #expect(filing.transactions.count == document.transactions.count)
            // Rows are numbered per table, in document order.
            let tableI = filing.transactions.filter { $0.table == .nonDerivative }.map(\.row)
            #expect(tableI == Array(1...max(1, tableI.count)).prefix(tableI.count).map { $0 })
            try await store.load([filing], marking: nil)
            loaded += 1
            rows += filing.transactions.count
        }
        let status = try await store.status()
        #expect(loaded >= 30)
        #expect(status.filings == loaded)
        #expect(status.transactions == rows)
        // COUR's five 10% owners filed one purchase jointly: one transaction, five insiders.
        let cour = try await store.clusterBuys(in: LookbackWindow(asOf: Day("2026-12-31")!, days: 365), minInsiders: 5)
        #expect(cour.contains { $0.ticker == "COUR" && $0.insiderCount == 5 })
    }
}
