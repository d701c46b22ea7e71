import Foundation

/// What the run is asked for, in the core's terms (SPEC section 1, already validated).
public struct ClusterCriteria: Sendable, Hashable {
    /// Minimum distinct insiders.
    public var minClusterSize: Int
    /// Window N in days (30, 60, 90).
    public var windowDays: Int
    /// Minimum total value of the qualifying buys, dollars.
    public var minValueUSD: Int64
    /// Drop tickers with any sell-or-exercise in the lookback.
    public var excludeSells: Bool
    /// Restrict to these tickers (empty: all).
    public var tickers: [String]
    /// How many records to keep.
    public var limit: Int
    /// Fill `sector`.
    public var includeIndustry: Bool

    /// Creates criteria.
    public init(minClusterSize: Int = 3, windowDays: Int = 30, minValueUSD: Int64 = 25000, excludeSells: Bool = true,
                tickers: [String] = [], limit: Int = 25, includeIndustry: Bool = true) {
        self.minClusterSize = minClusterSize; self.windowDays = windowDays; self.minValueUSD = minValueUSD
        self.excludeSells = excludeSells; self.tickers = tickers; self.limit = limit; self.includeIndustry = includeIndustry
    }
}

/// One insider of a cluster (SPEC section 5, `insiders`).
public struct ClusterInsider: Sendable, Hashable {
    /// Name on the insider's earliest qualifying buy.
    public var name: String
    /// Owner CIK, when known.
    public var cik: String?
    /// Distinct roles, ordered by weight then name.
    public var roles: [Role]
    /// Largest weight among the roles.
    public var weight: Int
    /// Qualifying buys.
    public var trades: Int
    /// Shares bought.
    public var shares: Int64
    /// Dollars bought.
    public var valueUSD: Int64
    /// First and last qualifying buy dates.
    public var firstBuyDate: Day
    /// Last qualifying buy date.
    public var lastBuyDate: Day


}

/// The `edgar` object of a record (SPEC section 6).
public struct EdgarReport: Sendable, Hashable {
    /// Buys whose filing was fetched and parsed.
    public var checked: Int
    /// Of those, buys whose figures agreed with the filing.
    public var matched: Int
    /// Differences found.
    public var discrepancies: [Discrepancy]
    /// Qualifying buys on filings with the 10b5-1 box checked or a 10b5-1 footnote on the row.
    public var rule10b5_1Buys: Int
    /// Filings that could not be fetched or matched, and why nothing was verified.
    public var errors: [String]

    /// Creates a report.
    public init(checked: Int = 0, matched: Int = 0, discrepancies: [Discrepancy] = [], rule10b5_1Buys: Int = 0, errors: [String] = []) {
        self.checked = checked; self.matched = matched; self.discrepancies = discrepancies
        self.rule10b5_1Buys = rule10b5_1Buys; self.errors = errors
    }

}

/// One dataset row: a cluster of insider buys in one ticker (SPEC section 5).
public struct ClusterRecord: Sendable, Hashable {
    public var symbol: String
    public var companyName: String
    public var sector: String?
    public var issuerCIK: String?
    public var clusterStartDate: Day
    public var clusterEndDate: Day
    public var insiderCount: Int
    public var insiderNames: [String]
    public var insiderRoles: [Role]
    public var totalSharesBought: Int64
    public var totalValueUSD: Int64
    public var currentStockPrice: Double
    /// Nil when the first buy's price is zero (a move from $0 has no percentage).
    public var stockMoveSinceClusterStartPct: Double?
    public var isAllBuy: Bool
    public var clusterStrengthScore: Double
    public var topInsider: String
    public var dataSource: String
    public var insiders: [ClusterInsider]
    public var edgar: EdgarReport
    /// Extra: the as-of date D and window used.
    public var asOfDate: Day
    /// Extra: N.
    public var windowDays: Int
    /// Extra: sells and exercises (S, D, M, X) by any insider of the ticker in the lookback.
    public var sellOrExerciseCount: Int


    /// The SPEC field names in SPEC order; CSV columns start with these.
    public static let specFieldOrder: [String] = [
        "symbol", "company_name", "sector", "issuer_cik", "cluster_start_date", "cluster_end_date", "insider_count",
        "insider_names", "insider_roles", "total_shares_bought", "total_value_usd", "current_stock_price",
        "stock_move_since_cluster_start_pct", "is_all_buy", "cluster_strength_score", "top_insider", "data_source",
        "insiders", "edgar",
    ]

}


/// Rounds half away from zero to `places` decimals.
public func rounded(_ x: Double, places: Int) -> Double {
    let f = pow(10.0, Double(places))
    return (x * f).rounded(.toNearestOrAwayFromZero) / f
}

extension JSONValue {
    static func int<T: BinaryInteger>(_ v: T) -> JSONValue { .number(String(v)) }
    static func double(_ v: Double) -> JSONValue {
        guard v.isFinite else { return .null }
        if v.rounded() == v && abs(v) < 1e15 { return .number(String(Int64(v))) }
        return .number(String(v))
    }
    static func optional(_ s: String?) -> JSONValue { s.map { .string($0) } ?? .null }
    static func strings(_ a: [String]) -> JSONValue { .array(a.map { .string($0) }) }
}

extension Discrepancy {
    /// `{accession, owner_cik, field, openinsider, edgar}`.
    public var json: JSONValue {
        .object([("accession", .string(accession)), ("owner_cik", .optional(ownerCIK)), ("field", .string(field)),
                 ("openinsider", .string(openinsider)), ("edgar", .string(edgar))])
    }
}

extension ClusterInsider {
    /// The insider as a record's `insiders` element.
    public var json: JSONValue {
        .object([("name", .string(name)), ("cik", .optional(cik)), ("roles", .strings(roles.map(\.rawValue))),
                 ("weight", .int(weight)), ("trades", .int(trades)), ("shares", .int(shares)), ("value_usd", .int(valueUSD)),
                 ("first_buy_date", .string(firstBuyDate.description)), ("last_buy_date", .string(lastBuyDate.description))])
    }
}

extension EdgarReport {
    /// The record's `edgar` object.
    public var json: JSONValue {
        .object([("checked", .int(checked)), ("matched", .int(matched)), ("discrepancies", .array(discrepancies.map(\.json))),
                 ("rule_10b5_1_buys", .int(rule10b5_1Buys)), ("errors", .strings(errors))])
    }
}

extension ClusterRecord {
    /// The dataset row: SPEC fields in SPEC order (explicit nulls), then the extras.
    public var json: JSONValue {
        .object([
            ("symbol", .string(symbol)), ("company_name", .string(companyName)), ("sector", .optional(sector)),
            ("issuer_cik", .optional(issuerCIK)), ("cluster_start_date", .string(clusterStartDate.description)),
            ("cluster_end_date", .string(clusterEndDate.description)), ("insider_count", .int(insiderCount)),
            ("insider_names", .strings(insiderNames)), ("insider_roles", .strings(insiderRoles.map(\.rawValue))),
            ("total_shares_bought", .int(totalSharesBought)), ("total_value_usd", .int(totalValueUSD)),
            ("current_stock_price", .double(currentStockPrice)),
            ("stock_move_since_cluster_start_pct", stockMoveSinceClusterStartPct.map { .double($0) } ?? .null),
            ("is_all_buy", .bool(isAllBuy)), ("cluster_strength_score", .double(clusterStrengthScore)),
            ("top_insider", .string(topInsider)), ("data_source", .string(dataSource)),
            ("insiders", .array(insiders.map(\.json))), ("edgar", edgar.json),
            ("as_of_date", .string(asOfDate.description)), ("window_days", .int(windowDays)),
            ("sell_or_exercise_count", .int(sellOrExerciseCount)),
        ])
    }
}
