/// Which of OpenInsider's three results-table column sets a page uses.
///
/// `listing` is the 17-column Listing view (latest/top lists, generic screener), `cluster` the
/// Grouped view (`grp=2`, `/latest-cluster-buys`), `ticker` the 16-column Single view used by
/// both ticker pages (`/screener?s=T`) and insider pages (`/insider/<slug>/<CIK>`).
public enum PageLayout: String, Sendable, Codable {
    /// 17-column Listing view: has Company Name, Insider Name and Title.
    case listing
    /// Grouped view (grp=2): has Company Name, Industry and Ins, no insider columns.
    case cluster
    /// Single view (16 columns): Insider Name and Title, no Company Name.
    case ticker
}

/// One data row of an OpenInsider results table, with every cell decoded.
///
/// Optional fields are `nil` when the column is absent from the page's layout, or when the
/// link the value comes from is absent or does not have the expected shape.
public struct OpenInsiderRow: Sendable, Equatable {
    /// X column letters as printed, e.g. `"DM"`; `""` when empty.
    public var xFlags: String
    /// Filing Date text, `YYYY-MM-DD HH:MM:SS` (US Eastern acceptance time).
    public var filingDateTime: String
    /// SEC filing link as in the page; `nil` in the grouped view, whose link is `/TICKER`.
    public var filingURL: String?
    /// Accession number `NNNNNNNNNN-YY-NNNNNN` from the 18-digit folder of the SEC link.
    public var accession: String?
    /// Issuer CIK (10 digits, zero-padded) from `/edgar/data/<CIK>/` in the SEC link.
    public var issuerCIK: String?
    /// Trade Date text, `YYYY-MM-DD` (the earliest trade date when X has `M`).
    public var tradeDate: String
    /// Ticker link text, trimmed, e.g. `"BRK.B"`.
    public var ticker: String
    /// Company Name text with entities decoded; `nil` when the column is absent.
    public var companyName: String?
    /// Insider Name link text; `nil` when the column is absent.
    public var insiderName: String?
    /// Reporting owner CIK (10 digits, zero-padded) from `/insider/<slug>/<CIK>`.
    public var insiderCIK: String?
    /// Title column text as printed, e.g. `"Pres, CEO"`.
    public var title: String?
    /// Grouped view Industry text.
    public var industry: String?
    /// SIC code from the `/industry/<slug>/<SIC>` link, as printed (`"0"` for closed-end funds).
    public var sic: String?
    /// Grouped view "Ins" (number of insiders).
    public var insiderCount: Int?
    /// Trade code: the Trade Type text before the first `" - "`, e.g. `"P"`.
    public var tradeCode: String
    /// Trade Type text as printed, e.g. `"S - Sale+OE"`.
    public var tradeType: String
    /// Price in dollars (`"$1,026.75"` -> 1026.75); a weighted average when X has `M`.
    public var price: Double
    /// Signed share count: positive for buys, negative for sales.
    public var qty: Int64
    /// Shares held after the trade.
    public var owned: Int64
    /// `true` when `owned`'s magnitude is 2,147,483,647: OpenInsider clipped it, read it as "at least".
    public var ownedSaturated: Bool
    /// ΔOwn as an integer percent; `nil` for `New`, `>999%`, a bare `%` or anything non-numeric.
    public var deltaOwnPct: Int?
    /// ΔOwn text as printed, e.g. `"+4%"`, `"New"`, `">999%"`, `"%"`.
    public var deltaOwnText: String
    /// Signed value in whole dollars (`"-$313,792"` -> -313792).
    public var value: Int64
    /// `true` when `value`'s magnitude is 2,147,483,647: OpenInsider clipped it, read it as "at least".
    public var valueSaturated: Bool
    /// `"direct"` or `"indirect"` from the first line of the insider link's `title`, when present.
    public var ownershipHint: String?

    /// Creates a row; every field has a neutral default so tests and callers can set only what they need.
    public init(
        xFlags: String = "", filingDateTime: String = "", filingURL: String? = nil,
        accession: String? = nil, issuerCIK: String? = nil, tradeDate: String = "",
        ticker: String = "", companyName: String? = nil, insiderName: String? = nil,
        insiderCIK: String? = nil, title: String? = nil, industry: String? = nil,
        sic: String? = nil, insiderCount: Int? = nil, tradeCode: String = "",
        tradeType: String = "", price: Double = 0, qty: Int64 = 0, owned: Int64 = 0,
        ownedSaturated: Bool = false, deltaOwnPct: Int? = nil, deltaOwnText: String = "",
        value: Int64 = 0, valueSaturated: Bool = false, ownershipHint: String? = nil
    ) {
        self.xFlags = xFlags
        self.filingDateTime = filingDateTime
        self.filingURL = filingURL
        self.accession = accession
        self.issuerCIK = issuerCIK
        self.tradeDate = tradeDate
        self.ticker = ticker
        self.companyName = companyName
        self.insiderName = insiderName
        self.insiderCIK = insiderCIK
        self.title = title
        self.industry = industry
        self.sic = sic
        self.insiderCount = insiderCount
        self.tradeCode = tradeCode
        self.tradeType = tradeType
        self.price = price
        self.qty = qty
        self.owned = owned
        self.ownedSaturated = ownedSaturated
        self.deltaOwnPct = deltaOwnPct
        self.deltaOwnText = deltaOwnText
        self.value = value
        self.valueSaturated = valueSaturated
        self.ownershipHint = ownershipHint
    }
}

/// The `#subjectDetails` block of ticker pages (issuer CIK, industry, SIC) and insider pages (owner CIK only).
public struct SubjectDetails: Sendable, Equatable {
    /// Ticker page: issuer CIK from the `CIK=<n>` link, 10 digits zero-padded.
    public var issuerCIK: String?
    /// Ticker page: industry link text, e.g. `"Semiconductors & Related Devices"`.
    public var industry: String?
    /// Ticker page: SIC from the `/industry/<slug>/<SIC>` link.
    public var sic: String?
    /// Insider page: owner CIK from `CIK: <a>1214156</a>`, 10 digits zero-padded.
    public var ownerCIK: String?

    /// Creates subject details; all fields default to `nil`.
    public init(issuerCIK: String? = nil, industry: String? = nil, sic: String? = nil, ownerCIK: String? = nil) {
        self.issuerCIK = issuerCIK
        self.industry = industry
        self.sic = sic
        self.ownerCIK = ownerCIK
    }
}

/// A parsed OpenInsider page.
public struct OpenInsiderPage: Sendable, Equatable {
    /// Column set of the results table; `nil` when the page has no results table (an empty result).
    public var layout: PageLayout?
    /// Data rows of the `table.tinytable`, in page order.
    public var rows: [OpenInsiderRow]
    /// `<title>` text, entities decoded and trimmed.
    public var pageTitle: String?
    /// Ticker pages: the company part of `"NVDA - Nvidia Corp - SEC Form 4 ..."`; `nil` when that part is empty or absent.
    public var subjectCompanyName: String?
    /// `#subjectDetails` on ticker and insider pages; `nil` elsewhere.
    public var subject: SubjectDetails?

    /// Creates a page value.
    public init(
        layout: PageLayout? = nil, rows: [OpenInsiderRow] = [], pageTitle: String? = nil,
        subjectCompanyName: String? = nil, subject: SubjectDetails? = nil
    ) {
        self.layout = layout
        self.rows = rows
        self.pageTitle = pageTitle
        self.subjectCompanyName = subjectCompanyName
        self.subject = subject
    }
}

/// Why a page could not be turned into rows. Every case is a reason to stop, not to guess.
public enum OpenInsiderPageError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No `<title>` or no screener form: a blocked or broken response, not an empty result.
    case notAnOpenInsiderPage(String)
    /// The table headers match no known column set; names the missing and the unknown columns
    /// relative to the closest known set.
    case layoutDrift(missing: [String], unknown: [String])
    /// A data row (1-based, in page order) whose shape is wrong, e.g. its cell count differs from the header's.
    case malformedRow(row: Int, reason: String)
    /// A cell of a data row (1-based) that does not parse; `column` is the normalised header name.
    case badCell(row: Int, column: String, text: String)

    /// A one-line human-readable explanation.
    public var description: String {
        switch self {
        case .notAnOpenInsiderPage(let why):
            return "not an OpenInsider page: \(why)"
        case .layoutDrift(let missing, let unknown):
            return "OpenInsider layout drift: missing columns [\(missing.joined(separator: ", "))], "
                + "unknown columns [\(unknown.joined(separator: ", "))]"
        case .malformedRow(let row, let reason):
            return "OpenInsider row \(row) is malformed: \(reason)"
        case .badCell(let row, let column, let text):
            return "OpenInsider row \(row), column \(column): cannot parse \"\(text)\""
        }
    }
}
