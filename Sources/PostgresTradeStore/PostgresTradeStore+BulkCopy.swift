import PostgresNIO
import TradeStore

/// Bulk export and import for `store copy`.
extension PostgresTradeStore {
    public func exportRows(of table: StoreTable, offset: Int, limit: Int) async throws -> [[StoreValue]] {
        try Self.requireKnown(table)
        let sql = table.pageQuery.replacingOccurrences(of: "LIMIT ? OFFSET ?", with: "LIMIT $1 OFFSET $2")
        return try await read { s in
            try await s.rows(sql, [.int(Int64(limit)), .int(Int64(offset))]).map { row in
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
    }

    public func importRows(_ rows: [[StoreValue]], into table: StoreTable) async throws {
        try Self.requireKnown(table)
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
        try await write { s in
            try await s.insert(into: table.name, columns: table.columns, rows: values, suffix: table.importConflictClause)
        }
    }

    /// Table names go into SQL text: only the schema's own are accepted.
    static func requireKnown(_ table: StoreTable) throws {
        guard StoreTable.all.contains(table) else { throw PostgresTradeStoreError("\(table.name) is not a table of the trade store") }
    }
}
