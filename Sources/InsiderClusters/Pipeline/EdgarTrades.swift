import EdgarForm4
import Foundation
import InsiderCore

/// Trades read from EDGAR alone (fallback and EDGAR-only mode), as a pure function of parsed filings.
public enum EdgarTrades {
    /// One trade per reporting owner per transaction row of each filing whose issuer is `issuerCIK`.
    ///
    /// A joint filing lists each transaction once for all its owners: every owner gets the row
    /// (each is an insider), and the shared `economicID` makes it count once toward shares and value.
    /// `companyName` (the submissions JSON's) stands in only where a filing gives no `issuerName`.
    public static func trades(ticker: String, issuerCIK: String, companyName: String?, sector: String?,
                              filings: [(ref: EdgarFilingRef, document: Form4Document)]) -> [Trade] {
        var out: [Trade] = []
        for (ref, doc) in filings where padCIK(doc.issuer.cik) == padCIK(issuerCIK) {
            for (index, row) in doc.transactions.enumerated() {
                guard let code = row.code, let dateText = row.date, let day = Day(dateText) else { continue }
                let shares = row.shares ?? 0
                let price = row.price ?? 0
                for owner in doc.owners {
                    var t = Trade(
                        ticker: ticker.uppercased(),
                        companyName: doc.issuer.name ?? companyName,   // SPEC section 5: the filing's issuerName
                        issuerCIK: padCIK(issuerCIK),
                        sector: sector,
                        ownerCIK: padCIK(owner.cik),
                        ownerName: owner.name,
                        roles: RoleReader.roles(isDirector: owner.isDirector, isOfficer: owner.isOfficer,
                                                isTenPercentOwner: owner.isTenPercentOwner, isOther: owner.isOther,
                                                officerTitle: owner.officerTitle, otherText: owner.otherText),
                        code: code,
                        isDerivative: row.table == .derivative,
                        tradeDate: day,
                        shares: NSDecimalNumber(decimal: shares).doubleValue,
                        price: NSDecimalNumber(decimal: price).doubleValue,
                        value: FilingMatch.roundedDollars(shares * price),
                        accession: ref.accession,
                        filingDateTime: ref.acceptance,
                        rowInFiling: index,
                        origin: .edgar,
                        rule10b5_1: row.rule10b5_1,
                        economicID: "\(ref.accession)#\(index)")
                    t.filingDate = ref.filingDate
                    doc.stampAmendmentFacts(on: &t)
                    out.append(t)
                }
            }
        }
        return out
    }

    /// SEC's ticker map writes class shares with `-` (`BRK-B`) where OpenInsider writes `.`.
    public static func secTicker(_ ticker: String) -> String { ticker.uppercased().replacingOccurrences(of: ".", with: "-") }
}
