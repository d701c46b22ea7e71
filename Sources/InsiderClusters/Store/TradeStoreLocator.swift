import Foundation
import SQLiteTradeStore
import TradeStore

/// Opens the trade store every command shares: the embedded SQLite file under the storage root
/// (`<root>/trade-store/trades.sqlite`). A server database plugs in here, chosen by configuration.
public enum TradeStoreLocator {
    /// The store for `storageRoot`.
    public static func open(storageRoot: URL, environment: RunEnvironment = RunEnvironment()) throws -> any TradeStore {
        let path = SQLiteTradeStore.defaultPath(storageRoot: storageRoot).path
        do { return try SQLiteTradeStore(path: path) } catch {
            throw ConfigurationError("trade store \(path) cannot be opened: \(error)")
        }
    }
}
