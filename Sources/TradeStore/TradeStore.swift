import Foundation
import InsiderCore

/// The durable store of every Form 4 and 4/A transaction the product has seen (SPEC section 8).
///
/// The seam between the product and its database: ingestion, the batch job, the `query`
/// commands and the API server hold `any TradeStore` and speak the domain; no caller writes SQL.
/// `SQLiteTradeStore` is the embedded default; a PostgreSQL implementation plugs in beside it.
/// Every implementation runs the one shared test suite (`TradeStoreContractTests`).
public protocol TradeStore: StoreRowSource {
    /// Loads `filings` as one atomic unit, and records `marker` (a loaded quarter or day) in the
    /// same unit, so a killed load leaves the store as it was before it.
    ///
    /// Idempotent by accession: a filing already stored is skipped and changes nothing. Amendments
    /// are resolved after the load (SPEC section 8: a 4/A supersedes, table by table, the rows of
    /// the filing it amends and of every earlier 4/A of that filing), whatever order filings arrive in.
    /// - Returns: how many filings and transactions were new.
    @discardableResult
    func load(_ filings: [StoredFiling], marking marker: LoadMarker?) async throws -> LoadOutcome

    /// The accessions among `accessions` that the store already holds.
    func storedAccessions(among accessions: [String]) async throws -> Set<String>

    /// Every quarter loaded from SEC's data sets, oldest first.
    func loadedQuarters() async throws -> [LoadedQuarter]

    /// Every day whose daily index was loaded completely, oldest first.
    func loadedDays() async throws -> [LoadedDay]

    /// SPEC section 9, `GET /activity`: buys and sells by issuer over the window.
    func activity(in window: LookbackWindow, limit: Int) async throws -> InsiderActivity

    /// SPEC section 9, `GET /trades/{ticker}`: every transaction of the issuer in the window,
    /// newest first; nil when the store has never seen the ticker (matched case-insensitively).
    func trades(ticker: String, in window: LookbackWindow) async throws -> [TickerTrade]?

    /// SPEC section 9, `GET /cluster-buys`: issuers with at least `minInsiders` distinct buyers.
    func clusterBuys(in window: LookbackWindow, minInsiders: Int) async throws -> [ClusterBuy]

    /// Every transaction in force (not superseded) with a trade date in `window`, with its filing
    /// and reporting owners; restricted to issuers whose ticker is in `tickers` when it is not nil.
    /// The batch job's EDGAR path clusters from these.
    func transactionsInForce(in window: LookbackWindow, tickers: Set<String>?) async throws -> [StoredTradeRow]

    /// Stores a new API key (its hash only).
    func createAPIKey(_ key: APIKeyRecord) async throws

    /// The key whose SHA-256 hash (lower-case hex) is `hash`, revoked or not; nil when unknown.
    func apiKey(hash: String) async throws -> APIKeyRecord?

    /// Every key, oldest first (hashes included; never shown to users).
    func apiKeys() async throws -> [APIKeyRecord]

    /// Revokes the key with `id`; false when no such key exists.
    func revokeAPIKey(id: String, at: Date) async throws -> Bool

    /// Records that the key with `id` was used at `at`.
    func touchAPIKey(id: String, at: Date) async throws

    /// A number that grows with every committed change of the data; answers cached under one
    /// version are valid until it changes (also across processes sharing one database).
    func dataVersion() async throws -> Int64

    /// Counts and dates for `store status` and `/healthz`.
    func status() async throws -> StoreStatus

    /// Runs `body` with an importer, and makes every row it imports visible as one unit: all of
    /// them when `body` returns, none when it (or the store) throws, so a copy that fails half-way
    /// leaves the store as it was. `body` may read its own rows back through the importer (to
    /// verify them) before they are committed; nobody else sees them until then.
    func importAtomically(_ body: (any StoreImporter) async throws -> Void) async throws
}

/// What `store copy` reads: pages of a table's rows.
public protocol StoreRowSource: Sendable {
    /// Up to `limit` rows of `table` from `offset`, in primary-key order, every column as stored:
    /// the same rows give the same values in every implementation (`store copy` checksums them).
    func exportRows(of table: StoreTable, offset: Int, limit: Int) async throws -> [[StoreValue]]
}

/// The writing side of one atomic import (`TradeStore.importAtomically`); it also reads back
/// what it has imported so far, uncommitted.
public protocol StoreImporter: StoreRowSource {
    /// Inserts exported rows of `table` as they are (superseded marks, markers, keys and the data
    /// version included); a row whose key exists is an error, except in `store_meta`.
    func importRows(_ rows: [[StoreValue]], into table: StoreTable) async throws
}
