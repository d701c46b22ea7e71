import Foundation
import InsiderCore
import OpenInsiderPages

/// Turns OpenInsider rows into core trades.
public enum OpenInsiderTrades {
    /// The magnitude at which OpenInsider clips Owned and Value.
    public static let saturation: Int64 = 2_147_483_647

    /// One trade per row; a row whose date does not parse is dropped (the parser already checks dates).
    public static func trades(from page: TickerTrades, candidate: Candidate?) -> [(row: OpenInsiderRow, trade: Trade)] {
        page.rows.enumerated().compactMap { index, row in
            guard let day = Day(row.tradeDate) else { return nil }
            let shares = Double(abs(row.qty))
            var value = abs(row.value)
            // A clipped value means "at least 2,147,483,647": Qty x Price is the better figure.
            if row.valueSaturated || value >= saturation {
                value = max(value, Int64((shares * row.price).rounded()))
            }
            let trade = Trade(
                ticker: row.ticker.uppercased(),
                companyName: row.companyName ?? page.companyName ?? candidate?.companyName,
                issuerCIK: row.issuerCIK ?? page.subject?.issuerCIK,
                sector: row.industry ?? page.subject?.industry ?? candidate?.industry,
                ownerCIK: row.insiderCIK,
                ownerName: row.insiderName ?? "Unknown insider",
                roles: RoleReader.roles(fromTitle: row.title),
                code: row.tradeCode,
                tradeDate: day,
                shares: shares,
                price: row.price,
                value: value,
                accession: row.accession,
                filingDateTime: row.filingDateTime,
                rowInFiling: index,
                origin: .openInsider,
                economicID: row.accession.map { "oi:\($0):\(row.tradeDate):\(row.tradeCode):\(abs(row.qty)):\(row.price)" })
            var t = trade
            t.isAmendment = row.xFlags.contains("A")
            t.valueWasClipped = row.valueSaturated || abs(row.value) >= saturation
            return (row, t)
        }
    }
}
