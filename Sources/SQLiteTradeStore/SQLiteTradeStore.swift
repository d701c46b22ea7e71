import Foundation
import GRDB
import InsiderCore
import TradeStore

/// The embedded trade store: one SQLite file through GRDB, WAL mode (a `DatabasePool`: readers
/// never block the writer), schema in versioned migrations.
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
        config.busyMode = .timeout(30)
        self.path = path
        self.pool = try DatabasePool(path: path, configuration: config)
        try TradeStoreSchema.migrator.migrate(pool)
    }

    public func load(_ filings: [StoredFiling], marking marker: LoadMarker?) async throws -> LoadOutcome {
        throw SQLiteTradeStoreError("not implemented yet")
    }
    public func storedAccessions(among accessions: [String]) async throws -> Set<String> { throw SQLiteTradeStoreError("not implemented yet") }
    public func loadedQuarters() async throws -> [LoadedQuarter] { throw SQLiteTradeStoreError("not implemented yet") }
    public func loadedDays() async throws -> [LoadedDay] { throw SQLiteTradeStoreError("not implemented yet") }
    public func activity(in window: LookbackWindow, limit: Int) async throws -> InsiderActivity { throw SQLiteTradeStoreError("not implemented yet") }
    public func trades(ticker: String, in window: LookbackWindow) async throws -> [TickerTrade]? { throw SQLiteTradeStoreError("not implemented yet") }
    public func clusterBuys(in window: LookbackWindow, minInsiders: Int) async throws -> [ClusterBuy] { throw SQLiteTradeStoreError("not implemented yet") }
    public func transactionsInForce(in window: LookbackWindow, tickers: Set<String>?) async throws -> [StoredTradeRow] { throw SQLiteTradeStoreError("not implemented yet") }
    public func createAPIKey(_ key: APIKeyRecord) async throws { throw SQLiteTradeStoreError("not implemented yet") }
    public func apiKey(hash: String) async throws -> APIKeyRecord? { throw SQLiteTradeStoreError("not implemented yet") }
    public func apiKeys() async throws -> [APIKeyRecord] { throw SQLiteTradeStoreError("not implemented yet") }
    public func revokeAPIKey(id: String, at: Date) async throws -> Bool { throw SQLiteTradeStoreError("not implemented yet") }
    public func touchAPIKey(id: String, at: Date) async throws { throw SQLiteTradeStoreError("not implemented yet") }
    public func dataVersion() async throws -> Int64 { throw SQLiteTradeStoreError("not implemented yet") }
    public func status() async throws -> StoreStatus { throw SQLiteTradeStoreError("not implemented yet") }
}

/// A store failure with its reason.
public struct SQLiteTradeStoreError: Error, CustomStringConvertible, Sendable {
    /// What went wrong.
    public var description: String
    init(_ description: String) { self.description = description }
}
