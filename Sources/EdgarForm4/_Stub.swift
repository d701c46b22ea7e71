// TEMPORARY stub of the parser API, replaced by the real parser.
import Foundation
public enum Form4Table: String, Sendable, Codable { case nonDerivative = "non_derivative", derivative }
public struct Form4Issuer: Sendable, Equatable { public var cik: String; public var name: String?; public var ticker: String? }
public struct Form4Owner: Sendable, Equatable {
    public var cik: String
    public var name: String
    public var isDirector: Bool, isOfficer: Bool, isTenPercentOwner: Bool, isOther: Bool
    public var officerTitle: String?
    public var otherText: String?
}
public struct Form4Transaction: Sendable, Equatable {
    public var table: Form4Table
    public var securityTitle: String?
    public var date: String?
    public var code: String?
    public var formType: String?
    public var shares: Decimal?
    public var price: Decimal?
    public var acquiredDisposed: String?
    public var sharesOwnedAfter: Decimal?
    public var directIndirect: String?
    public var natureOfOwnership: String?
    public var footnoteIds: [String]
    public var rule10b5_1: Bool
}
public struct Form4Document: Sendable, Equatable {
    public var documentType: String
    public var dateOfOriginalSubmission: String?
    public var issuer: Form4Issuer
    public var owners: [Form4Owner]
    public var transactions: [Form4Transaction]
    public var accession: String?
    public func renderJSON() -> String { "{}" }
}
public enum Form4ParseError: Error, Sendable, Equatable { case noOwnershipDocument }
public enum Form4Parser {
    public static func parse(_ bytes: [UInt8]) throws(Form4ParseError) -> Form4Document { throw .noOwnershipDocument }
}
