import Foundation

/// Spaces requests to one source: at least `interval` apart, and never more than `maxInWindow`
/// within any sliding `window`, however many tasks ask at once.
///
/// Each caller reserves the next free slot inside the actor and sleeps outside it, so waiting
/// callers do not block the limiter and slots are handed out in arrival order.
public actor RateLimiter {
    /// Minimum time between two request starts.
    public let interval: Duration
    /// Most requests in any sliding `window`.
    public let maxInWindow: Int
    /// The sliding window.
    public let window: Duration
    private var recent: [ContinuousClock.Instant] = []
    private var last: ContinuousClock.Instant?
    private let clock = ContinuousClock()

    /// Creates a limiter allowing `requestsPerSecond` sustained and `maxInWindow` per `window`.
    public init(requestsPerSecond: Double, maxInWindow: Int, window: Duration = .seconds(1)) {
        let rps = max(requestsPerSecond, 0.001)
        self.interval = .nanoseconds(Int64(1_000_000_000 / rps))
        self.maxInWindow = max(1, maxInWindow)
        self.window = window
    }

    /// Waits until a request may start.
    public func acquire() async throws {
        let slot = reserve()
        let now = clock.now
        if slot > now { try await Task.sleep(for: slot - now) }
    }

    private func reserve() -> ContinuousClock.Instant {
        var slot = clock.now
        if let last, last + interval > slot { slot = last + interval }
        recent.removeAll { $0 + window <= slot }
        if recent.count >= maxInWindow {
            // The window frees when its oldest request leaves it; a little slack keeps the count
            // strictly inside the limit when timers fire early or late.
            let frees = recent[recent.count - maxInWindow] + window + .milliseconds(5)
            if frees > slot { slot = frees }
            recent.removeAll { $0 + window <= slot }
        }
        recent.append(slot)
        last = slot
        return slot
    }
}
