import Foundation
import Logging
import TradeStore

/// The parts ingestion needs, wired from the environment exactly as `run` wires them: the SEC
/// client (one rate limit, the filing cache shared with the batch job), the store and storage.
public struct IngestionSetup: Sendable {
    /// SEC EDGAR.
    public let edgar: EdgarSource
    /// The trade store.
    public let store: any TradeStore
    /// The Apify-style storage root.
    public let storage: LocalStorage
    /// The shared HTTP client (request counts per host).
    public let http: HTTPClient

    /// Named key-value store that keeps the data-set ZIPs across runs and purges.
    public static let downloads = "sec-datasets"

    /// Wires everything; a configuration error (no SEC User-Agent, a bad base URL) throws before any request.
    public init(storageRoot: URL, environment: RunEnvironment, store: any TradeStore, logger: Logger) throws {
        let sources = try SourceConfig.fromEnvironment(environment.values)
        guard sources.secUserAgent != nil else {
            throw ConfigurationError(sources.secUnavailableReason ?? "SEC_USER_AGENT is required to ingest from SEC")
        }
        let storage = LocalStorage(root: storageRoot)
        self.http = HTTPClient(policy: try RetryPolicy.fromEnvironment(environment.values), logger: logger)
        self.edgar = EdgarSource(http: http, config: sources, cache: storage.keyValueStore(ClusterJob.filingCache), logger: logger)
        self.store = store
        self.storage = storage
    }

    /// The data-set ingestor.
    public func dataSets(logger: Logger) -> DataSetIngestor {
        DataSetIngestor(edgar: edgar, store: store, downloads: storage.keyValueStore(IngestionSetup.downloads), logger: logger)
    }

    /// The daily-index ingestor.
    public func daily(logger: Logger) -> DailyIngestor {
        DailyIngestor(edgar: edgar, store: store, logger: logger)
    }
}
