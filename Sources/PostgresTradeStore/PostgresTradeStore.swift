import Foundation
import InsiderCore
import Logging
import PostgresNIO
import TradeStore

/// The trade store on a PostgreSQL server, for deployments where several processes or hosts share
/// one store: the SQLite store's schema, loads and queries, answer for answer.
///
/// - Writes (`load`, keys) run in one transaction each; loads also take a transaction-level
///   advisory lock, so concurrent loaders take turns as SQLite's single writer does and the
///   "already stored?" check of a load sees every committed filing.
/// - Reads run in a `REPEATABLE READ READ ONLY` transaction: a multi-statement answer sees one
///   snapshot, and MVCC means it never waits for a load.
/// - Migrations run once per process, before the first operation, under a session advisory lock.
public final class PostgresTradeStore: TradeStore {
    /// Where the store lives, without its password.
    public let url: PostgresStoreURL
    private let client: PostgresClient
    private let runner: Task<Void, Never>
    private let schema: MigrationGate
    private let logger: Logger

    /// The default connection pool size (`TRADE_STORE_POOL_SIZE`).
    public static let defaultPoolSize = 8

    /// Connects to `url` with at most `poolSize` connections and migrates the schema before the
    /// first operation; a server that cannot be reached makes that operation throw (and the next one try again).
    public init(url: PostgresStoreURL, poolSize: Int = PostgresTradeStore.defaultPoolSize, logger: Logger = Logger(label: "trade-store.postgres")) {
        let client = PostgresClient(configuration: url.clientConfiguration(poolSize: poolSize), backgroundLogger: logger)
        self.url = url
        self.client = client
        self.logger = logger
        self.runner = Task { await client.run() }
        self.schema = MigrationGate {
            let connection = try await PostgresConnection.connect(configuration: try url.connectionConfiguration(), id: 0, logger: logger)
            do {
                try await PostgresSchema.migrate(PostgresSession(connection: connection, logger: logger), schema: url.schema)
                try await connection.close()
            } catch {
                try? await connection.close()
                throw error
            }
        }
    }

    /// Parses `urlText` (`postgres://user:password@host:port/db?sslmode=require&schema=name`) and connects.
    public convenience init(urlText: String, poolSize: Int = PostgresTradeStore.defaultPoolSize) throws {
        self.init(url: try PostgresStoreURL(urlText), poolSize: poolSize)
    }

    deinit {
        runner.cancel()
    }

    // MARK: Transactions

    /// Runs `body` in a read-only snapshot.
    func read<T: Sendable>(_ body: (PostgresSession) async throws -> T) async throws -> T {
        try await transaction("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", lock: false, body)
    }

    /// Runs `body` in a read-write transaction; `exclusive` adds the store's advisory lock (loads).
    func write<T: Sendable>(exclusive: Bool = false, _ body: (PostgresSession) async throws -> T) async throws -> T {
        try await transaction("BEGIN", lock: exclusive, body)
    }

    /// - A connection the server closed (a terminated backend, a restart) fails the operation at
    ///   once: no `ROLLBACK` is sent on it (postgres-nio can wait forever for its answer, and the
    ///   server has already rolled the transaction back), and it is closed so the pool drops it.
    /// - An operation whose `BEGIN` meets a pooled connection the server had closed (the pool had
    ///   not noticed yet) has done nothing, and runs once more on another connection. A server that
    ///   cannot be reached is not retried here: the pool has already tried for a while.
    private func transaction<T: Sendable>(_ begin: String, lock: Bool, _ body: (PostgresSession) async throws -> T) async throws -> T {
        do {
            try await schema.ensure()
            for attempt in 1...2 {
                var begun = false
                do {
                    return try await client.withConnection { connection in
                        let session = PostgresSession(connection: connection, logger: logger)
                        try await session.execute(begin)
                        begun = true
                        do {
                            if lock { try await session.execute("SELECT pg_advisory_xact_lock($1)", [.int(PostgresSchema.lockKey(url.schema))]) }
                            let value = try await body(session)
                            try await session.execute("COMMIT")
                            return value
                        } catch {
                            if Self.connectionLost(error) {
                                try? await connection.close()
                            } else {
                                try? await session.execute("ROLLBACK")
                            }
                            throw error
                        }
                    }
                } catch where !begun && attempt == 1 && (error as? PSQLError)?.code == .serverClosedConnection {
                    logger.debug("trade store \(url.redacted): a pooled connection was closed by the server; trying another")
                }
            }
            throw PostgresTradeStoreError("trade store \(url.redacted): every connection tried was closed by the server")
        } catch {
            throw PostgresTradeStoreError.explaining(error, at: url.redacted)
        }
    }

    /// Whether `error` means the connection is gone: closed by either side, or ended by a FATAL error.
    static func connectionLost(_ error: any Error) -> Bool {
        guard let e = error as? PSQLError else { return false }
        if let severity = e.serverInfo?[.severity], severity == "FATAL" || severity == "PANIC" { return true }
        return [.serverClosedConnection, .clientClosedConnection, .uncleanShutdown, .connectionError].contains(e.code)
    }

    // MARK: TradeStore

    @discardableResult
    public func load(_ filings: [StoredFiling], marking marker: LoadMarker?) async throws -> LoadOutcome {
        try await write(exclusive: true) { s in try await PostgresFilingLoader(session: s).load(filings, marking: marker) }
    }

    public func storedAccessions(among accessions: [String]) async throws -> Set<String> {
        try await read { s in try await PostgresFilingLoader.stored(accessions, in: s) }
    }

    public func loadedQuarters() async throws -> [LoadedQuarter] {
        try await read { s in try await Self.quarters(s) }
    }

    public func loadedDays() async throws -> [LoadedDay] {
        try await read { s in try await Self.days(s) }
    }

    public func activity(in window: LookbackWindow, limit: Int) async throws -> InsiderActivity {
        try await read { s in
            let q = PostgresStoreQueries(session: s)
            return InsiderActivity(buys: try await q.activitySide(code: "P", window: window, limit: limit),
                                   sells: try await q.activitySide(code: "S", window: window, limit: limit))
        }
    }

    public func trades(ticker: String, in window: LookbackWindow) async throws -> [TickerTrade]? {
        try await read { s in try await PostgresStoreQueries(session: s).trades(ticker: ticker, window: window) }
    }

    public func clusterBuys(in window: LookbackWindow, minInsiders: Int) async throws -> [ClusterBuy] {
        try await read { s in try await PostgresStoreQueries(session: s).clusterBuys(window: window, minInsiders: minInsiders) }
    }

    public func transactionsInForce(in window: LookbackWindow, tickers: Set<String>?) async throws -> [StoredTradeRow] {
        try await read { s in try await PostgresStoreQueries(session: s).transactionsInForce(window: window, tickers: tickers) }
    }

    public func createAPIKey(_ key: APIKeyRecord) async throws {
        try await write { s in
            try await s.execute("""
                INSERT INTO api_keys (id, name, tier, key_hash, created_at, last_used_at, revoked_at) VALUES ($1, $2, $3, $4, $5, $6, $7)
                """, [.text(key.id), .text(key.name), .text(key.tier.rawValue), .text(key.hash), .text(key.createdAt),
                      .text(key.lastUsedAt), .text(key.revokedAt)])
        }
    }

    public func apiKey(hash: String) async throws -> APIKeyRecord? {
        try await read { s in
            try await s.rows("SELECT \(Self.keyColumns) FROM api_keys WHERE key_hash = $1", [.text(hash)]).first.map(Self.key)
        }
    }

    public func apiKeys() async throws -> [APIKeyRecord] {
        try await read { s in try await s.rows("SELECT \(Self.keyColumns) FROM api_keys ORDER BY created_at, id").map(Self.key) }
    }

    public func revokeAPIKey(id: String, at: Date) async throws -> Bool {
        try await write { s in
            !(try await s.rows("UPDATE api_keys SET revoked_at = COALESCE(revoked_at, $1) WHERE id = $2 RETURNING id",
                               [.text(isoUTCSeconds(at)), .text(id)])).isEmpty
        }
    }

    public func touchAPIKey(id: String, at: Date) async throws {
        try await write { s in
            try await s.execute("UPDATE api_keys SET last_used_at = $1 WHERE id = $2", [.text(isoUTCSeconds(at)), .text(id)])
        }
    }

    public func dataVersion() async throws -> Int64 {
        try await read { s in try await Self.version(s) }
    }

    public func status() async throws -> StoreStatus {
        try await read { s in
            func count(_ sql: String) async throws -> Int { try await s.rows(sql).first?.int(0) ?? 0 }
            return StoreStatus(
                location: url.redacted, quarters: try await Self.quarters(s), days: try await Self.days(s),
                filings: try await count("SELECT COUNT(*) FROM filings"),
                transactions: try await count("SELECT COUNT(*) FROM transactions"),
                supersededTransactions: try await count("SELECT COUNT(*) FROM transactions WHERE superseded_by IS NOT NULL"),
                newestFilingDate: try await s.rows("SELECT MAX(filing_date) FROM filings").first?.optionalText(0).flatMap { Day($0) },
                sizeBytes: nil, dataVersion: try await Self.version(s))
        }
    }

    /// The migrations recorded as applied, by identifier (`v1`, ...), oldest first.
    public func appliedMigrations() async throws -> [String] {
        try await read { s in try await s.texts("SELECT identifier FROM schema_migrations ORDER BY identifier") }
    }

    // MARK: Rows

    static let keyColumns = "id, name, tier, key_hash, created_at, last_used_at, revoked_at"

    static func key(_ row: PostgresRandomAccessRow) throws -> APIKeyRecord {
        APIKeyRecord(id: try row.text(0), name: try row.optionalText(1), tier: APITier(rawValue: try row.text(2)) ?? .free,
                     hash: try row.text(3), createdAt: try row.text(4), lastUsedAt: try row.optionalText(5),
                     revokedAt: try row.optionalText(6))
    }

    static func quarters(_ s: PostgresSession) async throws -> [LoadedQuarter] {
        try await s.rows("SELECT quarter, filings, zip_digest, loaded_at FROM loaded_quarters ORDER BY quarter").map {
            LoadedQuarter(quarter: try $0.text(0), filings: try $0.int(1), zipDigest: try $0.text(2), loadedAt: try $0.text(3))
        }
    }

    static func days(_ s: PostgresSession) async throws -> [LoadedDay] {
        try await s.rows("SELECT day, filings, loaded_at FROM loaded_days ORDER BY day").compactMap { row in
            guard let day = Day(try row.text(0)) else { return nil }
            return LoadedDay(day: day, filings: try row.int(1), loadedAt: try row.text(2))
        }
    }

    static func version(_ s: PostgresSession) async throws -> Int64 {
        try await s.rows("SELECT value FROM store_meta WHERE name = 'data_version'").first?.int64(0) ?? 0
    }
}

/// ISO 8601 in UTC, seconds precision (as the SQLite store writes key times).
func isoUTCSeconds(_ date: Date) -> String {
    let f = ISO8601DateFormatter()
    f.formatOptions = [.withInternetDateTime]
    f.timeZone = TimeZone(identifier: "UTC")
    return f.string(from: date)
}
