import Foundation
import Logging
import PostgresNIO
import PostgresTradeStore

/// The PostgreSQL side of StoreBench (`STORE_BENCH_POSTGRES_URL`): fresh schemas on the server,
/// and what the side-by-side table needs from it.
enum PostgresSide {
    static let logger = Logger(label: "store-bench", factory: { _ in SwiftLogNoOpLogHandler() })

    /// The server's URL, nil when the variable is unset or empty.
    static let urlText: String? = ProcessInfo.processInfo.environment["STORE_BENCH_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 }

    /// `schema` on the server, dropped with everything in it and left to the store to create.
    static func freshSchema(_ schema: String) async throws -> PostgresStoreURL {
        var url = try PostgresStoreURL(urlText ?? "")
        url.schema = schema
        try await withConnection(url) { c in
            try await c.query("DROP SCHEMA IF EXISTS \(unescaped: schema) CASCADE", logger: logger).collect()
        }
        return url
    }

    /// Bytes of the schema's tables with their indexes and TOAST (what a file size is to SQLite).
    static func sizeBytes(_ url: PostgresStoreURL) async throws -> Int64 {
        try await withConnection(url) { c in
            let rows = try await c.query("""
                SELECT COALESCE(SUM(pg_total_relation_size(c.oid)), 0)::int8 FROM pg_class c
                JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = \(url.schema ?? "public") AND c.relkind = 'r'
                """, logger: logger).collect()
            return try rows.first?.decode(Int64.self) ?? 0
        }
    }

    /// The server's version and the settings that matter to a load.
    static func settings(_ url: PostgresStoreURL) async throws -> String {
        try await withConnection(url) { c in
            var out: [String] = []
            for name in ["server_version", "shared_buffers", "fsync", "synchronous_commit", "max_wal_size"] {
                let rows = try await c.query("SELECT current_setting(\(name))", logger: logger).collect()
                out.append("\(name)=\(try rows.first?.decode(String.self) ?? "?")")
            }
            return out.joined(separator: ", ")
        }
    }

    private static func withConnection<T: Sendable>(_ url: PostgresStoreURL, _ body: (PostgresConnection) async throws -> T) async throws -> T {
        let config = PostgresConnection.Configuration(host: url.host, port: url.port, username: url.username, password: url.password,
                                                      database: url.database, tls: .disable)
        let connection = try await PostgresConnection.connect(configuration: config, id: 1, logger: logger)
        do {
            let value = try await body(connection)
            try await connection.close()
            return value
        } catch {
            try? await connection.close()
            throw error
        }
    }
}
