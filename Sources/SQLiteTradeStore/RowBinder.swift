import GRDB
import GRDBSQLite

/// Binds one row's values straight to a prepared statement and steps it: a quarter inserts some
/// 250,000 rows, and going through SQLite's C API directly keeps that within the load budget.
struct RowBinder {
    private let statement: SQLiteStatement
    private var index: Int32 = 1

    /// SQLite copies the bytes before the call returns.
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    /// Resets `statement`, lets `bind` fill its parameters in order, and runs it.
    static func run(_ statement: Statement, in db: Database, _ bind: (inout RowBinder) -> Void) throws {
        let s = statement.sqliteStatement
        sqlite3_reset(s)
        var binder = RowBinder(statement: s)
        bind(&binder)
        let code = sqlite3_step(s)
        sqlite3_reset(s)
        guard code == SQLITE_DONE else {
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: db.lastErrorMessage, sql: statement.sql)
        }
    }

    mutating func text(_ value: String?) {
        if let value { sqlite3_bind_text(statement, index, value, -1, RowBinder.transient) } else { sqlite3_bind_null(statement, index) }
        index += 1
    }

    mutating func int(_ value: Int64?) {
        if let value { sqlite3_bind_int64(statement, index, value) } else { sqlite3_bind_null(statement, index) }
        index += 1
    }

    mutating func bool(_ value: Bool?) { int(value.map { $0 ? 1 : 0 }) }

    mutating func double(_ value: Double?) {
        if let value { sqlite3_bind_double(statement, index, value) } else { sqlite3_bind_null(statement, index) }
        index += 1
    }
}
