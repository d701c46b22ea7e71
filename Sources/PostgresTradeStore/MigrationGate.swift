/// Runs the schema migration once per store instance, before its first operation.
///
/// A failure is not remembered: an API server started before its database came up succeeds on
/// the next request instead of failing until restarted. Callers arriving during a migration wait for it.
actor MigrationGate {
    private var done = false
    private var running: Task<Void, any Error>?
    private let migrate: @Sendable () async throws -> Void

    init(_ migrate: @escaping @Sendable () async throws -> Void) { self.migrate = migrate }

    /// Returns once the schema is current; throws the migration's error.
    func ensure() async throws {
        if done { return }
        let task = running ?? Task { try await migrate() }
        running = task
        do {
            try await task.value
            done = true
        } catch {
            running = nil
            throw error
        }
    }
}
