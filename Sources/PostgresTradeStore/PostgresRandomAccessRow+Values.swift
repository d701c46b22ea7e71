import PostgresNIO

/// Reading a row by position, in the column types the schema uses.
extension PostgresRandomAccessRow {
    /// A `TEXT` that is never NULL.
    func text(_ i: Int) throws -> String { try self[i].decode(String.self) }
    /// A `TEXT` that may be NULL.
    func optionalText(_ i: Int) throws -> String? { try self[i].decode(String?.self) }
    /// An `INTEGER` or `BIGINT` (counts, flags, sums cast to `BIGINT`).
    func int64(_ i: Int) throws -> Int64 { try self[i].decode(Int64.self) }
    /// An `INTEGER` or `BIGINT` that may be NULL (a flag read through a LEFT JOIN).
    func optionalInt64(_ i: Int) throws -> Int64? { try self[i].decode(Int64?.self) }
    /// `int64(i)` as `Int`.
    func int(_ i: Int) throws -> Int { Int(try int64(i)) }
    /// A `DOUBLE PRECISION` that may be NULL.
    func optionalDouble(_ i: Int) throws -> Double? { try self[i].decode(Double?.self) }
}
