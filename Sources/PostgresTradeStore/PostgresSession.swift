import Logging
import PostgresNIO

/// One leased connection, inside the transaction its caller opened: statements with `$n`
/// placeholders and typed parameters, rows read by position as GRDB's rows are.
struct PostgresSession {
    let connection: PostgresConnection
    let logger: Logger

    /// `sql` written with `?` placeholders (the portable queries) with them numbered `$1`, `$2`, ...
    static func numbered(_ sql: String) -> String {
        var out = ""
        var n = 0
        for c in sql {
            if c == "?" { n += 1; out += "$\(n)" } else { out.append(c) }
        }
        return out
    }

    /// Every row `sql` returns.
    func rows(_ sql: String, _ values: [PostgresValue] = []) async throws -> [PostgresRandomAccessRow] {
        var binds = PostgresBindings(capacity: values.count)
        for v in values { v.bind(into: &binds) }
        let sequence = try await connection.query(PostgresQuery(unsafeSQL: sql, binds: binds), logger: logger)
        return try await sequence.collect().map { $0.makeRandomAccess() }
    }

    /// The first column of every row, as text.
    func texts(_ sql: String, _ values: [PostgresValue] = []) async throws -> [String] {
        try await rows(sql, values).map { try $0.text(0) }
    }

    /// Runs `sql` for its effect.
    func execute(_ sql: String, _ values: [PostgresValue] = []) async throws {
        _ = try await rows(sql, values)
    }

    /// Inserts `rows` with one multi-row `INSERT` per `batch` rows: a quarter's quarter of a
    /// million rows then costs hundreds of round trips, not hundreds of thousands.
    func insert(into table: String, columns: [String], rows: [[PostgresValue]], suffix: String = "", batch: Int = 500) async throws {
        let head = "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES "
        for start in stride(from: 0, to: rows.count, by: batch) {
            let chunk = rows[start..<min(start + batch, rows.count)]
            var sql = head
            var binds = PostgresBindings(capacity: chunk.count * columns.count)
            var n = 0
            for (i, row) in chunk.enumerated() {
                sql += i == 0 ? "(" : ", ("
                for (j, v) in row.enumerated() {
                    n += 1
                    sql += j == 0 ? "$\(n)" : ", $\(n)"
                    v.bind(into: &binds)
                }
                sql += ")"
            }
            if !suffix.isEmpty { sql += " " + suffix }
            _ = try await connection.query(PostgresQuery(unsafeSQL: sql, binds: binds), logger: logger).collect()
        }
    }
}
