import Foundation
@testable import InsiderClusters
import InsiderCore
import Logging

/// The market the end-to-end tests run against (as-of 2026-04-30, 30-day window).
enum Worlds {
    static let asOf = Day("2026-04-30")!

    static func owner(_ cik: Int, _ name: String, _ title: String) -> FakeWorld.Owner {
        var o = FakeWorld.Owner(cik: cik, name: name, title: title)
        o.director = title.contains("Dir")
        o.tenPercent = title.contains("10%")
        o.officer = !o.director && !o.tenPercent
        return o
    }

    static var standard: FakeWorld {
        let issuers = [
            FakeWorld.Issuer(ticker: "ACME", name: "Acme Widgets & Co", cik: 1001, industry: "Industrial Machinery", sic: 3559),
            FakeWorld.Issuer(ticker: "BETA", name: "Beta Bancorp", cik: 1002, industry: "State Commercial Banks", sic: 6022),
            FakeWorld.Issuer(ticker: "GAMA", name: "Gamma Pharma", cik: 1003, industry: "Pharmaceutical Preparations", sic: 2834),
            FakeWorld.Issuer(ticker: "DELT", name: "Delta Duo", cik: 1004, industry: "Retail", sic: 5900),
        ]
        var filings: [FakeWorld.Filing] = []
        // ACME: CEO (two executions, one filing: OpenInsider shows one M row), CFO, Director; listed on the canned page.
        filings.append(.init(issuer: "ACME", accession: "0000001001-26-000001", owners: [owner(2001, "Roadrunner Wile E", "CEO")],
                             rows: [.init(code: "P", date: "2026-04-06", shares: 1000, price: 10.00), .init(code: "P", date: "2026-04-07", shares: 1000, price: 12.00)],
                             filed: "2026-04-08 18:00:00"))
        filings.append(.init(issuer: "ACME", accession: "0000001001-26-000002", owners: [owner(2002, "Coyote Carl", "CFO")],
                             rows: [.init(code: "P", date: "2026-04-09", shares: 2000, price: 11.00)], filed: "2026-04-10 17:00:00",
                             aff10b5One: true, openInsiderQty: 2100))   // OpenInsider shows 2,100 shares: a discrepancy
        filings.append(.init(issuer: "ACME", accession: "0000001001-26-000003", owners: [owner(2003, "Bunny Bugs", "Dir")],
                             rows: [.init(code: "P", date: "2026-04-15", shares: 500, price: 13.00)], filed: "2026-04-16 16:00:00"))
        // BETA: four insiders, missing from the canned page; a clipped value; a joint filing; a 404 filing.
        filings.append(.init(issuer: "BETA", accession: "0000001002-26-000001", owners: [owner(3001, "Whale Capital LP", "10%")],
                             rows: [.init(code: "P", date: "2026-04-02", shares: 100_000_000, price: 25.00)], filed: "2026-04-03 19:00:00"))
        filings.append(.init(issuer: "BETA", accession: "0000001002-26-000002", owners: [owner(3002, "Banker Betty", "Pres, CEO")],
                             rows: [.init(code: "P", date: "2026-04-10", shares: 4000, price: 26.50)], filed: "2026-04-11 10:00:00"))
        filings.append(.init(issuer: "BETA", accession: "0000001002-26-000003", owners: [owner(3003, "Teller Tom", "Dir"), owner(3004, "Teller Family Trust", "10%")],
                             rows: [.init(code: "P", date: "2026-04-20", shares: 1000, price: 27.00)], filed: "2026-04-21 12:00:00"))
        var missing = FakeWorld.Filing(issuer: "BETA", accession: "0000001002-26-000004", owners: [owner(3005, "Vault Vera", "VP")],
                                       rows: [.init(code: "P", date: "2026-04-22", shares: 300, price: 27.50)], filed: "2026-04-23 09:00:00")
        missing.onEdgar = false
        filings.append(missing)
        // GAMA: three buyers, but a director sold: not an all-buy cluster.
        filings.append(.init(issuer: "GAMA", accession: "0000001003-26-000001", owners: [owner(4001, "Pill Paula", "CEO")],
                             rows: [.init(code: "P", date: "2026-04-05", shares: 5000, price: 5.00)], filed: "2026-04-06 18:00:00"))
        filings.append(.init(issuer: "GAMA", accession: "0000001003-26-000002", owners: [owner(4002, "Dose Dan", "CFO")],
                             rows: [.init(code: "P", date: "2026-04-06", shares: 5000, price: 5.10)], filed: "2026-04-07 18:00:00"))
        filings.append(.init(issuer: "GAMA", accession: "0000001003-26-000003", owners: [owner(4003, "Tablet Tina", "Dir")],
                             rows: [.init(code: "P", date: "2026-04-07", shares: 5000, price: 5.20)], filed: "2026-04-08 18:00:00"))
        filings.append(.init(issuer: "GAMA", accession: "0000001003-26-000004", owners: [owner(4004, "Seller Sam", "Dir")],
                             rows: [.init(code: "S", date: "2026-04-12", shares: 800, price: 5.50)], filed: "2026-04-13 18:00:00"))
        // DELT: two buyers only.
        filings.append(.init(issuer: "DELT", accession: "0000001004-26-000001", owners: [owner(5001, "Duo Dora", "CEO")],
                             rows: [.init(code: "P", date: "2026-04-05", shares: 9000, price: 8.00)], filed: "2026-04-06 18:00:00"))
        filings.append(.init(issuer: "DELT", accession: "0000001004-26-000002", owners: [owner(5002, "Duo Dave", "CFO")],
                             rows: [.init(code: "P", date: "2026-04-05", shares: 9000, price: 8.00)], filed: "2026-04-06 19:00:00"))
        return FakeWorld(issuers: issuers, filings: filings, cannedClusterTickers: ["ACME"])
    }
}

/// An OpenInsider server and an SEC server on 127.0.0.1 serving a world, plus a storage folder.
final class Harness: @unchecked Sendable {
    let world: FakeWorld
    let openInsider: TestHTTPServer
    let sec: TestHTTPServer
    let root: URL
    let oiRoutes: Routes
    let secRoutes: Routes

    /// `root` reuses a storage folder (a later run of the same storage against a changed world).
    init(world: FakeWorld = Worlds.standard, root: URL? = nil, customise: (Routes, Routes) -> Void = { _, _ in }) throws {
        self.world = world
        let oiRoutes = Routes()
        let secRoutes = Routes()
        customise(oiRoutes, secRoutes)
        let w = world
        let oiHandler = oiRoutes.handler
        let secHandler = secRoutes.handler
        self.oiRoutes = oiRoutes
        self.secRoutes = secRoutes
        openInsider = try TestHTTPServer { req in
            let scripted = oiHandler(req)
            return scripted.status == 404 ? Harness.validated(w.openInsiderResponse(req), req) : scripted
        }
        sec = try TestHTTPServer { req in
            let scripted = secHandler(req)
            return scripted.status == 404 ? w.secResponse(req) : scripted
        }
        self.root = root ?? Paths.tempDir("e2e")
    }

    deinit { openInsider.stop(); sec.stop() }

    /// A page with an `ETag` (a digest of its bytes), or `304 Not Modified` when the request
    /// names that tag in `If-None-Match`: the world's OpenInsider supports conditional GETs.
    static func validated(_ response: CannedResponse, _ req: RecordedRequest) -> CannedResponse {
        guard response.status == 200 else { return response }
        let tag = "\"" + FNV1a64.hex(response.body) + "\""
        if req.headers["if-none-match"] == tag { return CannedResponse(status: 304, headers: [("ETag", tag)], body: []) }
        var tagged = response
        tagged.headers.append(("ETag", tag))
        return tagged
    }

    var environment: [String: String] {
        ["OPENINSIDER_BASE_URL": openInsider.baseURL, "SEC_BASE_URL": sec.baseURL, "SEC_DATA_BASE_URL": sec.baseURL,
         "SEC_USER_AGENT": "insider-clusters tests tests@example.com", "OPENINSIDER_RPS": "40", "SEC_RPS": "10",
         "HTTP_BACKOFF_MS": "20", "HTTP_MAX_BACKOFF_MS": "200", "HTTP_MAX_RETRIES": "3", "SEC_BLOCK_PAUSE_SECONDS": "0.2",
         "HTTP_TIMEOUT_SECONDS": "5"]
    }

    func settings(input: String = #"{"limit": 10}"#, env extra: [String: String] = [:], purge: Bool = true) throws -> JobSettings {
        let env = environment.merging(extra) { _, b in b }.filter { !$0.value.isEmpty }
        guard case .success(let parsed) = RunInput.parse(Array(input.utf8), schema: try Paths.schema()) else {
            throw ConfigurationError("bad test input \(input)")
        }
        return JobSettings(input: parsed, asOf: Worlds.asOf, storage: LocalStorage(root: root), purge: purge, inputKey: "INPUT",
                           sources: try SourceConfig.fromEnvironment(env), retry: try RetryPolicy.fromEnvironment(env),
                           pricing: try Pricing.fromEnvironment(env), maxTotalChargeUSD: try Charger.budget(from: env),
                           alreadyCharged: try Charger.alreadyCharged(from: env))
    }

    func run(input: String = #"{"limit": 10}"#, env: [String: String] = [:]) async throws -> RunSummary {
        var logger = Logger(label: "test")
        logger.logLevel = .critical
        return try await ClusterJob(settings: try settings(input: input, env: env), logger: logger).run()
    }

    func rows() throws -> [JSONValue] { try LocalStorage(root: root).dataset().items() }
    func charges() throws -> [JSONValue] { try LocalStorage(root: root).dataset("charging-log").items() }
}

extension Worlds {
    /// A market that both paths (OpenInsider + EDGAR check, EDGAR alone) must read alike: amendments
    /// (a share-count fix on an original accepted after 20:00 New York time, a purchase amended
    /// twice, a 4/A that moves the trade date, a 4/A whose original is not at hand, a
    /// derivative-only 4/A), a joint filing, titles that test roles, both window edges, and filings
    /// OpenInsider shows by a date before the window that hold trades inside it.
    static var parity: FakeWorld {
        let issuers = [
            FakeWorld.Issuer(ticker: "AMND", name: "Amend Industries", cik: 1101, industry: "Electronic Computers", sic: 3571),
            FakeWorld.Issuer(ticker: "JNT", name: "Joint Holdings Inc", cik: 1102, industry: "Services-Prepackaged Software", sic: 7372),
            FakeWorld.Issuer(ticker: "EDGE", name: "Edge Case Corp", cik: 1103, industry: "Retail-Eating Places", sic: 5812),
            FakeWorld.Issuer(ticker: "SPAN", name: "Span Partners", cik: 1104, industry: "Oil Royalty Traders", sic: 6792),
        ]
        func p(_ date: String, _ shares: Double, _ price: Double) -> FakeWorld.Row { .init(code: "P", date: date, shares: shares, price: price) }
        func filing(_ ticker: String, _ n: Int, _ owners: [FakeWorld.Owner], _ rows: [FakeWorld.Row], _ filed: String,
                    amends: String? = nil) -> FakeWorld.Filing {
            let cik = issuers.first { $0.ticker == ticker }!.cik
            return .init(issuer: ticker, accession: String(format: "%010d-26-%06d", cik, n), owners: owners, rows: rows, filed: filed, amendmentOf: amends)
        }
        let alice = owner(2101, "Ames Alice", "CEO"), bob = owner(2102, "Baker Bob", "CFO"), cara = owner(2103, "Cole Cara", "Dir")
        let dan = owner(2104, "Dunn Dan", "Pres"), eve = owner(2105, "Eves Eve", "VP")
        var ben = owner(3104, "Both Ben", "Pres, CEO")
        ben.officerTitle = "President and Chief Executive Officer"
        let plain = FakeWorld.Owner(cik: 3105, name: "Plain Pat", title: "")   // no flag, no title: Other on both paths
        let filings: [FakeWorld.Filing] = [
            // Accepted 20:30 New York time: 00:30 UTC on 04-09, filing date 04-08; the 4/A fixes the share count.
            filing("AMND", 1, [alice], [p("2026-04-06", 1000, 10)], "2026-04-08 20:30:00"),
            filing("AMND", 5, [alice], [p("2026-04-06", 1200, 10)], "2026-04-15 10:00:00", amends: "2026-04-08"),
            // Amended twice: the second amendment stands.
            filing("AMND", 2, [bob], [p("2026-04-09", 500, 11)], "2026-04-10 16:00:00"),
            filing("AMND", 6, [bob], [p("2026-04-09", 600, 11)], "2026-04-14 09:00:00", amends: "2026-04-10"),
            filing("AMND", 8, [bob], [p("2026-04-09", 700, 11)], "2026-04-20 09:00:00", amends: "2026-04-10"),
            // The 4/A moves the trade date from 04-10 to 04-12.
            filing("AMND", 3, [cara], [p("2026-04-10", 400, 12)], "2026-04-11 12:00:00"),
            filing("AMND", 7, [cara], [p("2026-04-12", 400, 12)], "2026-04-13 12:00:00", amends: "2026-04-11"),
            // The original (04-02) is not at hand: the 4/A stands on its own.
            filing("AMND", 9, [dan], [p("2026-04-16", 300, 12.5)], "2026-04-17 11:00:00", amends: "2026-04-02"),
            // A derivative-only 4/A leaves the original's purchase in force.
            filing("AMND", 4, [eve], [p("2026-04-16", 800, 10)], "2026-04-17 15:00:00"),
            filing("AMND", 10, [eve], [.init(code: "A", date: "2026-04-16", shares: 5000, price: nil, derivative: true)],
                   "2026-04-22 15:00:00", amends: "2026-04-17"),
            // A joint filing (one purchase, two owners), an officer titled "See Remarks", a title read
            // token by token, an owner with no role at all, and a sale.
            filing("JNT", 1, [owner(3101, "Jolly Fund LP", "10%"), owner(3102, "Jolly Jim", "Dir")], [p("2026-04-08", 2000, 20)], "2026-04-09 18:00:00"),
            filing("JNT", 2, [owner(3103, "Remark Rita", "See Remarks")], [p("2026-04-09", 100, 21)], "2026-04-10 10:00:00"),
            filing("JNT", 3, [ben], [p("2026-04-10", 300, 21.5)], "2026-04-13 17:45:00"),
            filing("JNT", 4, [plain], [p("2026-04-11", 50, 22)], "2026-04-13 18:10:00"),
            filing("JNT", 5, [owner(3107, "Sell Sam", "Dir")], [.init(code: "S", date: "2026-04-12", shares: 50, price: 22.5)], "2026-04-13 19:00:00"),
            // Window edges (as-of 04-30, 30 days: 03-31 ... 04-30).
            filing("EDGE", 1, [owner(4101, "Early Ed", "CFO")], [p("2026-03-31", 1000, 5)], "2026-04-01 09:00:00"),
            filing("EDGE", 2, [owner(4107, "Multi Mia", "CEO")], [p("2026-04-02", 100, 5.5), p("2026-04-03", 200, 5.8)], "2026-04-04 10:00:00"),
            filing("EDGE", 3, [owner(4102, "Late Liz", "Dir")], [p("2026-04-30", 1000, 6)], "2026-04-30 19:00:00"),
            filing("EDGE", 4, [owner(4103, "Night Nick", "Dir")], [p("2026-04-30", 500, 6.5)], "2026-04-30 21:30:00"),
            filing("EDGE", 5, [owner(4104, "Outside Olga", "CEO")], [p("2026-03-30", 2000, 4)], "2026-03-31 08:00:00"),
            filing("EDGE", 6, [owner(4105, "Seller Sid", "VP")], [.init(code: "S", date: "2026-03-30", shares: 100, price: 5)], "2026-03-31 08:30:00"),
            filing("EDGE", 7, [owner(4106, "After Al", "Dir")], [p("2026-04-30", 900, 6)], "2026-05-01 07:00:00"),
            // Every buy by its own date: OpenInsider shows this filing on 03-30 (X flag M), and it holds a buy of 04-02.
            filing("EDGE", 8, [owner(4108, "Span Sara", "COO")], [p("2026-03-30", 100, 5), p("2026-04-02", 100, 5.2)], "2026-04-03 09:00:00"),
            // A sale of 04-06 in a filing OpenInsider shows on 03-30: SPAN is not all-buy.
            filing("SPAN", 1, [owner(5101, "Span Buyer One", "CEO")], [p("2026-04-06", 100, 9)], "2026-04-07 09:00:00"),
            filing("SPAN", 2, [owner(5102, "Span Buyer Two", "CFO")], [p("2026-04-07", 100, 9)], "2026-04-08 09:00:00"),
            filing("SPAN", 3, [owner(5103, "Span Seller", "Dir")],
                   [.init(code: "S", date: "2026-03-30", shares: 10, price: 9), .init(code: "S", date: "2026-04-06", shares: 10, price: 9)],
                   "2026-04-07 10:00:00"),
        ]
        return FakeWorld(issuers: issuers, filings: filings, cannedClusterTickers: ["AMND"])
    }
}
