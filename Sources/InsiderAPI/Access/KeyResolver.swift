import Foundation
import HTTPTypes
import NIOConcurrencyHelpers
import TradeStore

/// Finds the key a request presents and looks it up by hash, with a short cache (as long as
/// the data-version check interval) so a hot key costs no database read; records its last use
/// at most once a minute, off the request's path.
final class KeyResolver: Sendable {
    /// The header existing clients send.
    static let headerName = HTTPField.Name("X-SentiSense-API-Key")!

    private let store: any TradeStore
    private let ttl: Duration
    private let timeout: Duration
    private let clock = ContinuousClock()
    private let records = NIOLockedValueBox([String: (record: APIKeyRecord?, at: ContinuousClock.Instant)]())
    private let touched = NIOLockedValueBox([String: ContinuousClock.Instant]())

    init(store: any TradeStore, ttl: Duration, timeout: Duration) { self.store = store; self.ttl = ttl; self.timeout = timeout }

    /// The key in `X-SentiSense-API-Key`, else in `Authorization: Bearer`; nil when neither is sent.
    static func presentedKey(in headers: HTTPFields) throws(APIError) -> String? {
        if let key = headers[headerName] { return key.trimmingCharacters(in: .whitespaces) }
        guard let authorization = headers[.authorization] else { return nil }
        let parts = authorization.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else {
            throw .unauthorized("the Authorization header must be \"Bearer <key>\"; or send the key in X-SentiSense-API-Key")
        }
        return parts[1].trimmingCharacters(in: .whitespaces)
    }

    /// The caller a presented key stands for; `401` for an unknown or revoked key.
    func caller(for key: String) async throws -> Caller {
        let hash = APIKeyIssuer.hash(of: key)
        let record = try await lookUp(hash: hash)
        guard let record else { throw APIError.unauthorized("unknown API key; create one with `insider-clusters api-key create`") }
        guard record.isActive else { throw APIError.unauthorized("this API key (\(record.id)) was revoked") }
        touch(record.id)
        return .key(id: record.id, tier: record.tier)
    }

    private func lookUp(hash: String) async throws -> APIKeyRecord? {
        let now = clock.now
        if ttl > .zero, let hit = records.withLockedValue({ $0[hash] }), now - hit.at < ttl { return hit.record }
        let store = store
        let record = try await askStore(within: timeout) { try await store.apiKey(hash: hash) }
        if ttl > .zero {
            records.withLockedValue { cache in
                if cache.count > 10_000 { cache.removeAll() }
                cache[hash] = (record, now)
            }
        }
        return record
    }

    private func touch(_ id: String) {
        let now = clock.now
        let due = touched.withLockedValue { last -> Bool in
            if let t = last[id], now - t < .seconds(60) { return false }
            last[id] = now
            return true
        }
        guard due else { return }
        let store = store
        Task { try? await store.touchAPIKey(id: id, at: Date()) }
    }
}
