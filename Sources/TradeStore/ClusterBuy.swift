import InsiderCore

/// One element of `GET /cluster-buys` (SPEC section 9).
public struct ClusterBuy: Sendable, Equatable {
    /// Issuer ticker.
    public var ticker: String
    /// Issuer name.
    public var companyName: String
    /// Distinct owner CIKs among the `P` transactions.
    public var insiderCount: Int
    /// `P` transactions.
    public var tradeCount: Int
    /// Sum of shares, rounded.
    public var totalShares: Int64
    /// Sum of values.
    public var totalValue: Int64
    /// Earliest trade date.
    public var firstBuyDate: Day
    /// Latest trade date.
    public var lastBuyDate: Day

    /// Creates an element.
    public init(ticker: String, companyName: String, insiderCount: Int, tradeCount: Int, totalShares: Int64,
                totalValue: Int64, firstBuyDate: Day, lastBuyDate: Day) {
        self.ticker = ticker; self.companyName = companyName; self.insiderCount = insiderCount; self.tradeCount = tradeCount
        self.totalShares = totalShares; self.totalValue = totalValue; self.firstBuyDate = firstBuyDate; self.lastBuyDate = lastBuyDate
    }

    /// The JSON object, fields in SPEC order.
    public var json: JSONValue {
        .object([
            ("ticker", .string(ticker)), ("companyName", .string(companyName)),
            ("insiderCount", .number(String(insiderCount))), ("tradeCount", .number(String(tradeCount))),
            ("totalShares", .number(String(totalShares))), ("totalValue", .number(String(totalValue))),
            ("firstBuyDate", .string(firstBuyDate.description)), ("lastBuyDate", .string(lastBuyDate.description)),
        ])
    }
}
