import Foundation
import InsiderCore
import PostgresTradeStore
import SQLiteTradeStore
import TradeStore

/// Every implementation the shared suite runs against: SQLite always, PostgreSQL when
/// `TRADE_STORE_TEST_POSTGRES_URL` names a server (`.ci/run` starts one).
enum StoreFactory: String, CaseIterable, CustomStringConvertible {
    case sqlite
    case postgres
    var description: String { rawValue }

    /// The implementations available in this run.
    static var allCases: [StoreFactory] { TestPostgres.url == nil ? [.sqlite] : [.sqlite, .postgres] }

    /// An empty store of its own: a new file, or a new schema on the test server.
    func make() throws -> any TradeStore {
        switch self {
        case .sqlite:
            return try SQLiteTradeStore(path: TestPostgres.temporarySQLitePath())
        case .postgres:
            return PostgresTradeStore(url: try TestPostgres.freshURL())
        }
    }
}

func day(_ s: String) -> Day { Day(s)! }

func owner(_ cik: String, _ name: String, director: Bool = false, officer: Bool = false, tenPct: Bool = false,
           other: Bool = false, title: String? = nil, otherText: String? = nil) -> StoredOwner {
    StoredOwner(cik: cik, name: name, isDirector: director, isOfficer: officer, isTenPercentOwner: tenPct, isOther: other,
                officerTitle: title, otherText: otherText)
}

func tx(_ code: String, _ date: String, shares: Decimal, price: Decimal?, table: TransactionTable = .nonDerivative,
        row: Int = 1, after: Decimal? = nil, direct: String = "D", footnotes: [String] = [], plan: Bool = false) -> StoredTransaction {
    StoredTransaction(table: table, row: row, securityTitle: table == .nonDerivative ? "Common Stock" : "Stock Option",
                      tradeDate: day(date), code: code, shares: shares, price: price,
                      acquiredDisposed: code == "S" ? "D" : "A", sharesOwnedAfter: after, directIndirect: direct,
                      footnoteIds: footnotes, rule10b5_1: plan)
}

func filing(_ accession: String, form: String = "4", filed: String, issuer: String = "0000000001", name: String = "Acme Corp",
            ticker: String = "ACME", original: String? = nil, aff: Bool? = nil, owners: [StoredOwner],
            _ transactions: [StoredTransaction], acceptance: String? = nil) -> StoredFiling {
    StoredFiling(accession: accession, formType: form, filingDate: day(filed), acceptance: acceptance, issuerCIK: issuer,
                 issuerName: name, issuerTicker: ticker, dateOfOriginalSubmission: original.map(day), aff10b5One: aff,
                 source: .dataSet, owners: owners, transactions: transactions)
}
