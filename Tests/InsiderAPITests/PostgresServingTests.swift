import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import InsiderAPI
import InsiderCore
import Logging
import PostgresNIO
@testable import PostgresTradeStore
import Testing
import TradeStore

/// The server named by `TRADE_STORE_TEST_POSTGRES_URL`, nil when unset.
enum PostgresTestServer {
    static let url: String? = ProcessInfo.processInfo.environment["TRADE_STORE_TEST_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 }
}

/// The API over PostgreSQL, as a deployment with several servers on one database runs it:
/// the servers agree with each other and with the embedded store, share keys, and a database that
/// goes away mid-request gives `503` with a JSON error, then the same answers once it is back.
@Suite("The API on PostgreSQL", .serialized, .timeLimit(.minutes(2)),
       .enabled(if: PostgresTestServer.url != nil, "set TRADE_STORE_TEST_POSTGRES_URL (.ci/run starts a server)"))
struct PostgresServingTests {
    /// The test server with a schema of its own, so runs never see each other's rows.
    static func freshURL() throws -> PostgresStoreURL {
        var url = try PostgresStoreURL(try #require(PostgresTestServer.url))
        url.schema = "api_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        return url
    }

    static let paths = [
        "/api/v1/insider/cluster-buys?lookbackDays=30",
        "/api/v1/insider/cluster-buys?lookbackDays=90",
        "/api/v1/insider/activity?lookbackDays=30",
        "/api/v1/insider/activity?lookbackDays=47&limit=3",
        "/api/v1/insider/trades/ACME?lookbackDays=30",
        "/api/v1/insider/trades/acme?lookbackDays=90",
        "/api/v1/insider/trades/NOPE",
    ]

    func server(_ store: any TradeStore, timeout: Duration = .seconds(10)) -> some ApplicationProtocol {
        APIServer(store: store, settings: APISettings(rateLimits: nil, requestTimeout: timeout, versionCheckInterval: .zero),
                  clock: .fixed(Fixture.asOf), logger: LiveAPI.quietLogger)
            .application(host: "127.0.0.1", port: 0)
    }

    /// Status and body of every path, with `key` and without (the preview).
    func answers(_ client: some TestClientProtocol, key: String) async throws -> [String] {
        var out: [String] = []
        for path in Self.paths {
            for k in [key, nil] {
                let r = try await client.get(path, key: k)
                out.append("\(path) \(k == nil ? "preview" : "pro") \(r.status.code) \(r.text)")
            }
        }
        return out
    }

    @Test("two servers on one database answer the same bodies as each other and as SQLite; a key made or revoked through one counts at the other")
    func twoServersOneDatabase() async throws {
        let url = try Self.freshURL()
        let first = PostgresTradeStore(url: url, poolSize: 2), second = PostgresTradeStore(url: url, poolSize: 2)
        try await first.load(Fixture.filings, marking: nil)
        let embedded = try await LiveAPI.make()
        let (key, record) = APIKeyIssuer.issue(tier: .pro, name: "shared")
        try await first.createAPIKey(record)
        try await embedded.store.createAPIKey(record)

        let expected = try await server(embedded.store).test(.live) { try await answers($0, key: key) }
        try await server(first).test(.live) { a in
            try await server(second).test(.live) { b in
                let fromA = try await answers(a, key: key), fromB = try await answers(b, key: key)
                #expect(fromA == fromB)
                #expect(fromA == expected)
                #expect(fromA.contains { $0.hasPrefix("/api/v1/insider/cluster-buys?lookbackDays=30 pro 200 [") })

                let health = [try await a.get("/healthz"), try await b.get("/healthz")]
                #expect(health.map(\.status) == [.ok, .ok])
                #expect(health[0].text == health[1].text)

                // A key created through the second store is accepted by the first server, and revoked likewise.
                let (late, lateRecord) = APIKeyIssuer.issue(tier: .pro, name: "late")
                #expect(try await a.get("/api/v1/insider/cluster-buys", key: late).status == .unauthorized)
                try await second.createAPIKey(lateRecord)
                #expect(try await a.get("/api/v1/insider/cluster-buys", key: late).status == .ok)
                #expect(try await second.revokeAPIKey(id: lateRecord.id, at: Date()))
                let revoked = try await a.get("/api/v1/insider/cluster-buys", key: late)
                #expect(revoked.status == .unauthorized)
                #expect(revoked.json["error"]?.stringValue == "unauthorized")
            }
        }
    }

    @Test("the database going away mid-request gives 503 with a JSON error; the server answers again once it is back")
    func databaseGoesAwayAndReturns() async throws {
        let url = try Self.freshURL()
        let direct = PostgresTradeStore(url: url, poolSize: 1)
        try await direct.load(Fixture.filings, marking: nil)
        let relay = try TCPRelay(to: url.host, port: url.port)
        defer { relay.stop() }
        var relayed = url
        relayed.host = "127.0.0.1"
        relayed.port = relay.port
        let store = PostgresTradeStore(url: relayed, poolSize: 2, logger: LiveAPI.quietLogger)
        let path = "/api/v1/insider/cluster-buys?lookbackDays=30"

        try await server(store, timeout: .seconds(4)).test(.live) { client in
            let before = try await client.get(path)
            #expect(before.status == .ok)

            // Mid-request: the server's read waits on a lock held here, then its connection drops.
            let client = client
            try await withAdminConnection(url) { admin in
                try await admin.query("BEGIN", logger: LiveAPI.quietLogger)
                try await admin.query("LOCK TABLE store_meta IN ACCESS EXCLUSIVE MODE", logger: LiveAPI.quietLogger)
                let inFlight = Task { try await client.get(path) }
                try await waitForABackendBlocked(by: admin)
                relay.cut()
                let failed = try await inFlight.value
                try await admin.query("ROLLBACK", logger: LiveAPI.quietLogger)
                #expect(failed.status == .serviceUnavailable)
                #expect(failed.headers[.contentType]?.hasPrefix("application/json") == true)
                // Which comes first on a loaded machine, the dropped connection or the time limit, varies.
                #expect(["store_unavailable", "timeout"].contains(failed.json["error"]?.stringValue ?? ""), "\(failed.text)")
            }

            // Down: every request answers 503 quickly with a JSON error, the health check too.
            let down = try await client.get(path)
            #expect(down.status == .serviceUnavailable)
            #expect(["store_unavailable", "timeout"].contains(down.json["error"]?.stringValue ?? ""), "\(down.text)")
            #expect(try await client.get("/healthz").status == .serviceUnavailable)

            // Back: the pool reconnects by itself and the answer is the one from before.
            relay.restore()
            var after = try await client.get(path)
            for _ in 0..<60 where after.status != .ok {
                try await Task.sleep(for: .milliseconds(500))
                after = try await client.get(path)
            }
            #expect(after.status == .ok)
            #expect(after.text == before.text)
            #expect(try await client.get("/healthz").status == .ok)
        }
    }

    /// Runs `body` on a connection of its own, straight to the server (not through the relay).
    func withAdminConnection<T: Sendable>(_ url: PostgresStoreURL, _ body: (PostgresConnection) async throws -> T) async throws -> T {
        let client = PostgresClient(configuration: url.clientConfiguration(poolSize: 1), backgroundLogger: LiveAPI.quietLogger)
        let runner = Task { await client.run() }
        defer { runner.cancel() }
        return try await client.withConnection { try await body($0) }
    }

    /// Polls until some backend waits on a lock `admin` holds (the server's read got there).
    func waitForABackendBlocked(by admin: PostgresConnection) async throws {
        for _ in 0..<400 {
            try await admin.query("SELECT pg_stat_clear_snapshot()", logger: LiveAPI.quietLogger)
            let rows = try await admin.query("SELECT pid FROM pg_stat_activity WHERE pg_backend_pid() = ANY(pg_blocking_pids(pid))",
                                             logger: LiveAPI.quietLogger).collect()
            if !rows.isEmpty { return }
            try await Task.sleep(for: .milliseconds(50))
        }
        Issue.record("the server's read never waited on the test's lock")
    }
}
