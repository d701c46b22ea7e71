import Foundation

/// Which table of the form a row comes from.
public enum Form4Table: String, Sendable, Codable {
    /// Table I: common stock and other non-derivative securities (market trades live here).
    case nonDerivative = "non_derivative"
    /// Table II: options, warrants, convertibles.
    case derivative
}

/// The issuer block.
public struct Form4Issuer: Sendable, Equatable {
    /// 10 digits, zero-padded.
    public var cik: String
    /// `issuerName`.
    public var name: String?
    /// `issuerTradingSymbol` (can be stale or odd).
    public var ticker: String?
}

/// One reporting owner and its relationship flags.
public struct Form4Owner: Sendable, Equatable {
    /// 10 digits, zero-padded.
    public var cik: String
    /// Conformed name, usually `LAST FIRST MIDDLE`.
    public var name: String
    /// `isDirector` (1/true); omitted or 0/false is false.
    public var isDirector: Bool
    /// `isOfficer`.
    public var isOfficer: Bool
    /// `isTenPercentOwner`.
    public var isTenPercentOwner: Bool
    /// `isOther`.
    public var isOther: Bool
    /// `officerTitle`; nil when absent or empty.
    public var officerTitle: String?
    /// `otherText`; nil when absent or empty.
    public var otherText: String?
}

/// One transaction row of either table.
public struct Form4Transaction: Sendable, Equatable {
    /// Table I or II.
    public var table: Form4Table
    /// `securityTitle`.
    public var securityTitle: String?
    /// `transactionDate`, first 10 characters.
    public var date: String?
    /// `transactionCode`, verbatim.
    public var code: String?
    /// `transactionFormType`.
    public var formType: String?
    /// `transactionShares`; nil when absent (a derivative row may give a total value instead).
    public var shares: Decimal?
    /// `transactionPricePerShare`; nil when given only by footnote or absent (0 is a real price).
    public var price: Decimal?
    /// `A` acquired, `D` disposed.
    public var acquiredDisposed: String?
    /// `sharesOwnedFollowingTransaction`.
    public var sharesOwnedAfter: Decimal?
    /// `D` direct, `I` indirect.
    public var directIndirect: String?
    /// `natureOfOwnership`; nil when empty.
    public var natureOfOwnership: String?
    /// Every footnote referenced anywhere inside the row, in document order, without repeats.
    public var footnoteIds: [String]
    /// The document's 10b5-1 box is checked, or a footnote attached to this row states a 10b5-1 plan.
    public var rule10b5_1: Bool
    /// Derivative rows: `conversionOrExercisePrice`.
    public var conversionOrExercisePrice: Decimal?
    /// Derivative rows: `underlyingSecurityTitle`.
    public var underlyingSecurityTitle: String?
    /// Derivative rows: `underlyingSecurityShares`.
    public var underlyingShares: Decimal?
}

/// A holding row (no date, code or amounts: not a trade).
public struct Form4Holding: Sendable, Equatable {
    /// Table I or II.
    public var table: Form4Table
    /// `securityTitle`.
    public var securityTitle: String?
    /// `sharesOwnedFollowingTransaction`.
    public var sharesOwnedAfter: Decimal?
    /// `D` / `I`.
    public var directIndirect: String?
    /// `natureOfOwnership`; nil when empty.
    public var natureOfOwnership: String?
    /// Footnotes referenced inside the row.
    public var footnoteIds: [String]
}

/// A footnote and its text.
public struct Form4Footnote: Sendable, Equatable {
    /// `F1`, `F2`, ...
    public var id: String
    /// The text, entities decoded, white space trimmed.
    public var text: String
}

/// A parsed ownership document (Form 4, 4/A, 5; Form 3 parses too, holdings only).
public struct Form4Document: Sendable, Equatable {
    /// `schemaVersion` (`X0306`, `X0508`, ...).
    public var schemaVersion: String?
    /// `4`, `4/A`, `5`, `3`.
    public var documentType: String
    /// `periodOfReport`.
    public var periodOfReport: String?
    /// `dateOfOriginalSubmission` (4/A only): the only link to the original filing.
    public var dateOfOriginalSubmission: String?
    /// `notSubjectToSection16`.
    public var notSubjectToSection16: Bool?
    /// The issuer.
    public var issuer: Form4Issuer
    /// Every reporting owner, in document order.
    public var owners: [Form4Owner]
    /// `aff10b5One`: nil when absent (before 2023 the box did not exist: unknown, not false).
    public var aff10b5One: Bool?
    /// Transactions in document order, the non-derivative table first.
    public var transactions: [Form4Transaction]
    /// Holdings, non-derivative first.
    public var holdings: [Form4Holding]
    /// Footnotes in document order.
    public var footnotes: [Form4Footnote]
    /// `remarks`.
    public var remarks: String?
    /// From a `.txt` / `.nc` wrapper's header, when present.
    public var accession: String?
    /// From a `.txt` / `.nc` wrapper's header (`YYYYMMDDHHMMSS`, Eastern), when present.
    public var acceptanceDateTime: String?

    /// The text of footnote `id`.
    public func footnote(_ id: String) -> String? { footnotes.first { $0.id == id }?.text }
}

/// Why bytes are not a usable ownership document.
public enum Form4ParseError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No `<ownershipDocument>`: an HTML block page, an S3 error, a rendered page.
    case noOwnershipDocument
    /// Unbalanced or truncated XML.
    case malformed(String)
    /// A required element is missing.
    case missingElement(String)

    public var description: String {
        switch self {
        case .noOwnershipDocument: "no <ownershipDocument> in the body (an error or rate-limit page, or a rendered HTML form)"
        case .malformed(let why): "malformed ownership XML: \(why)"
        case .missingElement(let name): "ownership XML lacks <\(name)>"
        }
    }
}
