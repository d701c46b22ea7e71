import Foundation
import Logging
import PostgresNIO
@testable import PostgresTradeStore

/// The test server named by `TRADE_STORE_TEST_POSTGRES_URL`.
enum TestPostgres {
    /// The URL, nil when the variable is unset or empty.
    static let url: String? = ProcessInfo.processInfo.environment["TRADE_STORE_TEST_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 }

    /// The server's URL with a schema no other test uses, so tests stay independent and may run together.
    static func freshURL() throws -> PostgresStoreURL {
        guard let url else { throw PostgresTradeStoreError("TRADE_STORE_TEST_POSTGRES_URL is not set") }
        var parsed = try PostgresStoreURL(url)
        parsed.schema = "ts_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        return parsed
    }

    /// A file path in a new temporary folder.
    static func temporarySQLitePath() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("ts-\(UUID().uuidString)").appendingPathComponent("trades.sqlite").path
    }

    /// Logs nothing: the tests read results, not log lines.
    static let logger = Logger(label: "trade-store-tests", factory: { _ in SwiftLogNoOpLogHandler() })

    /// Runs `body` on a connection of its own to `url`'s database and schema, outside any store.
    static func withAdminConnection<T: Sendable>(_ url: PostgresStoreURL, _ body: (PostgresConnection) async throws -> T) async throws -> T {
        let client = PostgresClient(configuration: url.clientConfiguration(poolSize: 1), backgroundLogger: logger)
        let runner = Task { await client.run() }
        defer { runner.cancel() }
        return try await client.withConnection { try await body($0) }
    }

    /// The backend that waits on a lock `admin` holds; polls until one does (the load under test
    /// gets there after its inserts) and fails after about a minute. Asking by blocker, not by
    /// statement text, keeps a test run from finding another run's backend.
    static func backendBlocked(by admin: PostgresConnection) async throws -> Int32 {
        for _ in 0..<1_200 {
            // Inside a transaction the activity view is a snapshot taken once: drop it each time.
            try await admin.query("SELECT pg_stat_clear_snapshot()", logger: logger)
            let rows = try await admin.query("""
                SELECT pid FROM pg_stat_activity WHERE pg_backend_pid() = ANY(pg_blocking_pids(pid))
                """, logger: logger).collect()
            if let pid = try rows.first?.decode(Int32.self) { return pid }
            try await Task.sleep(nanoseconds: 50_000_000)
        }
        throw PostgresTradeStoreError("no backend ever waited on the test's lock")
    }

    /// `task`'s result, or nil when it has not ended within `limit` (the task is then cancelled and left behind).
    static func outcome<T: Sendable>(of task: Task<T, any Error>, within limit: Duration) async throws -> Result<T, any Error>? {
        let first = FirstOf<Result<T, any Error>?>()
        return await withCheckedContinuation { continuation in
            first.set(continuation)
            Task { first.resume(await task.result) }
            Task {
                try? await Task.sleep(for: limit)
                task.cancel()
                first.resume(nil)
            }
        }
    }
}

/// Resumes a continuation (set before anything can arrive) with whichever value arrives first.
final class FirstOf<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var continuation: CheckedContinuation<T, Never>?

    func set(_ c: CheckedContinuation<T, Never>) { lock.withLock { continuation = c } }

    func resume(_ value: T) {
        let c: CheckedContinuation<T, Never>? = lock.withLock {
            defer { continuation = nil }
            return continuation
        }
        c?.resume(returning: value)
    }
}
