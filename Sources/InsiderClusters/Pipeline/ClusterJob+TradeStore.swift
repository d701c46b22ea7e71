import EdgarForm4
import Foundation
import InsiderCore
import TradeStore

extension ClusterJob {
    /// The trade store under the run's storage root.
    func openStore() throws -> any TradeStore {
        try TradeStoreLocator.open(storageRoot: settings.storage.root)
    }

    /// Keeps a filing the run fetched in the trade store; a store fault is a note, never a failed run.
    func remember(_ document: Form4Document, accession: String?, filed: Day?, notes: NoteLog) async {
        guard let accession, let filed,
              let filing = StoredFiling(document: document, accession: accession, filingDate: filed, source: .batchRun) else { return }
        do {
            try await storeHandle.get(self).load([filing], marking: nil)
        } catch {
            notes.add("the trade store did not keep filing \(accession): \(error)")
        }
    }

    /// `"source": "edgar"` with no tickers: the whole market. Brings the store up to date for the
    /// window (data sets for published quarters, daily indexes for the rest; progress on stderr),
    /// then clusters every transaction in force.
    func gatherFromStore(lookback: Lookback) async throws -> Gathered {
        guard edgar.isEnabled else {
            throw SourceError.allSourcesFailed(["EDGAR: \(settings.sources.secUnavailableReason ?? "SEC access is not configured")"])
        }
        let store = try storeHandle.get(self)
        let sets = DataSetIngestor(edgar: edgar, store: store, downloads: settings.storage.keyValueStore(IngestionSetup.downloads), logger: logger)
        let daily = DailyIngestor(edgar: edgar, store: store, logger: logger)
        // Filings made inside the window hold every trade dated inside it (a filing follows its trades).
        let wanted = Quarter.range(Quarter(containing: lookback.start), Quarter(containing: lookback.asOf))
        let loaded = Set(try await store.loadedQuarters().map(\.quarter))
        var notes: [String] = []
        if wanted.contains(where: { !loaded.contains($0.description) }) {
            let links = try await sets.publishedQuarters()
            let missing = wanted.filter { !loaded.contains($0.description) && links[$0] != nil }
            if !missing.isEmpty {
                logger.info("trade store: loading SEC data sets \(missing.map(\.description).joined(separator: ", ")) for the window")
                _ = try await sets.load(missing, links: links)
            }
        }
        // Walk the daily indexes from where the store stops, but never leave the window's start uncovered.
        let days = try await store.loadedDays()
        let startCovered = try await coveredByQuarter(lookback.start, store) || (days.first.map { $0.day <= lookback.start } ?? false)
        let next = try await daily.startDay(since: nil, asOf: lookback.asOf)
        let since = startCovered ? max(next, lookback.start) : lookback.start
        if since <= lookback.asOf {
            logger.info("trade store: loading daily indexes \(since) to \(lookback.asOf)")
            let days = try await daily.ingest(since: since, asOf: lookback.asOf)
            let unreadable = days.reduce(0) { $0 + $1.unreadable }
            if unreadable > 0 { notes.append("\(unreadable) filing(s) listed in the daily indexes could not be read (see the log)") }
        }
        let rows = try await store.transactionsInForce(in: LookbackWindow(asOf: lookback.asOf, days: lookback.days), tickers: nil)
        let trades = StoreTrades.trades(from: rows)
        notes.append("market-wide EDGAR mode: \(rows.count) transactions in force from the trade store; sector is not in SEC's data sets and stays null")
        let label = "SEC EDGAR Form 4 (trade store: quarterly data sets + daily indexes)"
        return Gathered(trades: trades, checks: [], dataSource: { _ in label }, sourceLabel: label,
                        tickers: Set(trades.map(\.ticker)).count, notes: notes)
    }

    private func coveredByQuarter(_ day: Day, _ store: any TradeStore) async throws -> Bool {
        try await store.loadedQuarters().contains { Quarter($0.quarter).map { $0.firstDay <= day && day <= $0.lastDay } ?? false }
    }
}

/// Opens the store once per run, on first use.
final class StoreHandle: @unchecked Sendable {
    private let lock = NSLock()
    private var store: (any TradeStore)?

    func get(_ job: ClusterJob) throws -> any TradeStore {
        try lock.withLock {
            if let store { return store }
            let s = try job.openStore()
            store = s
            return s
        }
    }
}

/// Notes gathered by concurrent tasks.
final class NoteLog: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [String] = []
    func add(_ note: String) { lock.withLock { if !items.contains(note) { items.append(note) } } }
    var all: [String] { lock.withLock { items } }
}
