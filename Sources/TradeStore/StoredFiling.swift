import Foundation
import InsiderCore

/// Where a filing's figures came from.
public enum FilingSource: String, Sendable, Hashable, Codable {
    /// SEC's quarterly Insider Transactions Data Sets.
    case dataSet = "dataset"
    /// The daily form index and the filing's own document.
    case dailyIndex = "daily-index"
    /// A filing the batch job fetched while verifying buys.
    case batchRun = "batch-run"
}

/// One Form 4 or 4/A as the store keeps it (SPEC section 8): the filing, its owners, its
/// transactions of both tables and its footnotes. The unit of loading.
public struct StoredFiling: Sendable, Equatable {
    /// Accession number, `0001234567-26-000123`: the key.
    public var accession: String
    /// `4` or `4/A`.
    public var formType: String
    /// The calendar date EDGAR assigned.
    public var filingDate: Day
    /// Acceptance date-time `YYYY-MM-DD HH:MM:SS` New York time, when known (data sets give none).
    public var acceptance: String?
    /// Issuer CIK, 10 digits.
    public var issuerCIK: String
    /// Issuer name as filed.
    public var issuerName: String
    /// Issuer trading symbol as filed, upper case, trimmed; empty when the filing gives none.
    public var issuerTicker: String
    /// `periodOfReport`.
    public var periodOfReport: Day?
    /// `dateOfOriginalSubmission` (4/A).
    public var dateOfOriginalSubmission: Day?
    /// The `aff10b5One` box: nil for schemas before it existed (unknown, not false).
    public var aff10b5One: Bool?
    /// Where it came from.
    public var source: FilingSource
    /// Reporting owners in document order; the first is "the" owner of SPEC section 9.
    public var owners: [StoredOwner]
    /// Transactions, each table in document order.
    public var transactions: [StoredTransaction]
    /// Footnote texts by id.
    public var footnotes: [StoredFootnote]

    /// Creates a filing.
    public init(accession: String, formType: String, filingDate: Day, acceptance: String? = nil, issuerCIK: String,
                issuerName: String, issuerTicker: String, periodOfReport: Day? = nil, dateOfOriginalSubmission: Day? = nil,
                aff10b5One: Bool? = nil, source: FilingSource, owners: [StoredOwner], transactions: [StoredTransaction],
                footnotes: [StoredFootnote] = []) {
        self.accession = accession; self.formType = formType; self.filingDate = filingDate; self.acceptance = acceptance
        self.issuerCIK = issuerCIK; self.issuerName = issuerName; self.issuerTicker = issuerTicker
        self.periodOfReport = periodOfReport; self.dateOfOriginalSubmission = dateOfOriginalSubmission
        self.aff10b5One = aff10b5One; self.source = source; self.owners = owners; self.transactions = transactions
        self.footnotes = footnotes
    }

    /// Whether this is an amendment.
    public var isAmendment: Bool { formType == "4/A" }
}

/// A reporting owner of one filing, as spelled in that filing.
public struct StoredOwner: Sendable, Equatable {
    /// Owner CIK, 10 digits.
    public var cik: String
    /// Name as filed.
    public var name: String
    /// `isDirector`.
    public var isDirector: Bool
    /// `isOfficer`.
    public var isOfficer: Bool
    /// `isTenPercentOwner`.
    public var isTenPercentOwner: Bool
    /// `isOther`.
    public var isOther: Bool
    /// `officerTitle`, nil when absent or blank.
    public var officerTitle: String?
    /// `otherText`, nil when absent or blank.
    public var otherText: String?

    /// Creates an owner.
    public init(cik: String, name: String, isDirector: Bool = false, isOfficer: Bool = false, isTenPercentOwner: Bool = false,
                isOther: Bool = false, officerTitle: String? = nil, otherText: String? = nil) {
        self.cik = cik; self.name = name; self.isDirector = isDirector; self.isOfficer = isOfficer
        self.isTenPercentOwner = isTenPercentOwner; self.isOther = isOther; self.officerTitle = officerTitle; self.otherText = otherText
    }
}

/// Table I or table II of the form.
public enum TransactionTable: String, Sendable, Hashable, Codable {
    /// Table I: common stock.
    case nonDerivative = "N"
    /// Table II: options, warrants, convertibles.
    case derivative = "D"
}

/// One transaction row; (accession, table, row) is its identity.
public struct StoredTransaction: Sendable, Equatable {
    /// Which table.
    public var table: TransactionTable
    /// 1-based position in its table, document order.
    public var row: Int
    /// `securityTitle`.
    public var securityTitle: String?
    /// Trade date.
    public var tradeDate: Day?
    /// Transaction code (`P`, `S`, `M`, ...).
    public var code: String
    /// Shares, as filed.
    public var shares: Decimal?
    /// Price per share; nil when the filing gives none or only a footnote.
    public var price: Decimal?
    /// `A` acquired or `D` disposed.
    public var acquiredDisposed: String?
    /// Shares owned after the transaction.
    public var sharesOwnedAfter: Decimal?
    /// `D` direct or `I` indirect.
    public var directIndirect: String?
    /// Footnote ids attached anywhere in the row, document order, no repeats.
    public var footnoteIds: [String]
    /// Under a Rule 10b5-1 plan: the filing's box, or an attached footnote stating one.
    public var rule10b5_1: Bool

    /// Creates a transaction.
    public init(table: TransactionTable, row: Int, securityTitle: String? = nil, tradeDate: Day?, code: String,
                shares: Decimal?, price: Decimal?, acquiredDisposed: String? = nil, sharesOwnedAfter: Decimal? = nil,
                directIndirect: String? = nil, footnoteIds: [String] = [], rule10b5_1: Bool = false) {
        self.table = table; self.row = row; self.securityTitle = securityTitle; self.tradeDate = tradeDate; self.code = code
        self.shares = shares; self.price = price; self.acquiredDisposed = acquiredDisposed; self.sharesOwnedAfter = sharesOwnedAfter
        self.directIndirect = directIndirect; self.footnoteIds = footnoteIds; self.rule10b5_1 = rule10b5_1
    }

    /// SPEC section 8: `round(shares x price)` in whole dollars, half away from zero; 0 without a price.
    public var value: Int64 { TransactionValue.of(shares: shares, price: price) }
}

/// A footnote of a filing.
public struct StoredFootnote: Sendable, Equatable {
    /// `F1`, `F2`, ...
    public var id: String
    /// Its text.
    public var text: String

    /// Creates a footnote.
    public init(id: String, text: String) { self.id = id; self.text = text }
}

/// Transaction values, computed once for every path.
public enum TransactionValue {
    /// `round(|shares x price|)` half away from zero, in whole dollars; 0 when either is missing.
    public static func of(shares: Decimal?, price: Decimal?) -> Int64 {
        guard let shares, let price else { return 0 }
        var product = shares * price
        if product < 0 { product = -product }
        var rounded = Decimal()
        NSDecimalRound(&rounded, &product, 0, .plain)
        return NSDecimalNumber(decimal: rounded).int64Value
    }
}
