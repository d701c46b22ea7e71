import PostgresNIO

/// One statement parameter, typed as the column it fills: a NULL is sent with its column's type,
/// which a multi-row `VALUES` list needs to type the whole column.
enum PostgresValue: Sendable {
    /// `TEXT`.
    case text(String?)
    /// `INTEGER` or `BIGINT` (flags are 0 and 1, as in the SQLite schema).
    case int(Int64?)
    /// `DOUBLE PRECISION`.
    case double(Double?)
    /// `TEXT[]`, for `= ANY($n)` in place of SQLite's `IN (?, ?, ...)`.
    case texts([String])
    /// A NULL sent without a type, taking its column's (bulk import, where the column's type is not known here).
    case null

    /// 0 or 1, as the schema stores flags; nil stays NULL.
    static func flag(_ value: Bool?) -> PostgresValue { .int(value.map { $0 ? 1 : 0 }) }

    func bind(into binds: inout PostgresBindings) {
        switch self {
        case .text(let v): binds.append(v)
        case .int(let v): binds.append(v)
        case .double(let v): binds.append(v)
        case .texts(let v): binds.append(v)
        case .null: binds.appendNull()
        }
    }
}
