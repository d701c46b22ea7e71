import Foundation
import InsiderCore
import TradeStore

/// The hand-made market the API tests read (today T = 2026-11-30). Every expected figure in the
/// tests is computed by hand from these filings; the comments give the arithmetic.
///
/// - `CL0`...`CL5`: three directors each buy 100 shares at 10 x (i + 1) on 2026-11-(10 + i), each in
///   their own filing filed the next day: 3 insiders, 300 shares, 3,000 x (i + 1) dollars.
///   `CL5` has a fourth buyer, 100 at 60 on 2026-10-01 (inside 90 days, outside 30).
/// - `AAA`: like `CL0` (3 insiders, 3,000): ties with `CL0`, ordered by ticker.
/// - `BIG`: four insiders buy 10 shares at 1 on 2026-11-25 (4 insiders, 40 dollars).
/// - `TWO`: two insiders buy 100 at 10 on 2026-11-20: no cluster.
/// - `SL0`...`SL5`: one insider sells 100 at 10 x (i + 1) on 2026-11-20.
/// - `ACME`: officer Roe Richard (CFO) and director Poe Edgar, seven transactions (see `acme`).
enum Fixture {
    static let asOf = Day("2026-11-30")!

    static func day(_ text: String) -> Day { Day(text)! }

    static func owner(_ cik: Int, _ name: String, director: Bool = false, officer: Bool = false, tenPct: Bool = false, title: String? = nil) -> StoredOwner {
        StoredOwner(cik: String(format: "%010d", cik), name: name, isDirector: director, isOfficer: officer, isTenPercentOwner: tenPct, officerTitle: title)
    }

    static func tx(_ code: String, _ shares: Decimal, at price: Decimal?, on date: String, table: TransactionTable = .nonDerivative, row: Int = 1) -> StoredTransaction {
        StoredTransaction(table: table, row: row, securityTitle: table == .nonDerivative ? "Common Stock" : "Stock Option", tradeDate: day(date),
                          code: code, shares: shares, price: price, acquiredDisposed: ["S", "F", "G"].contains(code) ? "D" : "A",
                          sharesOwnedAfter: 5000, directIndirect: "D")
    }

    static func filing(_ accession: String, issuer cik: Int, _ ticker: String, _ company: String, filed: String,
                       _ owner: StoredOwner, _ transactions: [StoredTransaction]) -> StoredFiling {
        StoredFiling(accession: accession, formType: "4", filingDate: day(filed), issuerCIK: String(format: "%010d", cik), issuerName: company,
                     issuerTicker: ticker, aff10b5One: false, source: .batchRun, owners: [owner], transactions: transactions)
    }

    /// Three (or more) insiders of one issuer each buying `shares` at `price` on `date`.
    static func cluster(_ ticker: String, cik: Int, insiders: Int, shares: Decimal, price: Decimal, on date: String, filed: String) -> [StoredFiling] {
        (0..<insiders).map { k in
            filing(String(format: "%010d-26-%06d", cik, k), issuer: cik, ticker, "\(ticker) Inc", filed: filed,
                   owner(cik * 100 + k, "Owner \(ticker)-\(k)", director: true), [tx("P", shares, at: price, on: date)])
        }
    }

    /// ACME's filings. Trades newest first at lookback 30 (SPEC order: trade date, filing date,
    /// accession descending, non-derivative first, row ascending):
    /// A4 P (11-27) · A3 G (11-25, filed 11-27) · A2 P (filed 11-26, accession 2) · A1 S, A1 F, A1 M (accession 1: N1, N2, D1).
    /// A5 A (10-14) counts only from lookback 47 on.
    static let acme: [StoredFiling] = {
        let roe = owner(9001, "Roe Richard", officer: true, title: "CFO"), poe = owner(9002, "Poe Edgar", director: true)
        func a(_ n: Int, filed: String, _ o: StoredOwner, _ t: [StoredTransaction]) -> StoredFiling {
            filing("0000000900-26-00000\(n)", issuer: 900, "ACME", "Acme Corp", filed: filed, o, t)
        }
        return [
            a(1, filed: "2026-11-26", roe, [tx("S", 1000, at: 25.5, on: "2026-11-25", row: 1), tx("F", 200, at: 25.5, on: "2026-11-25", row: 2),
                                           tx("M", 1000, at: nil, on: "2026-11-25", table: .derivative, row: 1)]),
            a(2, filed: "2026-11-26", poe, [tx("P", 400, at: 12.25, on: "2026-11-25")]),
            a(3, filed: "2026-11-27", poe, [tx("G", 50, at: nil, on: "2026-11-25")]),
            a(4, filed: "2026-11-28", roe, [tx("P", 10, at: 30, on: "2026-11-27")]),
            a(5, filed: "2026-10-15", poe, [tx("A", 100, at: 0, on: "2026-10-14")]),
        ]
    }()

    static let filings: [StoredFiling] = {
        var all: [StoredFiling] = []
        for i in 0..<6 {
            all += cluster("CL\(i)", cik: 100 + i, insiders: 3, shares: 100, price: Decimal(10 * (i + 1)),
                           on: "2026-11-\(10 + i)", filed: "2026-11-\(11 + i)")
        }
        all.append(filing("0000000105-26-000003", issuer: 105, "CL5", "CL5 Inc", filed: "2026-10-02",
                          owner(10503, "Owner CL5-3", director: true), [tx("P", 100, at: 60, on: "2026-10-01")]))
        all += cluster("AAA", cik: 200, insiders: 3, shares: 100, price: 10, on: "2026-11-10", filed: "2026-11-11")
        all += cluster("BIG", cik: 300, insiders: 4, shares: 10, price: 1, on: "2026-11-25", filed: "2026-11-26")
        all += cluster("TWO", cik: 400, insiders: 2, shares: 100, price: 10, on: "2026-11-20", filed: "2026-11-21")
        for i in 0..<6 {
            let cik = 500 + i
            all.append(filing(String(format: "%010d-26-%06d", cik, 0), issuer: cik, "SL\(i)", "SL\(i) Inc", filed: "2026-11-21",
                              owner(cik * 100, "Seller SL\(i)", officer: true), [tx("S", 100, at: Decimal(10 * (i + 1)), on: "2026-11-20")]))
        }
        return all + acme
    }()
}
