/// One cell of a store table, in the four storage classes both databases share: what `store copy`
/// moves and checksums, so a type that changed on the way (a count become a float) shows.
public enum StoreValue: Sendable, Hashable {
    /// NULL.
    case null
    /// `INTEGER` / `BIGINT`.
    case int(Int64)
    /// `DOUBLE PRECISION` (SQLite `REAL`).
    case double(Double)
    /// `TEXT`.
    case text(String)

    /// Unambiguous text for checksums: the kind, then the value (text with its length).
    public var canonical: String {
        switch self {
        case .null: "n"
        case .int(let v): "i\(v)"
        case .double(let v): "d\(v)"
        case .text(let v): "t\(v.utf8.count):\(v)"
        }
    }
}
