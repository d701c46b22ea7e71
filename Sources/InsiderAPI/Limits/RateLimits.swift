/// The request budget of each kind of caller.
public struct RateLimits: Sendable, Equatable {
    /// Per client IP, without a key (also charged for requests with an unknown key).
    public var anonymous: BucketRule = .perMinute(60)
    /// Per free key.
    public var free: BucketRule = .perMinute(120)
    /// Per pro key.
    public var pro: BucketRule = .perMinute(1200)

    /// Creates budgets.
    public init(anonymous: BucketRule = .perMinute(60), free: BucketRule = .perMinute(120), pro: BucketRule = .perMinute(1200)) {
        self.anonymous = anonymous; self.free = free; self.pro = pro
    }
}

/// A token bucket's shape: `capacity` requests at once, refilled at `refillPerSecond`.
public struct BucketRule: Sendable, Equatable {
    /// Most tokens the bucket holds (the burst).
    public var capacity: Double
    /// Tokens added per second.
    public var refillPerSecond: Double

    /// `n` requests per minute, with a burst of `n`.
    public static func perMinute(_ n: Int) -> BucketRule { BucketRule(capacity: Double(n), refillPerSecond: Double(n) / 60) }
}
