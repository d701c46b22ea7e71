import EdgarForm4
import Foundation
import Testing

/// The shared fixtures: `<repo>/Tests/EdgarForm4Tests/Support.swift` -> `<repo>/../shared/fixtures`.
enum Fixtures {
    static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()   // EdgarForm4Tests
        .deletingLastPathComponent()   // Tests
        .deletingLastPathComponent()   // <repo>
        .deletingLastPathComponent()   // <repo>/..
        .appendingPathComponent("shared/fixtures")
    static let form4 = root.appendingPathComponent("edgar/form4")
    static let other = root.appendingPathComponent("edgar/other")
    static let available = FileManager.default.fileExists(atPath: form4.path)
        && FileManager.default.fileExists(atPath: other.path)
    static let skip: Comment = "../shared/fixtures not found: skipping fixture tests"

    /// Every file name in `edgar/form4`, sorted.
    static func form4Names() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: form4.path).filter { !$0.hasPrefix(".") }.sorted()
    }

    /// The one file in `folder` whose name contains `part`.
    static func name(containing part: String, in folder: URL = form4) throws -> String {
        let all = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.contains(part) }
        try #require(all.count == 1, "expected exactly one fixture containing \(part) in \(folder.lastPathComponent), found \(all)")
        return all[0]
    }

    static func bytes(_ part: String, in folder: URL = form4) throws -> [UInt8] {
        Array(try Data(contentsOf: folder.appendingPathComponent(try name(containing: part, in: folder))))
    }

    static func document(_ part: String) throws -> Form4Document {
        try Form4Parser.parse(try bytes(part))
    }
}

/// An exact decimal from its text (never via Double).
func d(_ s: String) -> Decimal {
    guard let v = Decimal(string: s, locale: Locale(identifier: "en_US_POSIX")) else { fatalError("bad decimal literal \(s)") }
    return v
}

/// Comparable snapshot of an owner (the model's memberwise init is internal).
struct O: Equatable, Sendable, CustomStringConvertible {
    var cik: String, name: String
    var isDirector: Bool, isOfficer: Bool, isTenPercentOwner: Bool, isOther: Bool
    var officerTitle: String?, otherText: String?

    init(_ cik: String, _ name: String, _ isDirector: Bool, _ isOfficer: Bool, _ isTenPercentOwner: Bool, _ isOther: Bool,
         _ officerTitle: String?, _ otherText: String?) {
        (self.cik, self.name, self.isDirector, self.isOfficer, self.isTenPercentOwner, self.isOther, self.officerTitle, self.otherText)
            = (cik, name, isDirector, isOfficer, isTenPercentOwner, isOther, officerTitle, otherText)
    }

    init(_ o: Form4Owner) {
        self.init(o.cik, o.name, o.isDirector, o.isOfficer, o.isTenPercentOwner, o.isOther, o.officerTitle, o.otherText)
    }

    var description: String {
        "O(\(cik), \(name), dir=\(isDirector), off=\(isOfficer), 10%=\(isTenPercentOwner), other=\(isOther), \(officerTitle ?? "nil"), \(otherText ?? "nil"))"
    }
}

/// Comparable snapshot of every field of a transaction row.
struct T: Equatable, Sendable, CustomStringConvertible {
    var table: Form4Table, securityTitle: String?, date: String?, code: String?, formType: String?
    var shares: Decimal?, price: Decimal?, acquiredDisposed: String?, sharesOwnedAfter: Decimal?
    var directIndirect: String?, natureOfOwnership: String?, footnoteIds: [String], rule10b5_1: Bool
    var conversionOrExercisePrice: Decimal?, underlyingSecurityTitle: String?, underlyingShares: Decimal?

    init(_ table: Form4Table, _ securityTitle: String?, _ date: String?, _ code: String?, _ formType: String?,
         _ shares: Decimal?, _ price: Decimal?, _ acquiredDisposed: String?, _ sharesOwnedAfter: Decimal?,
         _ directIndirect: String?, _ natureOfOwnership: String?, _ footnoteIds: [String], _ rule10b5_1: Bool,
         conv: Decimal? = nil, under: String? = nil, underShares: Decimal? = nil) {
        self.table = table; self.securityTitle = securityTitle; self.date = date; self.code = code; self.formType = formType
        self.shares = shares; self.price = price; self.acquiredDisposed = acquiredDisposed; self.sharesOwnedAfter = sharesOwnedAfter
        self.directIndirect = directIndirect; self.natureOfOwnership = natureOfOwnership; self.footnoteIds = footnoteIds
        self.rule10b5_1 = rule10b5_1; self.conversionOrExercisePrice = conv; self.underlyingSecurityTitle = under; self.underlyingShares = underShares
    }

    init(_ t: Form4Transaction) {
        self.init(t.table, t.securityTitle, t.date, t.code, t.formType, t.shares, t.price, t.acquiredDisposed, t.sharesOwnedAfter,
                  t.directIndirect, t.natureOfOwnership, t.footnoteIds, t.rule10b5_1,
                  conv: t.conversionOrExercisePrice, under: t.underlyingSecurityTitle, underShares: t.underlyingShares)
    }

    var description: String {
        func s(_ d: Decimal?) -> String { d.map { "\($0)" } ?? "nil" }
        return "T(\(table), \(securityTitle ?? "nil"), \(date ?? "nil"), \(code ?? "nil"), form \(formType ?? "nil"), shares \(s(shares)), price \(s(price)), \(acquiredDisposed ?? "nil"), after \(s(sharesOwnedAfter)), \(directIndirect ?? "nil"), \(natureOfOwnership ?? "nil"), \(footnoteIds), 10b5-1 \(rule10b5_1), conv \(s(conversionOrExercisePrice)), \(underlyingSecurityTitle ?? "nil"), \(s(underlyingShares)))"
    }
}

/// Comparable snapshot of a holding row.
struct H: Equatable, Sendable, CustomStringConvertible {
    var table: Form4Table, securityTitle: String?, sharesOwnedAfter: Decimal?, directIndirect: String?, natureOfOwnership: String?
    var footnoteIds: [String]

    init(_ table: Form4Table, _ securityTitle: String?, _ sharesOwnedAfter: Decimal?, _ directIndirect: String?,
         _ natureOfOwnership: String?, _ footnoteIds: [String]) {
        (self.table, self.securityTitle, self.sharesOwnedAfter, self.directIndirect, self.natureOfOwnership, self.footnoteIds)
            = (table, securityTitle, sharesOwnedAfter, directIndirect, natureOfOwnership, footnoteIds)
    }

    init(_ h: Form4Holding) {
        self.init(h.table, h.securityTitle, h.sharesOwnedAfter, h.directIndirect, h.natureOfOwnership, h.footnoteIds)
    }

    var description: String {
        "H(\(table), \(securityTitle ?? "nil"), after \(sharesOwnedAfter.map { "\($0)" } ?? "nil"), \(directIndirect ?? "nil"), \(natureOfOwnership ?? "nil"), \(footnoteIds))"
    }
}

/// Builds small synthetic ownership documents for the pitfall tests.
enum Synthetic {
    static func owner(cik: String = "1214156", name: String = "COOK TIMOTHY D", relationship: String = "<isDirector>1</isDirector>") -> String {
        "<reportingOwner><reportingOwnerId><rptOwnerCik>\(cik)</rptOwnerCik><rptOwnerName>\(name)</rptOwnerName></reportingOwnerId>"
            + "<reportingOwnerRelationship>\(relationship)</reportingOwnerRelationship></reportingOwner>"
    }

    /// A non-derivative transaction row; `coding: nil` leaves out `transactionCoding`.
    static func row(code: String? = "P", date: String = "<value>2024-03-01</value>", shares: String = "<value>100</value>",
                    price: String = "<value>10.5</value>", ad: String = "<value>A</value>", after: String = "<value>1100</value>",
                    ownership: String = "<directOrIndirectOwnership><value>D</value></directOrIndirectOwnership>",
                    title: String = "<value>Common Stock</value>", tag: String = "nonDerivativeTransaction") -> String {
        let coding = code.map { "<transactionCoding><transactionFormType>4</transactionFormType><transactionCode>\($0)</transactionCode><equitySwapInvolved>0</equitySwapInvolved></transactionCoding>" } ?? ""
        return "<\(tag)><securityTitle>\(title)</securityTitle><transactionDate>\(date)</transactionDate>\(coding)"
            + "<transactionAmounts><transactionShares>\(shares)</transactionShares><transactionPricePerShare>\(price)</transactionPricePerShare>"
            + "<transactionAcquiredDisposedCode>\(ad)</transactionAcquiredDisposedCode></transactionAmounts>"
            + "<postTransactionAmounts><sharesOwnedFollowingTransaction>\(after)</sharesOwnedFollowingTransaction></postTransactionAmounts>"
            + "<ownershipNature>\(ownership)</ownershipNature></\(tag)>"
    }

    static func document(owners: [String] = [owner()], head: String = "", nonDerivative: String = "", derivative: String? = nil,
                         footnotes: String = "", remarks: String? = nil, issuerCik: String = "320193",
                         prolog: String = "<?xml version=\"1.0\"?>\n") -> String {
        prolog + "<ownershipDocument><schemaVersion>X0508</schemaVersion><documentType>4</documentType><periodOfReport>2024-03-01</periodOfReport>"
            + head
            + "<issuer><issuerCik>\(issuerCik)</issuerCik><issuerName>Apple Inc.</issuerName><issuerTradingSymbol>AAPL</issuerTradingSymbol></issuer>"
            + owners.joined()
            + "<nonDerivativeTable>\(nonDerivative)</nonDerivativeTable>"
            + (derivative.map { "<derivativeTable>\($0)</derivativeTable>" } ?? "")
            + (footnotes.isEmpty ? "" : "<footnotes>\(footnotes)</footnotes>")
            + (remarks.map { "<remarks>\($0)</remarks>" } ?? "")
            + "</ownershipDocument>"
    }

    static func parse(_ text: String) throws -> Form4Document { try Form4Parser.parse(Array(text.utf8)) }
}

/// A deterministic generator so fuzz failures reproduce.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E3779B97F4A7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9
        z = (z ^ (z >> 27)) &* 0x94D049BB133111EB
        return z ^ (z >> 31)
    }
}
