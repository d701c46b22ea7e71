import NIOConcurrencyHelpers
import TradeStore

/// Rendered answers by (endpoint, parameters, as-of date, tier view), valid for one store data
/// version. An answer depends on nothing else, so it is computed once per version; the version is
/// read again at most every `checkInterval` (every request when zero), and a new version empties
/// the cache.
final class AnswerCache: Sendable {
    private struct State {
        var version: Int64?
        var checkedAt: ContinuousClock.Instant?
        var answers: [String: Answer] = [:]
        var refreshing = false
    }

    private let store: any TradeStore
    private let checkInterval: Duration
    private let maxAnswers: Int
    private let timeout: Duration
    private let clock = ContinuousClock()
    private let state = NIOLockedValueBox(State())

    init(store: any TradeStore, checkInterval: Duration, maxAnswers: Int, timeout: Duration) {
        self.store = store; self.checkInterval = checkInterval; self.maxAnswers = maxAnswers; self.timeout = timeout
    }

    /// The answer for `key`, computed by `compute` when the cache has none for the current version.
    func answer(_ key: String, compute: @Sendable () async throws -> Answer) async throws -> Answer {
        let version = try await currentVersion()
        if let hit = state.withLockedValue({ $0.version == version ? $0.answers[key] : nil }) { return hit }
        let answer = try await compute()
        state.withLockedValue { s in
            guard s.version == version else { return }
            if s.answers.count >= maxAnswers { s.answers.removeAll(keepingCapacity: true) }
            s.answers[key] = answer
        }
        return answer
    }

    /// The store's data version, read again when the last reading is older than the interval.
    /// With a non-zero interval one request re-reads it while the others keep the last reading
    /// (no burst of identical reads every interval); with zero, every request reads it.
    private func currentVersion() async throws -> Int64 {
        let now = clock.now
        let known: Int64? = state.withLockedValue { s in
            guard let v = s.version, checkInterval > .zero else { return nil }
            if let at = s.checkedAt, now - at < checkInterval { return v }
            if s.refreshing { return v }
            s.refreshing = true
            return nil
        }
        if let known { return known }
        let version: Int64
        let store = store
        do { version = try await askStore(within: timeout) { try await store.dataVersion() } } catch {
            state.withLockedValue { $0.refreshing = false }
            throw error
        }
        state.withLockedValue { s in
            if s.version != version { s.answers.removeAll(keepingCapacity: true) }
            s.version = version
            s.checkedAt = now
            s.refreshing = false
        }
        return version
    }
}
