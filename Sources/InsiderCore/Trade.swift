/// Where a trade's figures come from.
public enum TradeOrigin: String, Sendable, Hashable, Codable {
    /// An OpenInsider row, not (or not yet) confirmed by the filing.
    case openInsider = "openinsider"
    /// A row of the Form 4 itself, after the OpenInsider row was verified against it.
    case verifiedFiling = "openinsider+edgar"
    /// A row read from EDGAR alone (fallback or EDGAR-only mode).
    case edgar = "edgar"
}

/// One transaction row (SPEC section 3): an issuer, a reporting owner, a code, a date and amounts.
public struct Trade: Sendable, Hashable {
    /// Issuer ticker, upper case.
    public var ticker: String
    /// Issuer name as the source gives it.
    public var companyName: String?
    /// Issuer CIK, 10 digits.
    public var issuerCIK: String?
    /// Industry / sector text.
    public var sector: String?
    /// Reporting owner's CIK, 10 digits, when known.
    public var ownerCIK: String?
    /// Reporting owner's name as filed.
    public var ownerName: String
    /// Roles read from this row's title or flags.
    public var roles: Set<Role>
    /// Transaction code (`P`, `S`, `M`, ...).
    public var code: String
    /// Whether the row is a derivative-table row (never a buy).
    public var isDerivative: Bool
    /// Trade date.
    public var tradeDate: Day
    /// Shares, as a magnitude.
    public var shares: Double
    /// Price per share in dollars.
    public var price: Double
    /// Absolute dollar value in whole dollars.
    public var value: Int64
    /// Filing accession (`0000902664-26-002148`) when known.
    public var accession: String?
    /// Filing acceptance date-time as `YYYY-MM-DD HH:MM:SS` (US Eastern); sorts as text.
    public var filingDateTime: String
    /// Position of the row inside its filing (or page), for the last tie-break.
    public var rowInFiling: Int
    /// Where the figures come from.
    public var origin: TradeOrigin
    /// The filing's 10b5-1 box is checked, or a footnote attached to the row states a 10b5-1 plan.
    public var rule10b5_1: Bool
    /// The EDGAR check (an index into the run's `EdgarCheck` list) that this buy came from.
    public var checkID: Int?
    /// Identifies the economic trade behind the row (`<accession>#<row>`): a joint filing lists
    /// each transaction once for several owners, and each owner's copy must count once toward
    /// shares and value.
    public var economicID: String?
    /// The row comes from an amendment (Form 4/A, OpenInsider's X flag `A`).
    public var isAmendment: Bool = false
    /// For an amendment: the original's filing date (`dateOfOriginalSubmission`), when known.
    public var originalFilingDate: Day?
    /// The filing date EDGAR assigned (the Eastern calendar date, never the UTC acceptance
    /// instant's date): what `dateOfOriginalSubmission` names. Nil reads the date of `filingDateTime`.
    public var filingDate: Day?
    /// The insider key of the filing's first reporting owner, when the filing was read (an amended
    /// filing is found by issuer and first owner); nil when only this row's owner is known.
    public var firstOwnerKey: String?
    /// The tables the filing holds rows in, when the filing was read; nil infers them from the rows
    /// at hand. An amendment replaces only the tables it restates.
    public var filingTables: FilingTables?
    /// OpenInsider clipped the value at 2,147,483,647 ("at least"); `value` was recomputed from shares x price.
    public var valueWasClipped: Bool = false

    /// Creates a trade.
    public init(ticker: String, companyName: String? = nil, issuerCIK: String? = nil, sector: String? = nil,
                ownerCIK: String?, ownerName: String, roles: Set<Role>, code: String, isDerivative: Bool = false,
                tradeDate: Day, shares: Double, price: Double, value: Int64, accession: String? = nil,
                filingDateTime: String, rowInFiling: Int = 0, origin: TradeOrigin = .openInsider,
                rule10b5_1: Bool = false, checkID: Int? = nil, economicID: String? = nil) {
        self.ticker = ticker; self.companyName = companyName; self.issuerCIK = issuerCIK; self.sector = sector
        self.ownerCIK = ownerCIK; self.ownerName = ownerName; self.roles = roles; self.code = code
        self.isDerivative = isDerivative; self.tradeDate = tradeDate; self.shares = shares; self.price = price
        self.value = value; self.accession = accession; self.filingDateTime = filingDateTime
        self.rowInFiling = rowInFiling; self.origin = origin; self.rule10b5_1 = rule10b5_1; self.checkID = checkID
        self.economicID = economicID
    }

    /// A buy: code `P` on a non-derivative security.
    public var isBuy: Bool { code == "P" && !isDerivative }

    /// A sell-or-exercise: `S`, `D`, `M` or `X`.
    public var isSellOrExercise: Bool { ["S", "D", "M", "X"].contains(code) }

    /// The distinct-insider key: the owner's CIK, or where none is known the normalised name.
    public var insiderKey: String { Trade.insiderKey(cik: ownerCIK, name: ownerName) }

    /// The distinct-insider key of an owner: its CIK (as given, 10 digits), or its normalised name.
    public static func insiderKey(cik: String?, name: String) -> String {
        if let cik, !cik.isEmpty { return "cik:" + cik }
        return "name:" + normalisedName(name)
    }

    /// The filing date: `filingDate` when known, else the date part of `filingDateTime`.
    public var effectiveFilingDate: Day? { filingDate ?? Day(String(filingDateTime.prefix(10))) }

    /// A ticker as records and OpenInsider write it: upper case, class shares with `.` (`BRK.B`),
    /// where SEC and many users write `-` (`BRK-B`).
    public static func canonicalTicker(_ ticker: String) -> String {
        String(ticker.uppercased().map { $0 == "-" ? "." : $0 })
    }

    /// Upper-cased, punctuation dropped, white space collapsed.
    public static func normalisedName(_ name: String) -> String {
        var out = ""
        var pendingSpace = false
        for ch in name.uppercased() {
            if ch.isLetter || ch.isNumber {
                if pendingSpace && !out.isEmpty { out.append(" ") }
                pendingSpace = false
                out.append(ch)
            } else if ch.isWhitespace {
                pendingSpace = true
            }
        }
        return out
    }

    /// Orders trades as SPEC section 5 breaks ties: trade date, then filing date-time, then row.
    public static func chronological(_ a: Trade, _ b: Trade) -> Bool {
        if a.tradeDate != b.tradeDate { return a.tradeDate < b.tradeDate }
        if a.filingDateTime != b.filingDateTime { return a.filingDateTime < b.filingDateTime }
        return a.rowInFiling < b.rowInFiling
    }
}

/// Which tables of a Form 4 a filing holds rows in.
public struct FilingTables: OptionSet, Sendable, Hashable {
    /// The raw bits.
    public let rawValue: Int
    /// Creates a set from raw bits.
    public init(rawValue: Int) { self.rawValue = rawValue }
    /// Table I, non-derivative securities.
    public static let nonDerivative = FilingTables(rawValue: 1)
    /// Table II, derivative securities.
    public static let derivative = FilingTables(rawValue: 2)

    /// The table a row belongs to.
    public static func of(isDerivative: Bool) -> FilingTables { isDerivative ? .derivative : .nonDerivative }
}

/// One difference between OpenInsider's row and the filing (SPEC section 6).
public struct Discrepancy: Sendable, Hashable {
    /// Filing accession.
    public var accession: String
    /// Owner CIK the row was matched on.
    public var ownerCIK: String?
    /// `shares`, `price`, `date`, `code`, `owner`, `value`.
    public var field: String
    /// OpenInsider's value, as text.
    public var openinsider: String
    /// The filing's value, as text.
    public var edgar: String

    /// Creates a discrepancy.
    public init(accession: String, ownerCIK: String?, field: String, openinsider: String, edgar: String) {
        self.accession = accession; self.ownerCIK = ownerCIK; self.field = field
        self.openinsider = openinsider; self.edgar = edgar
    }

}

/// The outcome of checking one OpenInsider buy against its Form 4.
public struct EdgarCheck: Sendable, Hashable {
    /// What happened.
    public enum Status: Sendable, Hashable {
        /// The filing was fetched and parsed, and the buy matched the owner's `P` rows.
        case verified
        /// The filing was fetched and parsed but holds no `P` row of that owner.
        case unmatched(String)
        /// The filing could not be fetched or parsed; the buy keeps OpenInsider's values.
        case failed(String)
        /// No check was attempted (no filing link, or SEC access not configured).
        case skipped(String)
    }
    /// Issuer ticker of the checked buy.
    public var ticker: String
    /// Filing accession, when known.
    public var accession: String?
    /// Owner CIK of the checked buy.
    public var ownerCIK: String?
    /// What happened.
    public var status: Status
    /// Where OpenInsider and the filing disagree.
    public var discrepancies: [Discrepancy]

    /// Creates a check outcome.
    public init(ticker: String, accession: String?, ownerCIK: String?, status: Status, discrepancies: [Discrepancy] = []) {
        self.ticker = ticker; self.accession = accession; self.ownerCIK = ownerCIK
        self.status = status; self.discrepancies = discrepancies
    }

    /// The filing was fetched and parsed.
    public var wasChecked: Bool {
        switch status { case .verified, .unmatched: true; default: false }
    }
}
