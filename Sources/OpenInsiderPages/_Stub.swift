// TEMPORARY stub of the parser API, replaced by the real parser.
public enum PageLayout: String, Sendable, Codable { case listing, cluster, ticker }
public struct OpenInsiderRow: Sendable, Equatable {
    public var xFlags: String = ""
    public var filingDateTime: String = ""
    public var filingURL: String?
    public var accession: String?
    public var issuerCIK: String?
    public var tradeDate: String = ""
    public var ticker: String = ""
    public var companyName: String?
    public var insiderName: String?
    public var insiderCIK: String?
    public var title: String?
    public var industry: String?
    public var sic: String?
    public var insiderCount: Int?
    public var tradeCode: String = ""
    public var tradeType: String = ""
    public var price: Double = 0
    public var qty: Int64 = 0
    public var owned: Int64 = 0
    public var ownedSaturated: Bool = false
    public var deltaOwnPct: Int?
    public var deltaOwnText: String = ""
    public var value: Int64 = 0
    public var valueSaturated: Bool = false
    public var ownershipHint: String?
}
public struct SubjectDetails: Sendable, Equatable {
    public var issuerCIK: String?
    public var industry: String?
    public var sic: String?
    public var ownerCIK: String?
}
public struct OpenInsiderPage: Sendable, Equatable {
    public var layout: PageLayout?
    public var rows: [OpenInsiderRow]
    public var pageTitle: String?
    public var subjectCompanyName: String?
    public var subject: SubjectDetails?
    public func renderJSON() -> String { "{}" }
}
public enum OpenInsiderPageError: Error, Sendable, Equatable, CustomStringConvertible {
    case notAnOpenInsiderPage(String)
    case layoutDrift(missing: [String], unknown: [String])
    case malformedRow(row: Int, reason: String)
    case badCell(row: Int, column: String, text: String)
    public var description: String { "stub" }
}
public enum OpenInsiderPageParser {
    public static func parse(_ bytes: [UInt8]) throws(OpenInsiderPageError) -> OpenInsiderPage { throw .notAnOpenInsiderPage("stub") }
}
