import Foundation
import GRDB
import TradeStore

/// Bulk export and import for `store copy`.
extension SQLiteTradeStore {
    public func exportRows(of table: StoreTable, offset: Int, limit: Int) async throws -> [[StoreValue]] {
        try Self.requireKnown(table)
        return try await pool.read { db in
            try Row.fetchAll(db, sql: table.pageQuery, arguments: [limit, offset]).map { row in
                (0..<row.count).map { i in
                    switch (row[i] as DatabaseValue).storage {
                    case .null: .null
                    case .int64(let v): .int(v)
                    case .double(let v): .double(v)
                    case .string(let v): .text(v)
                    case .blob(let v): .text(String(decoding: v, as: UTF8.self))
                    }
                }
            }
        }
    }

    /// Imports into a staging file beside the store (a store of its own, which `body` reads back),
    /// then moves its rows into this one in a single transaction; the staging file is removed
    /// either way, so a failed import leaves no trace here.
    public func importAtomically(_ body: (any StoreImporter) async throws -> Void) async throws {
        let stagingPath = path + ".import-\(UUID().uuidString)"
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: stagingPath + suffix) } }
        let staging = try SQLiteTradeStore(path: stagingPath)
        try await body(staging)
        try staging.pool.close()
        try await pool.writeWithoutTransaction { db in
            try db.execute(sql: "ATTACH DATABASE ? AS staged", arguments: [stagingPath])
            defer { try? db.execute(sql: "DETACH DATABASE staged") }
            try db.inTransaction {
                for table in StoreTable.all {
                    let columns = table.columns.joined(separator: ", ")
                    // `WHERE true` keeps SQLite from reading the upsert clause as a join's ON.
                    try db.execute(sql: """
                        INSERT INTO main.\(table.name) (\(columns)) SELECT \(columns) FROM staged.\(table.name) WHERE true \(table.importConflictClause)
                        """)
                }
                return .commit
            }
        }
    }
}

extension SQLiteTradeStore: StoreImporter {
    public func importRows(_ rows: [[StoreValue]], into table: StoreTable) async throws {
        try Self.requireKnown(table)
        let marks = Array(repeating: "?", count: table.columns.count).joined(separator: ", ")
        let sql = "INSERT INTO \(table.name) (\(table.columns.joined(separator: ", "))) VALUES (\(marks)) \(table.importConflictClause)"
        try await pool.write { db in
            let statement = try db.cachedStatement(sql: sql)
            for row in rows {
                try statement.execute(arguments: StatementArguments(row.map { value -> DatabaseValue in
                    switch value {
                    case .null: .null
                    case .int(let v): v.databaseValue
                    case .double(let v): v.databaseValue
                    case .text(let v): v.databaseValue
                    }
                }))
            }
        }
    }

    /// Table names go into SQL text: only the schema's own are accepted.
    static func requireKnown(_ table: StoreTable) throws {
        guard StoreTable.all.contains(table) else { throw SQLiteTradeStoreError("\(table.name) is not a table of the trade store") }
    }
}
