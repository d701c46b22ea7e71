import NIOConcurrencyHelpers
import NIOCore

/// Every caller's token bucket, by identity (`key:<id>` or `ip:<address>`).
final class RateLimiter: Sendable {
    private let state = NIOLockedValueBox([String: TokenBucket]())
    private let clock = ContinuousClock()
    private let start: ContinuousClock.Instant
    /// Buckets kept before full ones are forgotten.
    private let pruneAbove = 100_000

    init() { start = clock.now }

    /// Charges one request to `identity`; nil when allowed, else the whole seconds to wait.
    func charge(_ identity: String, rule: BucketRule) -> Int? {
        let elapsed = clock.now - start
        let now = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        let wait: Double? = state.withLockedValue { buckets in
            if buckets.count > pruneAbove { buckets = buckets.filter { !$0.value.isFull(rule: rule, now: now) } }
            var bucket = buckets[identity] ?? TokenBucket(rule: rule, now: now)
            let wait = bucket.take(rule: rule, now: now)
            buckets[identity] = bucket
            return wait
        }
        return wait.map { max(1, Int($0.rounded(.up))) }
    }
}
