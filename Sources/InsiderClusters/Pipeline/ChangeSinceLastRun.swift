import InsiderCore

/// How a cluster compares with the previous completed run of the same input: the weekly digest's
/// one word per row.
public enum ChangeSinceLastRun: String, Sendable, CaseIterable {
    /// No record for the symbol in the previous run.
    case new
    /// More insiders or more value than then.
    case grown
    /// Neither figure rose and one fell.
    case shrunk
    /// Both figures as then.
    case unchanged

    /// A cluster's two figures that the comparison reads.
    public struct Figures: Sendable, Equatable {
        /// `insider_count`.
        public var insiderCount: Int64
        /// `total_value_usd`.
        public var totalValueUSD: Int64
        /// Creates figures.
        public init(insiderCount: Int64, totalValueUSD: Int64) { self.insiderCount = insiderCount; self.totalValueUSD = totalValueUSD }
        /// The figures of a dataset row.
        public init?(row: JSONValue) {
            guard let count = row["insider_count"]?.integerValue, let value = row["total_value_usd"]?.integerValue else { return nil }
            self.init(insiderCount: count, totalValueUSD: value)
        }
    }

    /// Compares `now` with `then` (nil: the symbol was not in the previous run). A rise in
    /// either figure is growth even when the other fell: a new insider is the news.
    public static func classify(_ now: Figures, then: Figures?) -> ChangeSinceLastRun {
        guard let then else { return .new }
        if now.insiderCount > then.insiderCount || now.totalValueUSD > then.totalValueUSD { return .grown }
        if now.insiderCount < then.insiderCount || now.totalValueUSD < then.totalValueUSD { return .shrunk }
        return .unchanged
    }

    /// `row` with `change_since_last_run`, `previous_insider_count` and `previous_total_value_usd`
    /// appended (the previous figures null for a new symbol).
    public static func annotate(_ row: JSONValue, previous: [String: Figures]) -> JSONValue {
        guard case .object(var fields) = row, let symbol = row["symbol"]?.stringValue, let now = Figures(row: row) else { return row }
        let then = previous[symbol]
        fields.append(("change_since_last_run", .string(classify(now, then: then).rawValue)))
        fields.append(("previous_insider_count", then.map { .number(String($0.insiderCount)) } ?? .null))
        fields.append(("previous_total_value_usd", then.map { .number(String($0.totalValueUSD)) } ?? .null))
        return .object(fields)
    }
}
