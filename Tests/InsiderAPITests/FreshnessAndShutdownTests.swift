import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import InsiderAPI
import InsiderCore
import Logging
import ServiceLifecycle
import Testing
import TradeStore

/// A store update is seen by the next request; a shutdown lets in-flight requests finish.
@Suite struct FreshnessAndShutdownTests {
    @Test func storeUpdateSeenByNextRequest() async throws {
        let api = try await LiveAPI.make()
        let pro = try await api.key(.pro)
        try await api.run { client in
            let before = try await client.get("/api/v1/insider/cluster-buys?lookbackDays=7", key: pro.key)
            #expect(before.json.arrayValue?.map { $0["ticker"]?.stringValue } == ["BIG"])
            #expect(try await client.get("/api/v1/insider/trades/NEW", key: pro.key).status == .notFound)

            try await api.store.load(Fixture.cluster("NEW", cik: 700, insiders: 3, shares: 1000, price: 5, on: "2026-11-29", filed: "2026-11-30"), marking: nil)

            let after = try await client.get("/api/v1/insider/cluster-buys?lookbackDays=7", key: pro.key)
            #expect(after.json.arrayValue?.map { $0["ticker"]?.stringValue } == ["BIG", "NEW"])
            #expect(after.headers[.eTag] != before.headers[.eTag])
            let trades = try await client.get("/api/v1/insider/trades/NEW", key: pro.key)
            #expect(trades.status == .ok)
            #expect(trades.json.arrayValue?.count == 3)
        }
    }

    @Test func gracefulShutdownFinishesInFlightRequests() async throws {
        let api = try await LiveAPI.make()
        defer { try? FileManager.default.removeItem(at: api.folder) }
        let pro = try await api.key(.pro)
        let gate = Gate()
        let server = APIServer(store: GatedStore(base: api.store, gate: gate), settings: LiveAPI.settings(), clock: .fixed(Fixture.asOf),
                               logger: LiveAPI.quietLogger)
        let (ports, portSink) = AsyncStream.makeStream(of: Int.self)
        let app = server.application(host: "127.0.0.1", port: 0) { channel in portSink.yield(channel.localAddress?.port ?? 0) }
        let group = ServiceGroup(configuration: .init(services: [app], logger: LiveAPI.quietLogger))

        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            var iterator = ports.makeAsyncIterator()
            let port = try #require(await iterator.next())
            let client = TestClient(host: "127.0.0.1", port: port)
            client.connect()
            let inFlight = Task {
                try await client.get("/api/v1/insider/cluster-buys?lookbackDays=7", headers: [HTTPField.Name("X-SentiSense-API-Key")!: pro.key])
            }
            await gate.waitUntilEntered()        // the request is inside the store call
            await group.triggerGracefulShutdown()
            await gate.open()
            let response = try await inFlight.value
            #expect(response.status == .ok)
            let body = response.body.flatMap { $0.getString(at: $0.readerIndex, length: $0.readableBytes) } ?? ""
            #expect(body.contains("\"BIG\""))
            try? await client.shutdown()
            try await tasks.next()               // the service group returns: the server stopped cleanly
        }
    }
}

/// Holds the cluster-buys query until opened, so a test knows a request is in flight.
actor Gate {
    private var entered = false
    private var isOpen = false
    private var enteredWaiters: [CheckedContinuation<Void, Never>] = []
    private var openWaiters: [CheckedContinuation<Void, Never>] = []

    func enterAndWait() async {
        entered = true
        enteredWaiters.forEach { $0.resume() }
        enteredWaiters = []
        if isOpen { return }
        await withCheckedContinuation { openWaiters.append($0) }
    }

    func waitUntilEntered() async {
        if entered { return }
        await withCheckedContinuation { enteredWaiters.append($0) }
    }

    func open() {
        isOpen = true
        openWaiters.forEach { $0.resume() }
        openWaiters = []
    }
}

/// The real store with its cluster-buys query held at a gate (everything else passes through).
struct GatedStore: TradeStore {
    let base: any TradeStore
    let gate: Gate

    func clusterBuys(in window: LookbackWindow, minInsiders: Int) async throws -> [ClusterBuy] {
        await gate.enterAndWait()
        return try await base.clusterBuys(in: window, minInsiders: minInsiders)
    }
    func load(_ filings: [StoredFiling], marking marker: LoadMarker?) async throws -> LoadOutcome { try await base.load(filings, marking: marker) }
    func storedAccessions(among accessions: [String]) async throws -> Set<String> { try await base.storedAccessions(among: accessions) }
    func loadedQuarters() async throws -> [LoadedQuarter] { try await base.loadedQuarters() }
    func loadedDays() async throws -> [LoadedDay] { try await base.loadedDays() }
    func activity(in window: LookbackWindow, limit: Int) async throws -> InsiderActivity { try await base.activity(in: window, limit: limit) }
    func trades(ticker: String, in window: LookbackWindow) async throws -> [TickerTrade]? { try await base.trades(ticker: ticker, in: window) }
    func transactionsInForce(in window: LookbackWindow, tickers: Set<String>?) async throws -> [StoredTradeRow] {
        try await base.transactionsInForce(in: window, tickers: tickers)
    }
    func createAPIKey(_ key: APIKeyRecord) async throws { try await base.createAPIKey(key) }
    func apiKey(hash: String) async throws -> APIKeyRecord? { try await base.apiKey(hash: hash) }
    func apiKeys() async throws -> [APIKeyRecord] { try await base.apiKeys() }
    func revokeAPIKey(id: String, at: Date) async throws -> Bool { try await base.revokeAPIKey(id: id, at: at) }
    func touchAPIKey(id: String, at: Date) async throws { try await base.touchAPIKey(id: id, at: at) }
    func dataVersion() async throws -> Int64 { try await base.dataVersion() }
    func status() async throws -> StoreStatus { try await base.status() }
    func exportRows(of table: StoreTable, offset: Int, limit: Int) async throws -> [[StoreValue]] {
        try await base.exportRows(of: table, offset: offset, limit: limit)
    }
    func importAtomically(_ body: (any StoreImporter) async throws -> Void) async throws { try await base.importAtomically(body) }
}
