/// One caller's budget: a token bucket. Pure: the caller passes the time.
struct TokenBucket: Sendable {
    private(set) var tokens: Double
    private var updatedAt: Double

    /// A full bucket at time `now` (seconds).
    init(rule: BucketRule, now: Double) { tokens = rule.capacity; updatedAt = now }

    /// Takes one token; when none is left, the seconds until one will be (for `Retry-After`).
    mutating func take(rule: BucketRule, now: Double) -> Double? {
        tokens = min(rule.capacity, tokens + max(0, now - updatedAt) * rule.refillPerSecond)
        updatedAt = now
        if tokens >= 1 { tokens -= 1; return nil }
        return (1 - tokens) / rule.refillPerSecond
    }

    /// Whether the bucket is full again at `now` (so forgetting it changes nothing).
    func isFull(rule: BucketRule, now: Double) -> Bool {
        tokens + max(0, now - updatedAt) * rule.refillPerSecond >= rule.capacity
    }
}
