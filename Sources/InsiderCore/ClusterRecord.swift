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
public struct ClusterInsider: Sendable, Hashable, Encodable {
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

    enum CodingKeys: String, CodingKey {
        case name, cik, roles, weight, trades, shares, valueUSD = "value_usd", firstBuyDate = "first_buy_date", lastBuyDate = "last_buy_date"
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encodeOrNull(cik, forKey: .cik)
        try c.encode(roles.map(\.rawValue), forKey: .roles)
        try c.encode(weight, forKey: .weight)
        try c.encode(trades, forKey: .trades)
        try c.encode(shares, forKey: .shares)
        try c.encode(valueUSD, forKey: .valueUSD)
        try c.encode(firstBuyDate, forKey: .firstBuyDate)
        try c.encode(lastBuyDate, forKey: .lastBuyDate)
    }
}

/// The `edgar` object of a record (SPEC section 6).
public struct EdgarReport: Sendable, Hashable, Encodable {
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

    enum CodingKeys: String, CodingKey { case checked, matched, discrepancies, rule10b5_1Buys = "rule_10b5_1_buys", errors }
}

/// One dataset row: a cluster of insider buys in one ticker (SPEC section 5).
public struct ClusterRecord: Sendable, Hashable, Encodable {
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

    enum CodingKeys: String, CodingKey {
        case symbol, companyName = "company_name", sector, issuerCIK = "issuer_cik",
             clusterStartDate = "cluster_start_date", clusterEndDate = "cluster_end_date",
             insiderCount = "insider_count", insiderNames = "insider_names", insiderRoles = "insider_roles",
             totalSharesBought = "total_shares_bought", totalValueUSD = "total_value_usd",
             currentStockPrice = "current_stock_price",
             stockMoveSinceClusterStartPct = "stock_move_since_cluster_start_pct", isAllBuy = "is_all_buy",
             clusterStrengthScore = "cluster_strength_score", topInsider = "top_insider", dataSource = "data_source",
             insiders, edgar, asOfDate = "as_of_date", windowDays = "window_days",
             sellOrExerciseCount = "sell_or_exercise_count"
    }

    /// The SPEC field names in SPEC order; CSV columns start with these.
    public static let specFieldOrder: [String] = [
        "symbol", "company_name", "sector", "issuer_cik", "cluster_start_date", "cluster_end_date", "insider_count",
        "insider_names", "insider_roles", "total_shares_bought", "total_value_usd", "current_stock_price",
        "stock_move_since_cluster_start_pct", "is_all_buy", "cluster_strength_score", "top_insider", "data_source",
        "insiders", "edgar",
    ]

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(symbol, forKey: .symbol)
        try c.encode(companyName, forKey: .companyName)
        try c.encodeOrNull(sector, forKey: .sector)
        try c.encodeOrNull(issuerCIK, forKey: .issuerCIK)
        try c.encode(clusterStartDate, forKey: .clusterStartDate)
        try c.encode(clusterEndDate, forKey: .clusterEndDate)
        try c.encode(insiderCount, forKey: .insiderCount)
        try c.encode(insiderNames, forKey: .insiderNames)
        try c.encode(insiderRoles.map(\.rawValue), forKey: .insiderRoles)
        try c.encode(totalSharesBought, forKey: .totalSharesBought)
        try c.encode(totalValueUSD, forKey: .totalValueUSD)
        try c.encode(currentStockPrice, forKey: .currentStockPrice)
        try c.encodeOrNull(stockMoveSinceClusterStartPct, forKey: .stockMoveSinceClusterStartPct)
        try c.encode(isAllBuy, forKey: .isAllBuy)
        try c.encode(clusterStrengthScore, forKey: .clusterStrengthScore)
        try c.encode(topInsider, forKey: .topInsider)
        try c.encode(dataSource, forKey: .dataSource)
        try c.encode(insiders, forKey: .insiders)
        try c.encode(edgar, forKey: .edgar)
        try c.encode(asOfDate, forKey: .asOfDate)
        try c.encode(windowDays, forKey: .windowDays)
        try c.encode(sellOrExerciseCount, forKey: .sellOrExerciseCount)
    }
}

extension KeyedEncodingContainer {
    /// Writes `null` for nil so every record has every field.
    mutating func encodeOrNull<T: Encodable>(_ value: T?, forKey key: Key) throws {
        if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
    }
}

/// Rounds half away from zero to `places` decimals.
public func rounded(_ x: Double, places: Int) -> Double {
    let f = pow(10.0, Double(places))
    return (x * f).rounded(.toNearestOrAwayFromZero) / f
}
