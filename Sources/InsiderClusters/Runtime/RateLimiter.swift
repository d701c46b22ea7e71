import Foundation

/// Spaces requests to one source: at least `interval` apart, never more than `maxInWindow`
/// within any sliding `window`, however many tasks ask at once, and not at all while the source
/// is paused (a block or a 429 seen by any task pauses every task of that source together).
///
/// Grants are recorded at the instant they are handed out (after any sleep), not when they were
/// planned, so a task that wakes late cannot bunch up with the ones after it: the counts hold for
/// the times requests really leave.
public actor RateLimiter {
    /// Minimum time between two grants.
    nonisolated public let interval: Duration
    /// Most grants in any sliding `window`.
    nonisolated public let maxInWindow: Int
    /// The sliding window.
    nonisolated public let window: Duration
    private var recent: [Duration] = []
    private var pausedUntil: Duration = .zero
    private let clock: any LimiterClock

    /// Creates a limiter allowing `requestsPerSecond` sustained and `maxInWindow` per `window`.
    ///
    /// The default window is a little longer than a second so that no one-second window, as a
    /// server with its own clock counts it, ever sees more than `maxInWindow`.
    public init(requestsPerSecond: Double, maxInWindow: Int, window: Duration = .milliseconds(1050),
                clock: any LimiterClock = SystemLimiterClock()) {
        let rps = max(requestsPerSecond, 0.001)
        self.interval = .nanoseconds(Int64(1_000_000_000 / rps))
        self.maxInWindow = max(1, maxInWindow)
        self.window = window
        self.clock = clock
    }

    /// Waits until a request may start; returns the instant of the grant on the limiter's clock.
    @discardableResult
    public func acquire() async throws -> Duration {
        while true {
            let now = clock.now
            recent.removeAll { now - $0 >= window }
            var earliest = max(now, pausedUntil)
            if let last = recent.last, last + interval > earliest { earliest = last + interval }
            if recent.count >= maxInWindow {
                let frees = recent[recent.count - maxInWindow] + window
                if frees > earliest { earliest = frees }
            }
            if earliest <= now {
                recent.append(now)
                return now
            }
            // The actor is free while this task sleeps; whoever wakes first at a free slot takes it.
            try await clock.sleep(until: earliest)
        }
    }

    /// Holds every grant for `duration` from now (or longer, if a pause already runs past it).
    public func pause(for duration: Duration) {
        pausedUntil = max(pausedUntil, clock.now + duration)
    }

    /// The instant until which grants are held; zero when never paused.
    public var pausedUntilInstant: Duration { pausedUntil }
}
