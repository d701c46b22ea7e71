import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import InsiderAPI
import InsiderCore
import Logging
import SQLiteTradeStore
import TradeStore

/// A real SQLite store in a temporary folder, filled through `TradeStore.load`, and the API
/// served over it on 127.0.0.1 (HummingbirdTesting `.live`: a real socket, a real HTTP client).
struct LiveAPI {
    let store: SQLiteTradeStore
    let folder: URL

    /// A store holding `filings`.
    static func make(_ filings: [StoredFiling] = Fixture.filings) async throws -> LiveAPI {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("insider-api-\(UUID().uuidString)")
        let store = try SQLiteTradeStore(path: SQLiteTradeStore.defaultPath(storageRoot: folder).path)
        try await store.load(filings, marking: nil)
        return LiveAPI(store: store, folder: folder)
    }

    /// A logger that drops everything (tests that read log lines bring their own).
    static let quietLogger = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }

    /// Settings for tests: no budget unless given, the data version read on every request.
    static func settings(rateLimits: RateLimits? = nil) -> APISettings {
        APISettings(rateLimits: rateLimits, versionCheckInterval: .zero)
    }

    func server(settings: APISettings = LiveAPI.settings(), logger: Logger = LiveAPI.quietLogger) -> APIServer {
        APIServer(store: store, settings: settings, clock: .fixed(Fixture.asOf), logger: logger)
    }

    /// Runs `test` with a client of a live server.
    func run<T: Sendable>(settings: APISettings = LiveAPI.settings(), logger: Logger = LiveAPI.quietLogger,
                          _ test: @Sendable (any TestClientProtocol) async throws -> T) async throws -> T {
        defer { try? FileManager.default.removeItem(at: folder) }
        return try await server(settings: settings, logger: logger).application(host: "127.0.0.1", port: 0).test(.live, test)
    }

    /// A new key of `tier`, stored; returns the key.
    func key(_ tier: APITier, name: String? = nil) async throws -> (key: String, id: String) {
        let (key, record) = APIKeyIssuer.issue(tier: tier, name: name)
        try await store.createAPIKey(record)
        return (key, record.id)
    }
}

extension TestClientProtocol {
    /// GET `uri`, with the key in `X-SentiSense-API-Key` when given.
    func get(_ uri: String, key: String? = nil, headers: HTTPFields = [:]) async throws -> TestResponse {
        var headers = headers
        if let key { headers[HTTPField.Name("X-SentiSense-API-Key")!] = key }
        return try await execute(uri: uri, method: .get, headers: headers)
    }
}

extension TestResponse {
    /// The body as text.
    var text: String { body.getString(at: body.readerIndex, length: body.readableBytes) ?? "" }
    /// The body parsed as JSON.
    var json: JSONValue { (try? JSONValue.parse(text)) ?? .null }
}
