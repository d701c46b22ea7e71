import Foundation
@testable import InsiderClusters

/// A limiter clock that never waits: sleeping moves virtual time forward to the deadline, so the
/// limiter's schedule is checked exactly and instantly, whatever the machine's load.
final class VirtualClock: LimiterClock, @unchecked Sendable {
    private let lock = NSLock()
    private var current: Duration = .zero

    var now: Duration { lock.withLock { current } }

    func sleep(until deadline: Duration) async throws {
        lock.withLock { current = max(current, deadline) }
        await Task.yield()
    }
}
