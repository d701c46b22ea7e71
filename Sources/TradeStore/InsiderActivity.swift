import InsiderCore

/// The body of `GET /activity` (SPEC section 9).
public struct InsiderActivity: Sendable, Equatable {
    /// Non-derivative `P` transactions by issuer, by total value descending then ticker.
    public var buys: [ActivityEntry]
    /// Non-derivative `S` transactions by issuer, same order.
    public var sells: [ActivityEntry]

    /// Creates a body.
    public init(buys: [ActivityEntry], sells: [ActivityEntry]) { self.buys = buys; self.sells = sells }

    /// The JSON body, fields in SPEC order.
    public var json: JSONValue { .object([("buys", .array(buys.map(\.json))), ("sells", .array(sells.map(\.json)))]) }
}

/// One issuer's buys or sells over the window.
public struct ActivityEntry: Sendable, Equatable {
    /// Issuer ticker.
    public var ticker: String
    /// Issuer name.
    public var companyName: String
    /// Transactions.
    public var tradeCount: Int
    /// Distinct owner CIKs.
    public var insiderCount: Int
    /// Sum of shares, rounded.
    public var totalShares: Int64
    /// Sum of values.
    public var totalValue: Int64
    /// Latest trade date.
    public var latestDate: Day
    /// First reporting owner of the latest transaction.
    public var latestInsider: String
    /// That owner's title (SPEC section 9).
    public var latestTitle: String

    /// Creates an entry.
    public init(ticker: String, companyName: String, tradeCount: Int, insiderCount: Int, totalShares: Int64,
                totalValue: Int64, latestDate: Day, latestInsider: String, latestTitle: String) {
        self.ticker = ticker; self.companyName = companyName; self.tradeCount = tradeCount; self.insiderCount = insiderCount
        self.totalShares = totalShares; self.totalValue = totalValue; self.latestDate = latestDate
        self.latestInsider = latestInsider; self.latestTitle = latestTitle
    }

    /// The JSON object, fields in SPEC order.
    public var json: JSONValue {
        .object([
            ("ticker", .string(ticker)), ("companyName", .string(companyName)),
            ("tradeCount", .number(String(tradeCount))), ("insiderCount", .number(String(insiderCount))),
            ("totalShares", .number(String(totalShares))), ("totalValue", .number(String(totalValue))),
            ("latestDate", .string(latestDate.description)), ("latestInsider", .string(latestInsider)),
            ("latestTitle", .string(latestTitle)),
        ])
    }
}
