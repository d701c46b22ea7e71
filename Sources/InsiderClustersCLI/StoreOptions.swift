import ArgumentParser
import Foundation
import InsiderClusters
import InsiderCore
import TradeStore

/// Options every command that touches the trade store shares, read exactly as `run` reads them.
struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Storage folder; the store is <dir>/trade-store/trades.sqlite. Default: $APIFY_LOCAL_STORAGE_DIR, $CRAWLEE_STORAGE_DIR, else ./storage. Example: --storage /srv/ic", valueName: "dir"))
    var storage: String?

    @Option(name: .long, help: ArgumentHelp("As-of date T for every date computation. Default: $INSIDER_CLUSTERS_AS_OF, else today in New York. Example: --as-of 2026-10-31", valueName: "YYYY-MM-DD"))
    var asOf: String?

    @Option(name: .customLong("store-url"), help: ArgumentHelp("A PostgreSQL server to use as the trade store instead of the SQLite file. Default: $TRADE_STORE_URL, else the file. Example: --store-url 'postgres://ic:secret@db.internal:5432/insider?sslmode=require'", valueName: "url"))
    var storeURL: String?

    /// The environment the options fall back on, with `--store-url` in place of `TRADE_STORE_URL`.
    var environment: RunEnvironment {
        var env = RunEnvironment()
        if let storeURL { env.values[TradeStoreLocator.urlVariable] = storeURL }
        return env
    }

    /// The storage root.
    func storageRoot() -> URL { environment.storageRoot(override: storage) }

    /// The as-of date; a malformed one is a usage error.
    func asOfDay() throws -> Day {
        do { return try environment.asOf(override: asOf) } catch { throw ValidationError(String(describing: error)) }
    }

    /// Opens the store.
    func openStore() throws -> any TradeStore {
        try TradeStoreLocator.open(storageRoot: storageRoot(), environment: environment)
    }
}
