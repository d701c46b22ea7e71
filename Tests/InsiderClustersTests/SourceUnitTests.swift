@testable import EdgarForm4
import Foundation
@testable import InsiderClusters
import InsiderCore
import Logging
import Testing

@Suite struct FilingMatchTests {
    func document(owners: [String] = ["0000000007"], rows: [(code: String, date: String, shares: Decimal, price: Decimal?)],
                  type: String = "4", box: Bool? = nil) -> Form4Document {
        Form4Document(
            schemaVersion: "X0508", documentType: type, periodOfReport: rows.first?.date, dateOfOriginalSubmission: type == "4/A" ? "2026-04-02" : nil,
            notSubjectToSection16: nil, issuer: Form4Issuer(cik: "0000000001", name: "Issuer Inc", ticker: "ISS"),
            owners: owners.map { Form4Owner(cik: $0, name: "Owner \($0)", isDirector: true, isOfficer: false, isTenPercentOwner: false, isOther: false, officerTitle: nil, otherText: nil) },
            aff10b5One: box,
            transactions: rows.map { Form4Transaction(table: .nonDerivative, securityTitle: "Common Stock", date: $0.date, code: $0.code, formType: "4",
                                                      shares: $0.shares, price: $0.price, acquiredDisposed: "A", sharesOwnedAfter: 1, directIndirect: "D",
                                                      natureOfOwnership: nil, footnoteIds: [], rule10b5_1: box == true,
                                                      conversionOrExercisePrice: nil, underlyingSecurityTitle: nil, underlyingShares: nil) },
            holdings: [], footnotes: [], remarks: nil, accession: nil, acceptanceDateTime: nil)
    }

    func oiBuy(cik: String? = "0000000007", shares: Double = 3000, price: Double = 11, value: Int64 = 33000, date: String = "2026-04-06") -> Trade {
        Trade(ticker: "ISS", ownerCIK: cik, ownerName: "Owner, The", roles: [.director], code: "P", tradeDate: Day(date)!, shares: shares,
              price: price, value: value, accession: "0000000001-26-000001", filingDateTime: "2026-04-08 18:00:00")
    }

    @Test func anMRowBecomesOneBuyPerFilingRow() throws {
        let doc = document(rows: [("P", "2026-04-06", 1000, 10), ("P", "2026-04-07", 2000, Decimal(string: "11.5")!), ("S", "2026-04-07", 5, 12)])
        let (trades, check) = FilingMatch.apply(trade: oiBuy(), document: doc, checkID: 3)
        #expect(check.status == .verified)
        #expect(check.discrepancies.isEmpty)
        #expect(trades.map(\.tradeDate.description) == ["2026-04-06", "2026-04-07"])
        #expect(trades.map(\.value) == [10000, 23000])
        #expect(trades.map(\.rowInFiling) == [0, 1])
        #expect(trades.allSatisfy { $0.origin == .verifiedFiling && $0.checkID == 3 && $0.ownerName == "Owner, The" })
        #expect(Set(trades.compactMap(\.economicID)).count == 2)
    }

    @Test func edgarOnlyTradesTakeTheFilingsIssuerNameAndAmendmentFacts() throws {
        let doc = document(rows: [("P", "2026-04-06", 1000, 10)], type: "4/A")
        let ref = EdgarFilingRef(accession: "0000000001-26-000009", form: "4/A", filingDate: Day("2026-04-08")!,
                                 acceptance: "2026-04-08 20:30:00", fileName: "form4.xml")
        let trades = EdgarTrades.trades(ticker: "ISS", issuerCIK: "1", companyName: "ISSUER INC (submissions)", sector: "Widgets",
                                        filings: [(ref, doc)])
        let t = try #require(trades.first)
        #expect(t.companyName == "Issuer Inc")
        #expect(t.filingDate == Day("2026-04-08") && t.filingDateTime == "2026-04-08 20:30:00")
        #expect(t.isAmendment && t.originalFilingDate == Day("2026-04-02"))
        #expect(t.firstOwnerKey == "cik:0000000007" && t.filingTables == .nonDerivative)
        #expect(t.roles == [.director])
    }

    @Test func anAmendedSaleShownBeforeTheWindowBecomesItsFilingRows() throws {
        var sale = oiBuy(date: "2026-03-30")
        sale.code = "S"
        let doc = document(rows: [("S", "2026-03-30", 10, 9), ("S", "2026-04-06", 20, 9), ("P", "2026-04-06", 5, 9)])
        let rows = try #require(FilingMatch.expand(trade: sale, document: doc))
        #expect(rows.map(\.tradeDate.description) == ["2026-03-30", "2026-04-06"])
        #expect(rows.map(\.shares) == [10, 20] && rows.map(\.rowInFiling) == [0, 1])
        #expect(FilingMatch.expand(trade: sale, document: document(owners: ["0000000008", "0000000009"], rows: [("S", "2026-04-06", 1, 1)])) == nil)
    }

    @Test func disagreementsUseTheFilingAndAreListed() throws {
        let doc = document(rows: [("P", "2026-04-05", 2500, 12)])
        let (trades, check) = FilingMatch.apply(trade: oiBuy(), document: doc, checkID: 0)
        #expect(trades.count == 1 && trades[0].shares == 2500 && trades[0].value == 30000 && trades[0].price == 12)
        #expect(Set(check.discrepancies.map(\.field)) == ["shares", "price", "value", "date"])
        let shares = try #require(check.discrepancies.first { $0.field == "shares" })
        #expect(shares.openinsider == "3000" && shares.edgar == "2500" && shares.accession == "0000000001-26-000001")
    }

    @Test func roundedPricesAreNotDiscrepancies() {
        // OpenInsider rounds prices to cents and values to dollars.
        let doc = document(rows: [("P", "2026-04-06", 1000, Decimal(string: "10.004")!), ("P", "2026-04-06", 2000, Decimal(string: "11.4985")!)])
        let (_, check) = FilingMatch.apply(trade: oiBuy(price: 11.00, value: 33001), document: doc, checkID: 0)
        #expect(check.discrepancies.isEmpty, "\(check.discrepancies)")
    }

    @Test func aPriceGivenOnlyByFootnoteKeepsOpenInsidersPrice() {
        let doc = document(rows: [("P", "2026-04-06", 3000, nil)])
        let (trades, _) = FilingMatch.apply(trade: oiBuy(), document: doc, checkID: 0)
        #expect(trades[0].price == 11 && trades[0].value == 33000)
    }

    @Test func anOwnerNotOnTheFilingIsUnmatched() {
        let doc = document(owners: ["0000000001", "0000000002"], rows: [("P", "2026-04-06", 3000, 11)])
        let (trades, check) = FilingMatch.apply(trade: oiBuy(), document: doc, checkID: 0)
        #expect(trades.count == 1 && trades[0].origin == .openInsider)
        guard case .unmatched = check.status else { Issue.record("expected unmatched"); return }
        #expect(!check.wasChecked == false)
    }

    @Test func aSoleOwnerUnderAnotherCIKIsADiscrepancy() {
        let doc = document(owners: ["0000000099"], rows: [("P", "2026-04-06", 3000, 11)])
        let (trades, check) = FilingMatch.apply(trade: oiBuy(), document: doc, checkID: 0)
        #expect(check.discrepancies.map(\.field) == ["owner"])
        #expect(trades[0].ownerCIK == "0000000099")
    }

    @Test func aFilingWithoutPurchasesIsUnmatchedWithACodeDiscrepancy() {
        let doc = document(rows: [("A", "2026-04-06", 3000, 0)])
        let (trades, check) = FilingMatch.apply(trade: oiBuy(), document: doc, checkID: 0)
        #expect(trades.count == 1)
        #expect(check.discrepancies.first?.field == "code" && check.discrepancies.first?.edgar == "A")
    }

    @Test func amendmentsAndTheBoxAreCarried() {
        let doc = document(rows: [("P", "2026-04-06", 3000, 11)], type: "4/A", box: true)
        let (trades, _) = FilingMatch.apply(trade: oiBuy(), document: doc, checkID: 0)
        #expect(trades[0].isAmendment && trades[0].originalFilingDate?.description == "2026-04-02" && trades[0].rule10b5_1)
    }

    @Test func clippedValuesAreReported() {
        var buy = oiBuy(shares: 100_000_000, price: 25, value: 2_500_000_000)
        buy.valueWasClipped = true
        let (_, check) = FilingMatch.apply(trade: buy, document: document(rows: [("P", "2026-04-06", 100_000_000, 25)]), checkID: 0)
        #expect(check.discrepancies.map(\.field) == ["value"])
        #expect(check.discrepancies.first?.edgar == "2500000000")
    }

    @Test func exactRounding() {
        #expect(FilingMatch.roundedDollars(Decimal(string: "842775")! * Decimal(string: "0.102")!) == 85963)   // 85963.05
        #expect(FilingMatch.roundedDollars(Decimal(string: "2.5")!) == 3)
    }
}

@Suite struct EdgarSourceTests {
    func response(_ status: Int, _ body: [UInt8]) -> HTTPResponse {
        HTTPResponse(status: status, headers: [:], body: body, url: URL(string: "https://www.sec.gov/x")!)
    }

    @Test(.enabled(if: Paths.fixturesAvailable, Paths.skipMessage))
    func judgesSecBodiesNotJustStatuses() throws {
        let block = try Paths.fixture("edgar/other/sec_rate_limit_exceeded_page.html")
        if case .throttled = EdgarSource.judge(response(403, block)) {} else { Issue.record("403 block page is a block") }
        if case .throttled = EdgarSource.judge(response(200, block)) {} else { Issue.record("a 200 block page is still a block") }
        let missing = try Paths.fixture("edgar/other/error_404_NoSuchKey_data.sec.gov_submissions_bad_CIK.xml")
        if case .fail = EdgarSource.judge(response(404, missing)) {} else { Issue.record("NoSuchKey is not found") }
        let denied = try Paths.fixture("edgar/other/error_403_AccessDenied_full-index_nonexistent_quarter.xml")
        if case .fail = EdgarSource.judge(response(403, denied)) {} else { Issue.record("AccessDenied is not found, not a block") }
        #expect(EdgarSource.judge(response(200, Array("<ownershipDocument/>".utf8))) == .accept)
    }

    @Test func rawFilingURLDropsTheRenderingSegment() throws {
        let config = try SourceConfig.fromEnvironment(["SEC_BASE_URL": "http://127.0.0.1:8080", "SEC_USER_AGENT": "t t@example.com"])
        let source = EdgarSource(http: HTTPClient(), config: config, cache: LocalStorage(root: Paths.tempDir()).keyValueStore("c"), logger: .init(label: "t"))
        let url = source.rawFilingURL(fromLink: "http://www.sec.gov/Archives/edgar/data/1045810/000119903926000003/xslF345X03/wk-form4_1774386816.xml")
        #expect(url?.absoluteString == "http://127.0.0.1:8080/Archives/edgar/data/1045810/000119903926000003/wk-form4_1774386816.xml")
        #expect(EdgarSource.cacheKey(accession: "0001199039-26-000003", url: url!) == "0001199039-26-000003_wk-form4_1774386816.xml")
    }

    @Test(.enabled(if: Paths.fixturesAvailable, Paths.skipMessage))
    func readsTheRealTickerMap() throws {
        let map = try EdgarSource.parseTickerMap(try Paths.fixture("edgar/other/company_tickers.json"))
        #expect(map["AAPL"]?.cik == "0000320193")
        #expect(map.count > 5000)
        #expect(EdgarTrades.secTicker("brk.b") == "BRK-B")
    }

    @Test(.enabled(if: Paths.fixturesAvailable, Paths.skipMessage))
    func readsForm4sFromRealSubmissions() throws {
        let root = try JSONValue.parse(try Paths.fixture("edgar/other/submissions_CIK0001318605_issuer_Tesla.json"))
        let recent = try #require(root["filings"]?["recent"])
        let all = EdgarSource.parseRecentFilings(recent, from: Day("1990-01-01")!, to: Day("2030-01-01")!)
        #expect(!all.isEmpty)
        #expect(all.allSatisfy { $0.form == "4" || $0.form == "4/A" })
        #expect(all.allSatisfy { !$0.fileName.contains("/") && $0.fileName.hasSuffix(".xml") })
        #expect(all.allSatisfy { $0.accession.count == 20 })
        let first = try #require(all.first)
        let narrow = EdgarSource.parseRecentFilings(recent, from: first.filingDate, to: first.filingDate)
        #expect(narrow.allSatisfy { $0.filingDate == first.filingDate } && narrow.contains(first))
        #expect(root["sicDescription"]?.stringValue?.isEmpty == false)
    }

    @Test func acceptanceTimesAreReadAsNewYorkWallClockNeverAsFilingDates() throws {
        // The JSON's acceptanceDateTime is UTC; filingDate is the Eastern date (DOMAIN.md 2.13).
        let recent = try JSONValue.parse(#"{"accessionNumber": ["0000000001-26-000001", "0000000001-26-000002"], "filingDate": ["2026-01-12", "2026-04-08"], "acceptanceDateTime": ["2026-01-13T00:04:08.000Z", "2026-04-09T00:30:00.000Z"], "form": ["4", "4/A"], "primaryDocument": ["xslF345X05/a.xml", "xslF345X05/b.xml"]}"#)
        let refs = EdgarSource.parseRecentFilings(recent, from: Day("2026-01-01")!, to: Day("2026-12-31")!)
        #expect(refs.map(\.acceptance) == ["2026-01-12 19:04:08", "2026-04-08 20:30:00"])   // EST in January, EDT in April
        #expect(refs.map(\.filingDate) == [Day("2026-01-12")!, Day("2026-04-08")!])
    }

    @Test func padsCIKs() {
        #expect(InsiderCore.padCIK("320193") == "0000320193")
        #expect(InsiderCore.padCIK("0000320193") == "0000320193")
        #expect(SourceConfig.containsEmail("Acme Research <ops@acme.example>"))
        #expect(!SourceConfig.containsEmail("Acme @ home"))
    }
}

@Suite struct HTTPPolicyTests {
    @Test func retryAfterSecondsAndDates() {
        #expect(HTTPClient.retryAfter("3") == .seconds(3))
        #expect(HTTPClient.retryAfter("") == nil)
        let past = HTTPClient.retryAfter("Wed, 21 Oct 2015 07:28:00 GMT")
        #expect(past == .zero)
    }

    @Test func backoffGrowsAndIsCapped() {
        let client = HTTPClient(policy: RetryPolicy(maxRetries: 5, baseDelay: .milliseconds(100), maxDelay: .milliseconds(400)))
        for attempt in 1...6 {
            let d = client.backoff(attempt: attempt)
            let ceiling = min(400.0, 100.0 * pow(2, Double(attempt - 1)))
            let ms = Double(d.components.seconds) * 1000 + Double(d.components.attoseconds) / 1e15
            #expect(ms >= ceiling / 2 - 1 && ms <= ceiling + 1, "attempt \(attempt): \(ms) ms")
        }
    }

    /// The limiter's guarantee, counted in a sliding window over the grants it hands out, on a
    /// virtual clock: exact, with no wall-clock margin.
    @Test(arguments: [(40.0, 10, 500), (8.0, 8, 1050), (3.0, 3, 1050)] as [(Double, Int, Int)])
    func rateLimiterNeverExceedsItsWindow(rps: Double, cap: Int, windowMS: Int) async throws {
        let window = Duration.milliseconds(windowMS)
        let limiter = RateLimiter(requestsPerSecond: rps, maxInWindow: cap, window: window, clock: VirtualClock())
        let grants = try await withThrowingTaskGroup(of: Duration.self) { group in
            for _ in 0..<50 { group.addTask { try await limiter.acquire() } }
            var out: [Duration] = []
            for try await g in group { out.append(g) }
            return out.sorted()
        }
        #expect(grants.count == 50)
        var worst = 0
        for (i, start) in grants.enumerated() {
            worst = max(worst, grants[i...].prefix { $0 - start < window }.count)
        }
        #expect(worst <= cap)
        #expect(zip(grants, grants.dropFirst()).allSatisfy { $1 - $0 >= limiter.interval })
    }

    @Test func aPauseHoldsEveryTaskOfTheSource() async throws {
        let clock = VirtualClock()
        let limiter = RateLimiter(requestsPerSecond: 10, maxInWindow: 10, clock: clock)
        let first = try await limiter.acquire()
        await limiter.pause(for: .seconds(600))
        let later = try await withThrowingTaskGroup(of: Duration.self) { group in
            for _ in 0..<5 { group.addTask { try await limiter.acquire() } }
            var out: [Duration] = []
            for try await g in group { out.append(g) }
            return out
        }
        #expect(later.allSatisfy { $0 >= first + .seconds(600) })
        // A shorter pause does not cut a running one short.
        await limiter.pause(for: .seconds(1))
        #expect(await limiter.pausedUntilInstant >= first + .seconds(600))
    }

    @Test func openInsiderIsCappedAtThreeRequestsInAnySecond() async throws {
        for rps in ["10", "3", "1"] {
            let config = try SourceConfig.fromEnvironment(["OPENINSIDER_RPS": rps])
            let source = OpenInsiderSource(http: HTTPClient(), config: config, logger: Logger(label: "test"))
            #expect(source.limiter.maxInWindow <= 3, "OPENINSIDER_RPS=\(rps)")
            #expect(source.limiter.interval >= .milliseconds(333), "OPENINSIDER_RPS=\(rps)")
        }
    }

    /// SEC's block page seen by one request pauses the whole SEC limiter, so no other task sends
    /// anything until the pause is over; the request is then retried and succeeds.
    @Test(.enabled(if: Paths.fixturesAvailable, Paths.skipMessage))
    func secBlockPausesTheSharedLimiter() async throws {
        let block = try Paths.fixture("edgar/other/sec_rate_limit_exceeded_page.html")
        let routes = Routes()
        routes.on("/blocked", CannedResponse(status: 403, headers: [("Content-Type", "text/html")], body: block), .text(200, "<ownershipDocument/>"))
        routes.on("/other", .text(200, "fine"))
        let server = try TestHTTPServer(handler: routes.handler)
        defer { server.stop() }
        let clock = VirtualClock()
        let limiter = RateLimiter(requestsPerSecond: 10, maxInWindow: 10, clock: clock)
        let client = HTTPClient(policy: RetryPolicy(maxRetries: 2, throttlePause: .seconds(600)))
        _ = try await client.get(URL(string: server.baseURL + "/blocked")!, headers: [:], limiter: limiter, judge: EdgarSource.judge)
        #expect(server.requests(pathPrefix: "/blocked").count == 2)
        #expect(clock.now >= .seconds(600))   // the retry waited out the pause on the shared limiter
        // Another task of the same source starting during the pause waits for its end too.
        let paused = await limiter.pausedUntilInstant
        #expect(paused >= .seconds(600))
        #expect(try await limiter.acquire() >= paused)
    }

    @Test func onlyWhatCanSucceedIsRetried() async throws {
        let routes = Routes()
        routes.on("/slow", .text(408, "request timeout"), .text(200, "ok"))
        routes.on("/gone", .text(410, "gone"))
        let server = try TestHTTPServer(handler: routes.handler)
        defer { server.stop() }
        let client = HTTPClient(policy: RetryPolicy(maxRetries: 3, baseDelay: .milliseconds(1), maxDelay: .milliseconds(2)))
        let limiter = RateLimiter(requestsPerSecond: 1000, maxInWindow: 1000)
        // 408 is worth another try.
        let ok = try await client.get(URL(string: server.baseURL + "/slow")!, headers: [:], limiter: limiter)
        #expect(ok.status == 200 && server.requests(pathPrefix: "/slow").count == 2)
        // Other 4xx: no.
        await #expect(throws: HTTPClientError.self) { try await client.get(URL(string: server.baseURL + "/gone")!, headers: [:], limiter: limiter) }
        #expect(server.requests(pathPrefix: "/gone").count == 1)
        // TLS to a server that speaks plain HTTP fails the same way every time: one attempt.
        let tls = URL(string: "https://127.0.0.1:\(server.port)/tls")!
        do {
            _ = try await client.get(tls, headers: [:], limiter: limiter)
            Issue.record("a TLS handshake with a plain HTTP server succeeded")
        } catch let HTTPClientError.unreachable(_, attempts, reason) {
            #expect(attempts == 1, "\(reason)")
        }
        // A URL the client cannot use at all: one attempt.
        do {
            _ = try await client.get(URL(string: "gopher://127.0.0.1:\(server.port)/x")!, headers: [:], limiter: limiter)
            Issue.record("a gopher URL was fetched")
        } catch let HTTPClientError.unreachable(_, attempts, reason) {
            #expect(attempts == 1, "\(reason)")
        }
    }
}
