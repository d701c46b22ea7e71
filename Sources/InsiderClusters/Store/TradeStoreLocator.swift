import Foundation
import PostgresTradeStore
import SQLiteTradeStore
import TradeStore

/// Opens the trade store every command shares: a PostgreSQL server when `TRADE_STORE_URL` (or
/// `--store-url`) names one, else the embedded SQLite file under the storage root
/// (`<root>/trade-store/trades.sqlite`).
public enum TradeStoreLocator {
    /// The variable that selects a server store: `postgres://user:password@host:5432/db[?sslmode=require][&schema=name]`.
    public static let urlVariable = "TRADE_STORE_URL"
    /// The variable that sizes the server store's connection pool (default 8).
    public static let poolSizeVariable = "TRADE_STORE_POOL_SIZE"

    /// The store for `storageRoot`, or the server `TRADE_STORE_URL` names.
    public static func open(storageRoot: URL, environment: RunEnvironment = RunEnvironment()) throws -> any TradeStore {
        if let url = environment.first(urlVariable) {
            return try open(location: url, environment: environment)
        }
        return try open(location: SQLiteTradeStore.defaultPath(storageRoot: storageRoot).path, environment: environment)
    }

    /// The store at `location`: a `postgres://` URL, else a SQLite file path.
    public static func open(location: String, environment: RunEnvironment = RunEnvironment()) throws -> any TradeStore {
        guard PostgresStoreURL.isPostgres(location) else {
            do { return try SQLiteTradeStore(path: location) } catch {
                throw ConfigurationError("trade store \(location) cannot be opened: \(error)")
            }
        }
        let url: PostgresStoreURL
        do { url = try PostgresStoreURL(location) } catch { throw ConfigurationError("\(error)") }
        return PostgresTradeStore(url: url, poolSize: try poolSize(environment))
    }

    /// Whether `location` names a server rather than a file.
    public static func isServer(_ location: String) -> Bool { PostgresStoreURL.isPostgres(location) }

    /// A printable name of `location`: a server URL without its password, a path as it is.
    public static func redacted(_ location: String) -> String { PostgresStoreURL.redact(location) }

    private static func poolSize(_ environment: RunEnvironment) throws -> Int {
        guard let text = environment.first(poolSizeVariable) else { return PostgresTradeStore.defaultPoolSize }
        guard let n = Int(text), (1...1000).contains(n) else {
            throw ConfigurationError("\(poolSizeVariable)=\(text) is not a whole number from 1 to 1000")
        }
        return n
    }
}
