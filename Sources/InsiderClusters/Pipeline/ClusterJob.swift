import EdgarForm4
import Foundation
import InsiderCore
import Logging
import OpenInsiderPages

/// Everything a run needs from outside the core: input, date, storage, sources and settings.
public struct JobSettings: Sendable {
    /// The validated input.
    public var input: RunInput
    /// The as-of date D.
    public var asOf: Day
    /// Storage root.
    public var storage: LocalStorage
    /// Purge the default storages at the start of a fresh run.
    public var purge: Bool
    /// Key of the input record (for purge).
    public var inputKey: String
    /// Source URLs and limits.
    public var sources: SourceConfig
    /// Retry policy.
    public var retry: RetryPolicy
    /// Prices.
    public var pricing: Pricing
    /// `ACTOR_MAX_TOTAL_CHARGE_USD`.
    public var maxTotalChargeUSD: Decimal?
    /// `APIFY_CHARGED_ACTOR_EVENT_COUNTS`.
    public var alreadyCharged: [String: Int]
    /// `--record`: every HTTP exchange is written down here.
    public var recorder: WARCRecorder?
    /// `--replay`: every request is served from this recording, none from the network.
    public var replay: WARCReplay?

    /// Creates settings.
    public init(input: RunInput, asOf: Day, storage: LocalStorage, purge: Bool, inputKey: String, sources: SourceConfig,
                retry: RetryPolicy, pricing: Pricing, maxTotalChargeUSD: Decimal?, alreadyCharged: [String: Int]) {
        self.input = input; self.asOf = asOf; self.storage = storage; self.purge = purge; self.inputKey = inputKey
        self.sources = sources; self.retry = retry; self.pricing = pricing; self.maxTotalChargeUSD = maxTotalChargeUSD
        self.alreadyCharged = alreadyCharged
    }
}

/// What a finished run did, for the summary on stderr and the `RUN_SUMMARY` record.
public struct RunSummary: Sendable {
    /// Rows written in this run (including rows an interrupted attempt had written).
    public var rowsWritten: Int
    /// Rows the budget stopped.
    public var rowsStoppedByBudget: Int
    /// Clusters found before the limit.
    public var clustersFound: Int
    /// Candidate tickers drilled into.
    public var tickersChecked: Int
    /// Charged events by name.
    public var charges: [String: Int]
    /// Total charged, USD.
    public var chargedUSD: Decimal
    /// Requests by host.
    public var requestsPerHost: [String: Int]
    /// Filings read from the disk cache.
    public var filingCacheHits: Int
    /// OpenInsider pages served from the page cache.
    public var pageCacheHits: Int = 0
    /// Elapsed wall time.
    public var elapsed: Duration
    /// Which path produced the trades.
    public var dataSource: String
    /// Notes the user should read (SEC not configured, fallback used, budget).
    public var notes: [String]
    /// True when this run picked up an interrupted run of the same input.
    public var resumed: Bool
    /// What changed since the previous completed run of the same input (nil when no row was attempted).
    public var changes: ChangeDigest? = nil
}

/// The batch job: `Input -> Discover -> Drilldown -> Verify -> Cluster -> Rank -> Write + Charge`.
public final class ClusterJob: Sendable {
    let settings: JobSettings
    let logger: Logger
    let http: HTTPClient
    let openInsider: OpenInsiderSource
    let edgar: EdgarSource

    /// Name of the charging log dataset (the Python SDK's name).
    public static let chargingLog = "charging-log"
    /// Named store that keeps fetched filings across runs.
    public static let filingCache = "edgar-filings"

    /// Wires the sources to one shared HTTP client.
    /// The trade store, opened on first use: every filing the run fetches is kept there.
    let storeHandle = StoreHandle()
    /// Notes from concurrent stages (store faults).
    let sideNotes = NoteLog()

    public init(settings: JobSettings, logger: Logger) {
        self.settings = settings
        self.logger = logger
        self.http = HTTPClient(policy: settings.retry, logger: logger, transport: settings.replay, recorder: settings.recorder)
        // A recording must hold every page and a replay must ask its file, so neither uses the page cache.
        let pageCache = settings.replay == nil && settings.recorder == nil && settings.sources.openInsiderCacheTTL > 0
            ? PageCache(store: settings.storage.keyValueStore(PageCache.storeName), ttl: settings.sources.openInsiderCacheTTL) : nil
        self.openInsider = OpenInsiderSource(http: http, config: settings.sources, logger: logger, cache: pageCache)
        self.edgar = EdgarSource(http: http, config: settings.sources, cache: settings.storage.keyValueStore(ClusterJob.filingCache), logger: logger)
    }

    /// Runs to completion. Throws when a source stays broken: nothing is written then.
    public func run() async throws -> RunSummary {
        let started = ContinuousClock.now
        let input = settings.input
        // Read before anything is fetched or charged: an unreadable history fails the run, never a silent "all new".
        let history = RunHistory(storage: settings.storage, input: input)
        let previous = try history.previous()
        let ledger = try RunLedger(storage: settings.storage, inputFingerprint: fingerprint(), purge: settings.purge,
                                   inputKey: settings.inputKey, chargingLog: ClusterJob.chargingLog)
        if ledger.start.resumed { logger.notice("resuming an interrupted run of the same input (\(ledger.start.runKey))") }
        let charger = try Charger(pricing: settings.pricing, maxTotalUSD: settings.maxTotalChargeUSD,
                                  alreadyCharged: settings.alreadyCharged, log: settings.storage.dataset(ClusterJob.chargingLog),
                                  runKey: ledger.start.runKey)
        var notes: [String] = []
        guard try charger.chargeOncePerRun(Pricing.actorStart, key: ledger.startKey) else {
            notes.append("the budget ACTOR_MAX_TOTAL_CHARGE_USD=\(settings.maxTotalChargeUSD.map { "\($0)" } ?? "") does not cover actor-start; nothing was fetched, written or charged")
            try ledger.finish()
            return summary(started: started, outcome: nil, found: 0, tickers: 0, charger: charger, source: "none", notes: notes, resumed: ledger.start.resumed)
        }

        let lookback = Lookback(asOf: settings.asOf, days: input.windowDays)
        let gathered: Gathered
        do {
            gathered = try await gather(lookback: lookback)
        } catch {
            try failOnReplayMisses()
            throw error
        }
        // A replay that lacked a page or filing would write a dataset the recorded run never wrote.
        try failOnReplayMisses()
        if let replay = settings.replay { notes.append("replay: every request was answered from \(replay.file); nothing was fetched") }
        notes.append(contentsOf: gathered.notes)
        notes.append(contentsOf: sideNotes.all)
        let records = ClusterEngine.clusters(trades: gathered.trades, checks: gathered.checks, criteria: input.criteria,
                                             asOf: settings.asOf, dataSource: gathered.dataSource)
        let rows = records.map { ChangeSinceLastRun.annotate($0.json, previous: previous?.figures ?? [:]) }
        let outcome = try ledger.commit(rows: rows, limit: input.limit, charger: charger)
        if outcome.stoppedByBudget > 0 {
            notes.append("the budget ACTOR_MAX_TOTAL_CHARGE_USD stopped \(outcome.stoppedByBudget) row(s): each costs \(charger.price(Pricing.clusterRecord)) USD")
        }
        if outcome.recoveredCharges > 0 { notes.append("charged \(outcome.recoveredCharges) row(s) an interrupted attempt had written") }
        let cacheFailures = edgar.cacheWriteFailures
        if let first = cacheFailures.first {
            notes.append("filing cache: \(cacheFailures.count) fetched filing(s) could not be cached and will be fetched again next run (first: \(first))")
        }
        try ledger.finish()
        let written = try ledger.ownItems().map { try settings.storage.dataset().item(at: $0) }
        let changes = ChangeDigest(rows: written, previous: previous)
        // Saved once the run is finished, so a resumed run still compares with the run before it.
        // A replay reproduces an old run: it must not become the previous run of the weekly schedule.
        if settings.replay == nil {
            do { try history.save(rows: written, asOf: settings.asOf) } catch {
                logger.warning("run history not saved: \(error)")
                notes.append("the run history (key-value store \(RunHistory.storeName)) was not saved, so the next run compares with an older one: \(error)")
            }
        }
        var s = summary(started: started, outcome: outcome, found: records.count, tickers: gathered.tickers, charger: charger,
                        source: gathered.sourceLabel, notes: notes, resumed: ledger.start.resumed)
        s.changes = changes
        s.pageCacheHits = openInsider.cacheHits
        do { try settings.storage.keyValueStore().set("RUN_SUMMARY", Data((s.json.prettyText + "\n").utf8)) } catch {
            // The rows and charges are committed; only the record of the summary is missing.
            logger.warning("RUN_SUMMARY not written: \(error)")
            s.notes.append("RUN_SUMMARY was not written: \(error)")
        }
        return s
    }

    func failOnReplayMisses() throws {
        let misses = http.replayMisses
        guard let first = misses.first, let file = settings.replay?.file else { return }
        throw WARCError("the recording \(file) lacks \(first)" + (misses.count > 1 ? " (and \(misses.count - 1) more request(s))" : "")
                        + "; replay the same input and as-of date as the recorded run")
    }

    func summary(started: ContinuousClock.Instant, outcome: RunLedger.Outcome?, found: Int, tickers: Int, charger: Charger,
                 source: String, notes: [String], resumed: Bool) -> RunSummary {
        RunSummary(rowsWritten: (outcome?.written ?? 0) + (outcome?.alreadyWritten ?? 0), rowsStoppedByBudget: outcome?.stoppedByBudget ?? 0,
                   clustersFound: found, tickersChecked: tickers, charges: charger.chargedCounts, chargedUSD: charger.totalChargedUSD,
                   requestsPerHost: http.requestsPerHost, filingCacheHits: edgar.cacheHits, elapsed: ContinuousClock.now - started,
                   dataSource: source, notes: notes, resumed: resumed)
    }

    /// Identifies "the same input": the completed input, the as-of date and the sources asked.
    func fingerprint() -> String {
        let text = [settings.input.resolved.compactText, settings.asOf.description, settings.sources.openInsiderBaseURL.absoluteString,
                    settings.sources.secBaseURL.absoluteString].joined(separator: "|")
        return FNV1a64.hex(text.utf8)
    }

    struct Gathered {
        var trades: [Trade]
        var checks: [EdgarCheck]
        var dataSource: @Sendable (String) -> String
        var sourceLabel: String
        var tickers: Int
        var notes: [String]
    }

    func gather(lookback: Lookback) async throws -> Gathered {
        let input = settings.input
        if input.source == .edgar && input.tickers.isEmpty {
            return try await gatherFromStore(lookback: lookback)
        }
        if input.source == .edgar {
            return try await gatherFromEdgar(tickers: ClusterJob.canonicalTickers(input.tickers), lookback: lookback, why: nil)
        }
        do {
            return try await gatherFromOpenInsider(lookback: lookback)
        } catch let error as HTTPClientError {
            // OpenInsider stays down: EDGAR can stand in for named tickers only.
            guard !input.tickers.isEmpty, edgar.isEnabled else {
                var reasons = ["OpenInsider: \(error)"]
                if input.tickers.isEmpty {
                    reasons.append("the EDGAR fallback covers named tickers only and the input names none")
                } else if let why = settings.sources.secUnavailableReason {
                    reasons.append("EDGAR fallback unavailable: \(why)")
                }
                throw SourceError.allSourcesFailed(reasons)
            }
            logger.warning("OpenInsider unreachable (\(error)); falling back to SEC EDGAR for \(input.tickers.count) ticker(s)")
            return try await gatherFromEdgar(tickers: ClusterJob.canonicalTickers(input.tickers), lookback: lookback,
                                             why: "OpenInsider unreachable: \(error)")
        }
    }

    func gatherFromOpenInsider(lookback: Lookback) async throws -> Gathered {
        let input = settings.input
        var candidates: [Candidate]
        if input.tickers.isEmpty {
            candidates = try await openInsider.discover(lookback: lookback, minInsiders: input.minClusterSize)
            logger.info("discovery: \(candidates.count) candidate ticker(s) with \(input.minClusterSize)+ insiders buying")
        } else {
            candidates = ClusterJob.canonicalTickers(input.tickers).map { Candidate(ticker: $0, foundBy: ["tickers"]) }
        }
        let progress = Progress(total: candidates.count, logger: logger, http: http)
        let drilled = try await drillAndVerify(candidates, lookback: lookback, progress: progress)
        let trades = drilled.trades
        let byTicker = Dictionary(candidates.map { ($0.ticker, $0) }, uniquingKeysWith: { a, _ in a })
        let secUsed = edgar.isEnabled
        let dataSource: @Sendable (String) -> String = { ticker in
            var parts: [String] = []
            let found = byTicker[ticker]?.foundBy ?? []
            if found.contains("cluster-buys") { parts.append("openinsider.com cluster-buys") }
            if found.contains("screener") { parts.append("openinsider.com screener (purchases)") }
            if found.contains("tickers") { parts.append("openinsider.com (input tickers)") }
            parts.append("per-symbol drilldown")
            if secUsed { parts.append("SEC EDGAR Form 4") }
            return parts.joined(separator: " + ")
        }
        var notes: [String] = []
        if let why = settings.sources.secUnavailableReason { notes.append(why) }
        return Gathered(trades: trades, checks: drilled.checks, dataSource: dataSource,
                        sourceLabel: secUsed ? "openinsider.com + SEC EDGAR Form 4" : "openinsider.com (unverified)",
                        tickers: candidates.count, notes: notes)
    }

    /// The input tickers as OpenInsider and the records write them (`BRK-B` is `BRK.B`), each once.
    static func canonicalTickers(_ tickers: [String]) -> [String] {
        var seen = Set<String>()
        return tickers.map(Trade.canonicalTicker).filter { seen.insert($0).inserted }
    }

    func gatherFromEdgar(tickers: [String], lookback: Lookback, why: String?) async throws -> Gathered {
        guard edgar.isEnabled else {
            throw SourceError.allSourcesFailed(["EDGAR: \(settings.sources.secUnavailableReason ?? "SEC access is not configured")"])
        }
        let map = try await edgar.tickerMap()
        var notes: [String] = []
        if let why { notes.append(why) }
        let progress = Progress(total: tickers.count, logger: logger, http: http)
        let perTicker = try await forEach(tickers, concurrency: settings.sources.concurrency) { ticker -> (trades: [Trade], skipped: [String]) in
            defer { progress.step() }
            guard let entry = map[EdgarTrades.secTicker(ticker)] ?? map[ticker] else { return ([], []) }
            let listing = try await self.edgar.form4Filings(issuerCIK: entry.cik, from: lookback.start, to: lookback.asOf)
            var filings: [(ref: EdgarFilingRef, document: Form4Document)] = []
            var skipped: [String] = []
            for ref in listing.filings {
                let url = self.edgar.rawFilingURL(issuerCIK: entry.cik, ref: ref)
                do {
                    let document = try await self.edgar.document(at: url, accession: ref.accession)
                    await self.remember(document, accession: ref.accession, filed: ref.filingDate, notes: self.sideNotes)
                    filings.append((ref, document))
                } catch let error as HTTPClientError where error.status == 404 || error.status == 403 {
                    // A listed filing whose document is gone is reported; a block or an outage is not skipped.
                    skipped.append("\(ticker) \(ref.accession): \(error)")
                } catch let error as EdgarError {
                    skipped.append("\(ticker) \(ref.accession): \(error)")
                }
            }
            let trades = EdgarTrades.trades(ticker: ticker, issuerCIK: entry.cik, companyName: listing.name ?? entry.title,
                                            sector: listing.sicDescription, filings: filings)
            return (trades, skipped)
        }
        notes.append(contentsOf: perTicker.flatMap(\.skipped).map { "EDGAR filing not read: \($0)" })
        let unknown = tickers.filter { map[EdgarTrades.secTicker($0)] == nil && map[$0] == nil }
        if !unknown.isEmpty { notes.append("not in SEC's ticker map: \(unknown.joined(separator: ", "))") }
        let label = why == nil ? "SEC EDGAR Form 4 (submissions + filings)" : "SEC EDGAR Form 4 (fallback: OpenInsider unreachable)"
        return Gathered(trades: perTicker.flatMap(\.trades), checks: [], dataSource: { _ in label }, sourceLabel: label,
                        tickers: tickers.count, notes: notes)
    }
}

/// Set once when SEC blocks the run, so the remaining checks fail fast instead of extending the block.
final class BlockFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value: String?
    var reason: String? { lock.withLock { value } }
    func set(_ r: String) { lock.withLock { if value == nil { value = r } } }
}

/// Progress on stderr for long runs: tickers done of total, requests, elapsed.
final class Progress: @unchecked Sendable {
    private let lock = NSLock()
    private var done = 0
    private let total: Int
    private let logger: Logger
    private let http: HTTPClient
    private let started = ContinuousClock.now
    private var lastReport = ContinuousClock.now

    init(total: Int, logger: Logger, http: HTTPClient) { self.total = total; self.logger = logger; self.http = http }

    func step() {
        let (n, report): (Int, Bool) = lock.withLock {
            done += 1
            let now = ContinuousClock.now
            let due = now - lastReport >= .seconds(5) || done == total
            if due { lastReport = now }
            return (done, due)
        }
        if report {
            let elapsed = ContinuousClock.now - started
            logger.info("progress: \(n)/\(total) tickers, \(http.totalRequests) requests, \(elapsed.components.seconds)s elapsed")
        }
    }
}

/// Maps `items` with at most `concurrency` in flight, keeping input order; the first error cancels the rest.
func forEach<T: Sendable, R: Sendable>(_ items: [T], concurrency: Int, _ body: @escaping @Sendable (T) async throws -> R) async throws -> [R] {
    try await withThrowingTaskGroup(of: (Int, R).self) { group in
        var results = [R?](repeating: nil, count: items.count)
        var next = 0
        for _ in 0..<min(max(1, concurrency), items.count) {
            let i = next
            group.addTask { (i, try await body(items[i])) }
            next += 1
        }
        while let (i, r) = try await group.next() {
            results[i] = r
            if next < items.count {
                let j = next
                group.addTask { (j, try await body(items[j])) }
                next += 1
            }
        }
        return results.compactMap { $0 }
    }
}

extension RunSummary {
    /// The summary as a JSON record.
    public var json: JSONValue {
        .object([
            ("rowsWritten", .number(String(rowsWritten))),
            ("rowsStoppedByBudget", .number(String(rowsStoppedByBudget))),
            ("clustersFound", .number(String(clustersFound))),
            ("tickersChecked", .number(String(tickersChecked))),
            ("charges", .object(charges.sorted { $0.key < $1.key }.map { ($0.key, .number(String($0.value))) })),
            ("chargedUsd", .number(NSDecimalNumber(decimal: chargedUSD).stringValue)),
            ("requestsPerHost", .object(requestsPerHost.sorted { $0.key < $1.key }.map { ($0.key, .number(String($0.value))) })),
            ("filingCacheHits", .number(String(filingCacheHits))),
            ("pageCacheHits", .number(String(pageCacheHits))),
            ("elapsedSeconds", .number(String(format: "%.3f", Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18))),
            ("dataSource", .string(dataSource)),
            ("resumed", .bool(resumed)),
            ("changesSinceLastRun", changes?.json ?? .null),
            ("notes", .array(notes.map { .string($0) })),
        ])
    }
}
