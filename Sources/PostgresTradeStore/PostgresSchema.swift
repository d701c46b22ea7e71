import Foundation
import PostgresNIO
import SQLiteTradeStore

/// The SQLite store's versioned migrations, applied to PostgreSQL under an advisory lock.
enum PostgresSchema {
    /// Every migration, oldest first, by the same identifiers GRDB records for the SQLite store.
    static let migrations: [(id: String, statements: [String])] = [
        ("v1", TradeStoreSchema.v1.map(binaryCollation)),
    ]

    /// The high half of every advisory-lock key of this product, "ICTS".
    static let lockNamespace: Int64 = 0x4943_5453

    /// The SQLite schema's statements with every `TEXT` column in the "C" collation: SQLite compares
    /// and sorts text byte by byte, and the answers' order (tickers, accessions, ISO dates) must not
    /// depend on the server's locale.
    static func binaryCollation(_ statement: String) -> String {
        statement.replacingOccurrences(of: #"\bTEXT\b"#, with: #"TEXT COLLATE "C""#, options: .regularExpression)
    }

    /// Applies pending migrations. Holds a session advisory lock meanwhile, so processes that start
    /// together migrate one after the other and the later ones find nothing to do.
    static func migrate(_ session: PostgresSession, schema: String?) async throws {
        let key = lockKey(schema)
        try await session.execute("SELECT pg_advisory_lock($1)", [.int(key)])
        do {
            try await migrateLocked(session, schema: schema)
            try await session.execute("SELECT pg_advisory_unlock($1)", [.int(key)])
        } catch {
            // The lock is the session's: a broken connection frees it too.
            try? await session.execute("SELECT pg_advisory_unlock($1)", [.int(key)])
            throw error
        }
    }

    private static func migrateLocked(_ session: PostgresSession, schema: String?) async throws {
        if let schema {
            try await session.execute("CREATE SCHEMA IF NOT EXISTS \"\(schema)\"")
            try await session.execute("SELECT set_config('search_path', $1, false)", [.text("\"\(schema)\"")])
        }
        try await session.execute("CREATE TABLE IF NOT EXISTS schema_migrations (identifier TEXT COLLATE \"C\" PRIMARY KEY)")
        let applied = Set(try await session.texts("SELECT identifier FROM schema_migrations"))
        for migration in migrations where !applied.contains(migration.id) {
            try await session.execute("BEGIN")
            do {
                for statement in migration.statements { try await session.execute(statement) }
                try await session.execute("INSERT INTO schema_migrations (identifier) VALUES ($1)", [.text(migration.id)])
                try await session.execute("COMMIT")
            } catch {
                try? await session.execute("ROLLBACK")
                throw error
            }
        }
    }

    /// The advisory-lock key that migrations and loads take: one per schema, so stores in different
    /// schemas of one database (the tests' fresh schemas) do not wait on each other.
    static func lockKey(_ schema: String?) -> Int64 {
        var hash: UInt32 = 2_166_136_261
        for byte in (schema ?? "public").utf8 { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
        return lockNamespace << 32 | Int64(hash)
    }
}
