import EdgarForm4
import Foundation
import InsiderCore
import OpenInsiderPages

/// Matching an OpenInsider buy to its Form 4 (SPEC section 6), as a pure function.
public enum FilingMatch {
    /// The buys that stand for `trade` once its filing is known, and the check's outcome.
    ///
    /// The filing's non-derivative `P` rows stand for the buy, each with its own date, shares,
    /// price and value (`round(shares x price)`); OpenInsider's price is kept where the filing
    /// gives none. Where the sums disagree with OpenInsider's row, the difference is listed.
    public static func apply(trade: Trade, document: Form4Document, checkID: Int) -> (trades: [Trade], check: EdgarCheck) {
        let accession = trade.accession ?? document.accession ?? "unknown accession"
        var discrepancies: [Discrepancy] = []
        func note(_ field: String, _ oi: String, _ edgar: String) {
            discrepancies.append(Discrepancy(accession: accession, ownerCIK: trade.ownerCIK, field: field, openinsider: oi, edgar: edgar))
        }
        let matched = owner(of: trade, in: document)
        if let matched, matched.bySoleOwner { note("owner", trade.ownerCIK ?? trade.ownerName, padCIK(matched.owner.cik)) }
        guard let owner = matched?.owner else {
            let listed = document.owners.map { padCIK($0.cik) }.joined(separator: ", ")
            return ([trade], EdgarCheck(ticker: trade.ticker, accession: accession, ownerCIK: trade.ownerCIK,
                                        status: .unmatched("owner \(trade.ownerCIK ?? trade.ownerName) is not a reporting owner of the filing (\(listed))")))
        }
        let rows = document.transactions.enumerated().filter { $0.element.table == .nonDerivative && $0.element.code == "P" }
        guard !rows.isEmpty else {
            let codes = Set(document.transactions.filter { $0.table == .nonDerivative }.compactMap(\.code)).sorted().joined(separator: ", ")
            return ([trade], EdgarCheck(ticker: trade.ticker, accession: accession, ownerCIK: trade.ownerCIK,
                                        status: .unmatched("the filing has no non-derivative P row (codes: \(codes.isEmpty ? "none" : codes))"),
                                        discrepancies: [Discrepancy(accession: accession, ownerCIK: trade.ownerCIK, field: "code", openinsider: trade.code, edgar: codes)]))
        }
        var out: [Trade] = []
        var totalShares = Decimal(0)
        var totalValue: Int64 = 0
        var earliest: Day?
        for (index, row) in rows {
            let shares = row.shares ?? 0
            let price = row.price
            let priceDouble = price.map { NSDecimalNumber(decimal: $0).doubleValue } ?? trade.price
            let value = price.map { roundedDollars(shares * $0) } ?? Int64((NSDecimalNumber(decimal: shares).doubleValue * trade.price).rounded())
            let day = row.date.flatMap { Day($0) } ?? trade.tradeDate
            totalShares += shares
            totalValue += value
            earliest = min(earliest ?? day, day)
            var t = trade
            t.tradeDate = day
            t.shares = NSDecimalNumber(decimal: shares).doubleValue
            t.price = priceDouble
            t.value = value
            t.ownerCIK = padCIK(owner.cik)
            t.rowInFiling = index
            t.origin = .verifiedFiling
            t.rule10b5_1 = row.rule10b5_1
            t.checkID = checkID
            t.accession = accession
            t.economicID = "\(accession)#\(index)"
            t.valueWasClipped = false
            document.stampAmendmentFacts(on: &t)
            out.append(t)
        }
        let sharesDouble = NSDecimalNumber(decimal: totalShares).doubleValue
        if abs(sharesDouble - trade.shares) > 0.5 { note("shares", format(trade.shares), format(sharesDouble)) }
        if sharesDouble > 0 {
            let average = Double(totalValue) / sharesDouble
            if abs(average - trade.price) > 0.0051 { note("price", format(trade.price), format(average)) }
        }
        if trade.valueWasClipped {
            note("value", "2147483647 (clipped)", String(totalValue))
        } else if abs(Double(totalValue) - Double(trade.value)) > max(2, trade.shares * 0.0051) {
            note("value", String(trade.value), String(totalValue))
        }
        if let earliest, earliest != trade.tradeDate { note("date", trade.tradeDate.description, earliest.description) }
        return (out, EdgarCheck(ticker: trade.ticker, accession: accession, ownerCIK: trade.ownerCIK ?? padCIK(owner.cik),
                                status: .verified, discrepancies: discrepancies))
    }

    /// The reporting owner of `document` that `trade` is about: by CIK; by name where OpenInsider
    /// gave none; else the sole owner (`bySoleOwner`, a discrepancy worth listing).
    static func owner(of trade: Trade, in document: Form4Document) -> (owner: Form4Owner, bySoleOwner: Bool)? {
        if let cik = trade.ownerCIK, let o = document.owners.first(where: { padCIK($0.cik) == cik }) { return (o, false) }
        if trade.ownerCIK == nil, let o = document.owners.first(where: { Trade.normalisedName($0.name) == Trade.normalisedName(trade.ownerName) }) {
            return (o, false)
        }
        if document.owners.count == 1, let sole = document.owners.first { return (sole, true) }
        return nil
    }

    /// The filing's own non-derivative rows of `trade`'s code, each by its own date, for an
    /// OpenInsider sale or exercise row that shows only the earliest of several (X flag `M`) or
    /// that belongs to an amendment; nil when the filing holds no such row of that owner.
    public static func expand(trade: Trade, document: Form4Document) -> [Trade]? {
        guard let owner = owner(of: trade, in: document)?.owner else { return nil }
        let accession = trade.accession ?? document.accession ?? "unknown accession"
        let rows = document.transactions.enumerated().filter { $0.element.table == .nonDerivative && $0.element.code == trade.code }
        guard !rows.isEmpty else { return nil }
        return rows.map { index, row in
            let shares = row.shares ?? 0
            var t = trade
            t.tradeDate = row.date.flatMap { Day($0) } ?? trade.tradeDate
            t.shares = NSDecimalNumber(decimal: shares).doubleValue
            t.price = row.price.map { NSDecimalNumber(decimal: $0).doubleValue } ?? trade.price
            t.value = row.price.map { roundedDollars(shares * $0) } ?? Int64((t.shares * trade.price).rounded())
            t.ownerCIK = padCIK(owner.cik)
            t.rowInFiling = index
            t.accession = accession
            t.economicID = "\(accession)#\(index)"
            document.stampAmendmentFacts(on: &t)
            return t
        }
    }

    /// `round(shares x price)` in whole dollars, half away from zero, computed exactly.
    static func roundedDollars(_ amount: Decimal) -> Int64 {
        var value = amount
        var result = Decimal()
        NSDecimalRound(&result, &value, 0, .plain)
        return NSDecimalNumber(decimal: result).int64Value
    }

    static func format(_ x: Double) -> String {
        if x.rounded() == x && abs(x) < 1e15 { return String(Int64(x)) }
        return String(rounded(x, places: 4))
    }
}
