import PostgresNIO
import TradeStore

/// Bulk export and import for `store copy`.
extension PostgresTradeStore {
    public func exportRows(of table: StoreTable, offset: Int, limit: Int) async throws -> [[StoreValue]] {
        try Self.requireKnown(table)
        return try await read { s in try await PostgresBulkSession(session: s).exportRows(of: table, offset: offset, limit: limit) }
    }

    /// One transaction on one connection (with the load lock, so no load interleaves): `body`'s
    /// rows commit together when it returns and roll back when anything throws. An error of
    /// `body`'s own (a failing source, a checksum that does not match) reaches the caller as it is.
    public func importAtomically(_ body: (any StoreImporter) async throws -> Void) async throws {
        var bodyError: (any Error)?
        do {
            try await write(exclusive: true) { s in
                do { try await body(PostgresBulkSession(session: s)) } catch {
                    bodyError = error
                    throw error
                }
            }
        } catch {
            // The server's own errors arrive explained (and without the password) as every other operation's do.
            if let bodyError, !(bodyError is PSQLError) { throw bodyError }
            throw error
        }
    }

    /// Table names go into SQL text: only the schema's own are accepted.
    static func requireKnown(_ table: StoreTable) throws {
        guard StoreTable.all.contains(table) else { throw PostgresTradeStoreError("\(table.name) is not a table of the trade store") }
    }
}

/// Export and import on a session inside its caller's transaction.
struct PostgresBulkSession: StoreImporter {
    let session: PostgresSession

    func exportRows(of table: StoreTable, offset: Int, limit: Int) async throws -> [[StoreValue]] {
        try PostgresTradeStore.requireKnown(table)
        let sql = table.pageQuery.replacingOccurrences(of: "LIMIT ? OFFSET ?", with: "LIMIT $1 OFFSET $2")
        return try await session.rows(sql, [.int(Int64(limit)), .int(Int64(offset))]).map { row in
            try row.map { cell -> StoreValue in
                guard cell.bytes != nil else { return .null }
                switch cell.dataType {
                case .int2, .int4, .int8: return .int(try cell.decode(Int64.self))
                case .float4, .float8: return .double(try cell.decode(Double.self))
                default: return .text(try cell.decode(String.self))
                }
            }
        }
    }

    func importRows(_ rows: [[StoreValue]], into table: StoreTable) async throws {
        try PostgresTradeStore.requireKnown(table)
        let values = rows.map { row in
            row.map { value -> PostgresValue in
                switch value {
                case .null: .null
                case .int(let v): .int(v)
                case .double(let v): .double(v)
                case .text(let v): .text(v)
                }
            }
        }
        try await session.insert(into: table.name, columns: table.columns, rows: values, suffix: table.importConflictClause)
    }
}
