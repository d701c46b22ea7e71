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

    init(world: FakeWorld = Worlds.standard, customise: (Routes, Routes) -> Void = { _, _ in }) throws {
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
            return scripted.status == 404 ? w.openInsiderResponse(req) : scripted
        }
        sec = try TestHTTPServer { req in
            let scripted = secHandler(req)
            return scripted.status == 404 ? w.secResponse(req) : scripted
        }
        root = Paths.tempDir("e2e")
    }

    deinit { openInsider.stop(); sec.stop() }

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
                           alreadyCharged: [:])
    }

    func run(input: String = #"{"limit": 10}"#, env: [String: String] = [:]) async throws -> RunSummary {
        var logger = Logger(label: "test")
        logger.logLevel = .critical
        return try await ClusterJob(settings: try settings(input: input, env: env), logger: logger).run()
    }

    func rows() throws -> [JSONValue] { try LocalStorage(root: root).dataset().items() }
    func charges() throws -> [JSONValue] { try LocalStorage(root: root).dataset("charging-log").items() }
}
