import Foundation

/// Spaces requests to one source: at least `interval` apart, and never more than `maxInWindow`
/// within any sliding `window`, however many tasks ask at once.
///
/// Grants are recorded at the instant they are handed out (after any sleep), not when they were
/// planned, so a task that wakes late cannot bunch up with the ones after it: the counts hold for
/// the times requests really leave.
public actor RateLimiter {
    /// Minimum time between two grants.
    public let interval: Duration
    /// Most grants in any sliding `window`.
    public let maxInWindow: Int
    /// The sliding window.
    public let window: Duration
    private var recent: [ContinuousClock.Instant] = []
    private let clock = ContinuousClock()

    /// Creates a limiter allowing `requestsPerSecond` sustained and `maxInWindow` per `window`.
    ///
    /// The default window is a little longer than a second so that no one-second window, as a
    /// server with its own clock counts it, ever sees more than `maxInWindow`.
    public init(requestsPerSecond: Double, maxInWindow: Int, window: Duration = .milliseconds(1050)) {
        let rps = max(requestsPerSecond, 0.001)
        self.interval = .nanoseconds(Int64(1_000_000_000 / rps))
        self.maxInWindow = max(1, maxInWindow)
        self.window = window
    }

    /// Waits until a request may start.
    public func acquire() async throws {
        while true {
            let now = clock.now
            recent.removeAll { now - $0 >= window }
            var earliest = now
            if let last = recent.last, last + interval > earliest { earliest = last + interval }
            if recent.count >= maxInWindow {
                let frees = recent[recent.count - maxInWindow] + window
                if frees > earliest { earliest = frees }
            }
            if earliest <= now {
                recent.append(now)
                return
            }
            // The actor is free while this task sleeps; whoever wakes first at a free slot takes it.
            try await Task.sleep(until: earliest, clock: clock)
        }
    }
}
