import NIOConcurrencyHelpers

/// Asks the store through `operation` with a bounded time: `503 timeout` after `limit`, and
/// `503 store_unavailable` when the store fails (a database that went away, a dropped connection),
/// so a client sees a JSON error it may retry, never a 500 or a hung request. The next request
/// asks again, so the API recovers by itself when the store returns.
///
/// The operation runs in a task of its own that is cancelled, not awaited, once the time is up:
/// a database driver may keep a request queued for a connection until the server is back, and a
/// task group would wait for it (its children always finish before it returns).
func askStore<T: Sendable>(within limit: Duration, _ operation: @escaping @Sendable () async throws -> T) async throws -> T {
    let work = Task { try await operation() }
    let outcome: Result<T, any Error> = await withTaskCancellationHandler {
        await withCheckedContinuation { (continuation: CheckedContinuation<Result<T, any Error>, Never>) in
            let first = FirstOutcome(continuation)
            let timer = Task {
                try? await Task.sleep(for: limit)
                if first.resume(.failure(APIError(.serviceUnavailable, code: "timeout",
                                                  message: "the store did not answer within \(limit); try again later"))) {
                    work.cancel()
                }
            }
            Task {
                let result = await work.result
                if first.resume(result) { timer.cancel() }
            }
        }
    } onCancel: {
        work.cancel()
    }
    switch outcome {
    case .success(let value):
        return value
    case .failure(let error as APIError):
        throw error
    case .failure(is CancellationError):
        throw CancellationError()
    case .failure(let error):
        throw APIError(.serviceUnavailable, code: "store_unavailable", message: "the trade store does not answer; try again later",
                       cause: error)
    }
}

/// Resumes a continuation with whichever outcome arrives first; later ones are dropped.
private final class FirstOutcome<T: Sendable>: Sendable {
    private let continuation: NIOLockedValueBox<CheckedContinuation<Result<T, any Error>, Never>?>

    init(_ continuation: CheckedContinuation<Result<T, any Error>, Never>) {
        self.continuation = NIOLockedValueBox(continuation)
    }

    /// Whether this call was the first (and so resumed the waiter).
    func resume(_ outcome: Result<T, any Error>) -> Bool {
        guard let waiting = continuation.withLockedValue({ c -> CheckedContinuation<Result<T, any Error>, Never>? in
            defer { c = nil }
            return c
        }) else { return false }
        waiting.resume(returning: outcome)
        return true
    }
}
