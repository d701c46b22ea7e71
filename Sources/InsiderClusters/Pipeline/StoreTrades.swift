import Foundation
import InsiderCore
import TradeStore

/// Trades from the trade store, for the batch job's market-wide EDGAR path. The store has
/// already resolved amendments (superseded rows never come back), so no row is an amendment here.
public enum StoreTrades {
    /// One trade per reporting owner per transaction in force; a joint filing's owners share one
    /// `economicID`, so the transaction counts once toward shares and value.
    public static func trades(from rows: [StoredTradeRow]) -> [Trade] {
        var out: [Trade] = []
        out.reserveCapacity(rows.count)
        for row in rows {
            let t = row.transaction
            guard let ticker = IssuerTicker.normalised(row.issuerTicker), let day = t.tradeDate, !t.code.isEmpty else { continue }
            let filed = row.acceptance ?? "\(row.filingDate) 00:00:00"
            for owner in row.owners {
                out.append(Trade(
                    ticker: ticker, companyName: row.issuerName, issuerCIK: row.issuerCIK, sector: nil,
                    ownerCIK: owner.cik, ownerName: owner.name,
                    roles: RoleReader.roles(isDirector: owner.isDirector, isOfficer: owner.isOfficer,
                                            isTenPercentOwner: owner.isTenPercentOwner, isOther: owner.isOther,
                                            officerTitle: owner.officerTitle),
                    code: t.code, isDerivative: t.table == .derivative, tradeDate: day,
                    shares: NSDecimalNumber(decimal: t.shares ?? 0).doubleValue, price: NSDecimalNumber(decimal: t.price ?? 0).doubleValue,
                    value: t.value, accession: row.accession, filingDateTime: filed,
                    rowInFiling: (t.table == .nonDerivative ? 0 : 10_000) + t.row, origin: .edgar, rule10b5_1: t.rule10b5_1,
                    economicID: "\(row.accession)#\(t.table.rawValue)\(t.row)"))
            }
        }
        return out
    }
}
