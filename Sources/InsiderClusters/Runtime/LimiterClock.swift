/// The time a rate limiter reads and sleeps on: the system's monotonic clock in a run, a virtual
/// one in tests, so the limiter's guarantees are checked without wall-clock margins.
public protocol LimiterClock: Sendable {
    /// Time since the clock's origin.
    var now: Duration { get }
    /// Suspends until `now` has reached `deadline`.
    func sleep(until deadline: Duration) async throws
}

/// The system's monotonic clock, counted from the moment it is created.
public struct SystemLimiterClock: LimiterClock {
    let origin = ContinuousClock.now

    /// Creates a clock starting at zero now.
    public init() {}

    public var now: Duration { ContinuousClock.now - origin }

    public func sleep(until deadline: Duration) async throws {
        try await Task.sleep(until: origin + deadline, clock: .continuous)
    }
}
