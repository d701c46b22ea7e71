import EdgarForm4
import Foundation
import InsiderCore
import TradeStore

extension StoredFiling {
    /// A parsed Form 4 or 4/A as the store keeps it; nil for other forms.
    ///
    /// - Parameters:
    ///   - document: the parsed ownership document.
    ///   - accession: the filing's accession (the wrapper's header gives one too).
    ///   - filingDate: the date EDGAR assigned (daily index, OpenInsider's filing date).
    ///   - source: where it came from.
    public init?(document: Form4Document, accession: String, filingDate: Day, source: FilingSource) {
        guard document.documentType == "4" || document.documentType == "4/A" else { return nil }
        var rows: [Form4Table: Int] = [:]
        let transactions = document.transactions.map { t -> StoredTransaction in
            rows[t.table, default: 0] += 1
            return StoredTransaction(
                table: t.table == .nonDerivative ? .nonDerivative : .derivative, row: rows[t.table]!, securityTitle: t.securityTitle,
                tradeDate: t.date.flatMap { Day(String($0.prefix(10))) }, code: (t.code ?? "").uppercased(), shares: t.shares,
                price: t.price, acquiredDisposed: t.acquiredDisposed, sharesOwnedAfter: t.sharesOwnedAfter,
                directIndirect: t.directIndirect, footnoteIds: t.footnoteIds, rule10b5_1: t.rule10b5_1)
        }
        self.init(
            accession: accession, formType: document.documentType, filingDate: filingDate,
            acceptance: document.acceptanceDateTime.flatMap(StoredFiling.acceptanceText),
            issuerCIK: padCIK(document.issuer.cik), issuerName: document.issuer.name ?? "",
            issuerTicker: IssuerTicker.normalised(document.issuer.ticker) ?? (document.issuer.ticker ?? "").uppercased(),
            periodOfReport: document.periodOfReport.flatMap { Day(String($0.prefix(10))) },
            dateOfOriginalSubmission: document.dateOfOriginalSubmission.flatMap { Day(String($0.prefix(10))) },
            aff10b5One: document.aff10b5One, source: source,
            owners: document.owners.map {
                StoredOwner(cik: padCIK($0.cik), name: $0.name, isDirector: $0.isDirector, isOfficer: $0.isOfficer,
                            isTenPercentOwner: $0.isTenPercentOwner, isOther: $0.isOther, officerTitle: $0.officerTitle,
                            otherText: $0.otherText)
            },
            transactions: transactions,
            footnotes: document.footnotes.map { StoredFootnote(id: $0.id, text: $0.text) })
    }

    /// `YYYYMMDDHHMMSS` (the SGML header's New York wall-clock time) as `YYYY-MM-DD HH:MM:SS`.
    static func acceptanceText(_ raw: String) -> String? {
        let d = Array(raw.filter(\.isNumber))
        guard d.count >= 14 else { return nil }
        let s = String(d)
        func part(_ a: Int, _ b: Int) -> Substring { s[s.index(s.startIndex, offsetBy: a)..<s.index(s.startIndex, offsetBy: b)] }
        return "\(part(0, 4))-\(part(4, 6))-\(part(6, 8)) \(part(8, 10)):\(part(10, 12)):\(part(12, 14))"
    }
}
