import Foundation
import GRDB
import InsiderCore
import TradeStore

/// The embedded trade store: one SQLite file through GRDB, WAL mode (a `DatabasePool`: readers
/// never block the writer), schema in versioned migrations (`TradeStoreSchema`).
public final class SQLiteTradeStore: TradeStore {
    /// The database file.
    public let path: String
    let pool: DatabasePool

    /// Where the store lives under a storage root: `<root>/trade-store/trades.sqlite`, beside the
    /// Apify folders and untouched by their purge.
    public static func defaultPath(storageRoot: URL) -> URL {
        storageRoot.appendingPathComponent("trade-store").appendingPathComponent("trades.sqlite")
    }

    /// Opens (creating when needed) the store at `path` and applies pending migrations.
    public init(path: String) throws {
        try FileManager.default.createDirectory(at: URL(fileURLWithPath: path).deletingLastPathComponent(), withIntermediateDirectories: true)
        var config = Configuration()
        // Ingestion and a server may share the file: wait for the other writer instead of failing.
        config.busyMode = .timeout(60)
        config.prepareDatabase { db in
            // WAL commits need no fsync of the main file; a crash still keeps every committed load.
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            // A quarter's load touches every index at random places; a large page cache keeps them in memory.
            try db.execute(sql: "PRAGMA cache_size = -131072")
        }
        self.path = path
        self.pool = try DatabasePool(path: path, configuration: config)
        try TradeStoreSchema.migrator.migrate(pool)
    }

    public func load(_ filings: [StoredFiling], marking marker: LoadMarker?) async throws -> LoadOutcome {
        try await pool.write { db in try FilingLoader(db: db).load(filings, marking: marker) }
    }

    public func storedAccessions(among accessions: [String]) async throws -> Set<String> {
        try await pool.read { db in try FilingLoader.stored(accessions, db: db) }
    }

    public func loadedQuarters() async throws -> [LoadedQuarter] {
        try await pool.read { db in
            try Row.fetchAll(db, sql: "SELECT quarter, filings, zip_digest, loaded_at FROM loaded_quarters ORDER BY quarter").map {
                LoadedQuarter(quarter: $0[0], filings: $0[1], zipDigest: $0[2], loadedAt: $0[3])
            }
        }
    }

    public func loadedDays() async throws -> [LoadedDay] {
        try await pool.read { db in
            try Row.fetchAll(db, sql: "SELECT day, filings, loaded_at FROM loaded_days ORDER BY day").compactMap { row in
                Day(row[0] as String).map { LoadedDay(day: $0, filings: row[1], loadedAt: row[2]) }
            }
        }
    }

    /// Buys and sells are summed at once on two readers (the pool allows several), each in its own
    /// snapshot; when a load committed between the two snapshots, both sides are read again from one.
    public func activity(in window: LookbackWindow, limit: Int) async throws -> InsiderActivity {
        let pool = pool
        @Sendable func side(_ code: String, _ db: Database) throws -> [ActivityEntry] {
            try StoreQueries(db: db).activitySide(code: code, window: window, limit: limit)
        }
        async let buys = pool.read { db in (try Self.dataVersion(db), try side("P", db)) }
        async let sells = pool.read { db in (try Self.dataVersion(db), try side("S", db)) }
        let (b, s) = try await (buys, sells)
        if b.0 == s.0 { return InsiderActivity(buys: b.1, sells: s.1) }
        return try await pool.read { db in InsiderActivity(buys: try side("P", db), sells: try side("S", db)) }
    }

    static func dataVersion(_ db: Database) throws -> Int64 {
        try Int64.fetchOne(db, sql: "SELECT value FROM store_meta WHERE name = 'data_version'") ?? 0
    }

    public func trades(ticker: String, in window: LookbackWindow) async throws -> [TickerTrade]? {
        try await pool.read { db in try StoreQueries(db: db).trades(ticker: ticker, window: window) }
    }

    public func clusterBuys(in window: LookbackWindow, minInsiders: Int) async throws -> [ClusterBuy] {
        try await pool.read { db in try StoreQueries(db: db).clusterBuys(window: window, minInsiders: minInsiders) }
    }

    public func transactionsInForce(in window: LookbackWindow, tickers: Set<String>?) async throws -> [StoredTradeRow] {
        try await pool.read { db in try StoreQueries(db: db).transactionsInForce(window: window, tickers: tickers) }
    }

    public func createAPIKey(_ key: APIKeyRecord) async throws {
        try await pool.write { db in
            try db.execute(sql: """
                INSERT INTO api_keys (id, name, tier, key_hash, created_at, last_used_at, revoked_at) VALUES (?, ?, ?, ?, ?, ?, ?)
                """, arguments: [key.id, key.name, key.tier.rawValue, key.hash, key.createdAt, key.lastUsedAt, key.revokedAt])
        }
    }

    public func apiKey(hash: String) async throws -> APIKeyRecord? {
        try await pool.read { db in
            try Row.fetchOne(db, sql: "SELECT \(Self.keyColumns) FROM api_keys WHERE key_hash = ?", arguments: [hash]).map(Self.key)
        }
    }

    public func apiKeys() async throws -> [APIKeyRecord] {
        try await pool.read { db in
            try Row.fetchAll(db, sql: "SELECT \(Self.keyColumns) FROM api_keys ORDER BY created_at, id").map(Self.key)
        }
    }

    public func revokeAPIKey(id: String, at: Date) async throws -> Bool {
        try await pool.write { db in
            try db.execute(sql: "UPDATE api_keys SET revoked_at = COALESCE(revoked_at, ?) WHERE id = ?", arguments: [isoUTC(at), id])
            return db.changesCount > 0
        }
    }

    public func touchAPIKey(id: String, at: Date) async throws {
        try await pool.write { db in
            try db.execute(sql: "UPDATE api_keys SET last_used_at = ? WHERE id = ?", arguments: [isoUTC(at), id])
        }
    }

    public func dataVersion() async throws -> Int64 {
        try await pool.read { db in try Self.dataVersion(db) }
    }

    public func status() async throws -> StoreStatus {
        let quarters = try await loadedQuarters()
        let days = try await loadedDays()
        let size = ((try? FileManager.default.attributesOfItem(atPath: path)[.size]) as? NSNumber)?.int64Value
        let wal = ((try? FileManager.default.attributesOfItem(atPath: path + "-wal")[.size]) as? NSNumber)?.int64Value ?? 0
        return try await pool.read { db in
            StoreStatus(
                location: path, quarters: quarters, days: days,
                filings: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM filings") ?? 0,
                transactions: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM transactions") ?? 0,
                supersededTransactions: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM transactions WHERE superseded_by IS NOT NULL") ?? 0,
                newestFilingDate: try String.fetchOne(db, sql: "SELECT MAX(filing_date) FROM filings").flatMap { Day($0) },
                sizeBytes: size.map { $0 + wal },
                dataVersion: try Self.dataVersion(db))
        }
    }

    static let keyColumns = "id, name, tier, key_hash, created_at, last_used_at, revoked_at"

    static func key(_ row: Row) -> APIKeyRecord {
        APIKeyRecord(id: row[0], name: row[1], tier: APITier(rawValue: row[2]) ?? .free, hash: row[3],
                     createdAt: row[4], lastUsedAt: row[5], revokedAt: row[6])
    }
}

/// ISO 8601 in UTC, seconds precision.
func isoUTC(_ date: Date) -> String {
    let f = ISO8601DateFormatter()
    f.formatOptions = [.withInternetDateTime]
    f.timeZone = TimeZone(identifier: "UTC")
    return f.string(from: date)
}

/// A store failure with its reason.
public struct SQLiteTradeStoreError: Error, CustomStringConvertible, Sendable {
    /// What went wrong.
    public var description: String
    init(_ description: String) { self.description = description }
}
