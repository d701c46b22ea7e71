import Foundation
import GRDB
import GRDBSQLite
import InsiderCore
import TradeStore

/// One issuer's transactions of one code over a window, as `/activity` and `/cluster-buys` sum them.
struct IssuerSide {
    var issuerCIK: String = ""
    var tradeCount = 0
    var shares = 0.0
    var value: Int64 = 0
    var firstDate = Int32.max
    var lastDate = Int32.min
    /// Distinct first owners of the transactions (owner CIKs).
    var firstOwners = 0
    /// A joint filing is among them: its other owners count too (see `StoreQueries.exactInsiders`).
    var joint = false
}

/// Sums table I transactions of one code in force over a window, issuer by issuer, in one pass
/// over the covering index with SQLite's C API: the market-wide answers read tens of thousands of
/// rows, and summing them here instead of in a SQL `GROUP BY` (a temporary B-tree) keeps each
/// answer within its latency budget.
enum SideAggregator {
    static let sql = """
        SELECT t.issuer_cik, t.shares, t.value, t.trade_date, t.first_owner_cik, t.joint FROM transactions t
        WHERE t.code = ? AND t.table_code = 'N' AND t.superseded_by IS NULL AND t.trade_date >= ? AND t.trade_date <= ?
        """

    static func sides(code: String, window: LookbackWindow, db: Database) throws -> [IssuerSide] {
        let statement = try db.cachedStatement(sql: sql)
        let s = statement.sqliteStatement
        sqlite3_reset(s)
        defer { sqlite3_reset(s) }
        let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
        sqlite3_bind_text(s, 1, code, -1, transient)
        sqlite3_bind_text(s, 2, window.first.description, -1, transient)
        sqlite3_bind_text(s, 3, window.last.description, -1, transient)
        // Plain values in an array, and the owners as one list of (side, owner) pairs counted at the
        // end: a set per issuer costs an allocation per issuer and retains on every move of a side.
        var slot: [Int64: Int32] = [:]
        var sides: [IssuerSide] = []
        var pairs: [UInt64] = []
        while true {
            let rc = sqlite3_step(s)
            if rc == SQLITE_DONE { break }
            guard rc == SQLITE_ROW else {
                throw DatabaseError(resultCode: ResultCode(rawValue: rc), message: db.lastErrorMessage, sql: sql)
            }
            let issuer = number(s, 0)
            let i: Int
            if let known = slot[issuer] {
                i = Int(known)
            } else {
                i = sides.count
                slot[issuer] = Int32(i)
                sides.append(IssuerSide(issuerCIK: text(s, 0)))
            }
            let date = Int32(truncatingIfNeeded: number(s, 3))
            sides[i].tradeCount += 1
            sides[i].shares += sqlite3_column_double(s, 1)
            sides[i].value += sqlite3_column_int64(s, 2)
            if date < sides[i].firstDate { sides[i].firstDate = date }
            if date > sides[i].lastDate { sides[i].lastDate = date }
            if sqlite3_column_int64(s, 5) != 0 { sides[i].joint = true }
            // A CIK has at most 10 digits (< 2^34): the side's slot goes above it.
            pairs.append(UInt64(i) << 34 | UInt64(truncatingIfNeeded: number(s, 4)) & (1 << 34 - 1))
        }
        pairs.sort()
        var previous = UInt64.max
        for pair in pairs where pair != previous {
            sides[Int(pair >> 34)].firstOwners += 1
            previous = pair
        }
        return sides
    }

    /// The digits of a text column as one number (`0000320193` -> 320193, `2026-04-30` -> 20260430).
    static func number(_ s: OpaquePointer, _ column: Int32) -> Int64 {
        guard let p = sqlite3_column_text(s, column) else { return -1 }
        let n = Int(sqlite3_column_bytes(s, column))
        var v: Int64 = 0
        for i in 0..<n where p[i] >= 0x30 && p[i] <= 0x39 { v = v &* 10 &+ Int64(p[i] - 0x30) }
        return v
    }

    static func text(_ s: OpaquePointer, _ column: Int32) -> String {
        guard let p = sqlite3_column_text(s, column) else { return "" }
        return String(cString: p)
    }

    /// `20260430` as a day.
    static func day(_ v: Int32) -> Day? { Day(year: Int(v / 10_000), month: Int(v / 100 % 100), day: Int(v % 100)) }
}
