/// Runs `operation`, giving up with `503 timeout` after `limit` (bounded request time).
func withDeadline<T: Sendable>(_ limit: Duration, _ operation: @escaping @Sendable () async throws -> T) async throws -> T {
    try await withThrowingTaskGroup(of: T.self) { group in
        group.addTask { try await operation() }
        group.addTask {
            try await Task.sleep(for: limit)
            throw APIError(.serviceUnavailable, code: "timeout", message: "the store did not answer within \(limit); try again later")
        }
        defer { group.cancelAll() }
        return try await group.next()!
    }
}
