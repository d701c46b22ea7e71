import Foundation
import InsiderCore

/// One element of `GET /trades/{ticker}` (SPEC section 9).
public struct TickerTrade: Sendable, Equatable {
    /// Issuer ticker.
    public var ticker: String
    /// Issuer name.
    public var companyName: String
    /// First reporting owner's name.
    public var insiderName: String
    /// Its title (SPEC section 9 rule).
    public var insiderTitle: String
    /// `OFFICER`, `DIRECTOR`, `TEN_PCT_OWNER`, `OTHER`.
    public var insiderRelation: String
    /// `isOfficer`.
    public var officer: Bool
    /// `isDirector`.
    public var director: Bool
    /// `isTenPercentOwner`.
    public var tenPctOwner: Bool
    /// Trade date.
    public var transactionDate: Day
    /// Filing date.
    public var filedDate: Day
    /// Transaction code.
    public var transactionCode: String
    /// BUY, SELL, EXERCISE, AWARD, GIFT, OTHER.
    public var transactionType: String
    /// Security title.
    public var securityTitle: String?
    /// Shares, rounded.
    public var sharesTransacted: Int64
    /// Price; nil when absent or zero.
    public var pricePerShare: Double?
    /// Value in whole dollars.
    public var totalValue: Int64
    /// Shares owned after, rounded; nil when absent.
    public var sharesOwnedAfter: Int64?
    /// Direct ownership (`D`).
    public var directOwnership: Bool
    /// Under a 10b5-1 plan.
    public var rule10b51: Bool
    /// Accession (an extra field: lets a client open the filing).
    public var accessionNumber: String

    /// Creates an element.
    public init(ticker: String, companyName: String, insiderName: String, insiderTitle: String, insiderRelation: String,
                officer: Bool, director: Bool, tenPctOwner: Bool, transactionDate: Day, filedDate: Day, transactionCode: String,
                transactionType: String, securityTitle: String?, sharesTransacted: Int64, pricePerShare: Double?,
                totalValue: Int64, sharesOwnedAfter: Int64?, directOwnership: Bool, rule10b51: Bool, accessionNumber: String) {
        self.ticker = ticker; self.companyName = companyName; self.insiderName = insiderName; self.insiderTitle = insiderTitle
        self.insiderRelation = insiderRelation; self.officer = officer; self.director = director; self.tenPctOwner = tenPctOwner
        self.transactionDate = transactionDate; self.filedDate = filedDate; self.transactionCode = transactionCode
        self.transactionType = transactionType; self.securityTitle = securityTitle; self.sharesTransacted = sharesTransacted
        self.pricePerShare = pricePerShare; self.totalValue = totalValue; self.sharesOwnedAfter = sharesOwnedAfter
        self.directOwnership = directOwnership; self.rule10b51 = rule10b51; self.accessionNumber = accessionNumber
    }

    /// The JSON object, fields in SPEC order.
    public var json: JSONValue {
        .object([
            ("ticker", .string(ticker)), ("companyName", .string(companyName)), ("insiderName", .string(insiderName)),
            ("insiderTitle", .string(insiderTitle)), ("insiderRelation", .string(insiderRelation)),
            ("officer", .bool(officer)), ("director", .bool(director)), ("tenPctOwner", .bool(tenPctOwner)),
            ("transactionDate", .string(transactionDate.description)), ("filedDate", .string(filedDate.description)),
            ("transactionCode", .string(transactionCode)), ("transactionType", .string(transactionType)),
            ("securityTitle", securityTitle.map(JSONValue.string) ?? .null),
            ("sharesTransacted", .number(String(sharesTransacted))),
            ("pricePerShare", pricePerShare.map { .number(NumberText.of($0)) } ?? .null),
            ("totalValue", .number(String(totalValue))),
            ("sharesOwnedAfter", sharesOwnedAfter.map { .number(String($0)) } ?? .null),
            ("directOwnership", .bool(directOwnership)), ("rule10b51", .bool(rule10b51)),
            ("accessionNumber", .string(accessionNumber)),
        ])
    }
}

/// Shortest JSON text of a finite double (`12.5`, `3`, `0.0001`).
public enum NumberText {
    /// The text.
    public static func of(_ value: Double) -> String {
        guard value.isFinite else { return "null" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }
}
