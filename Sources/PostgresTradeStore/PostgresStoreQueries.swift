import Foundation
import InsiderCore
import PostgresNIO
import SQLiteTradeStore
import TradeStore

/// The SQLite store's `StoreQueries` on PostgreSQL, statement for statement: the market-wide
/// totals are the same `PortableQueries` text with numbered placeholders; the rest mirror
/// SQLite's with `$n` for `?` and `= ANY($n)` for `IN (?, ...)`. Only rows in force count
/// (`superseded_by IS NULL`).
struct PostgresStoreQueries {
    let session: PostgresSession

    /// Transactions of one code in table I, in force, with a trade date in the window ($1 code, $2 first, $3 last).
    static let sideFilter = PostgresSession.numbered(PortableQueries.sideFilter)

    func sideArguments(_ code: String, _ window: LookbackWindow) -> [PostgresValue] {
        [.text(code), .text(window.first.description), .text(window.last.description)]
    }

    /// Distinct owner CIKs over every owner of the issuers' transactions (for issuers with a joint filing).
    func exactInsiders(code: String, window: LookbackWindow, issuers: [String]) async throws -> [String: Int] {
        let rows = try await session.rows("""
            SELECT t.issuer_cik, COUNT(DISTINCT o.owner_cik) FROM transactions t JOIN owners o ON o.accession = t.accession
            WHERE \(Self.sideFilter) AND t.issuer_cik = ANY($4) GROUP BY t.issuer_cik
            """, sideArguments(code, window) + [.texts(issuers)])
        var out: [String: Int] = [:]
        for row in rows { out[try row.text(0)] = try row.int(1) }
        return out
    }

    /// One issuer's totals with its exact insider count.
    struct Totals {
        var ticker, name, issuerCIK: String
        var tradeCount: Int
        var totalShares: Double?
        var totalValue: Int64
        var firstDate, lastDate: String
        var insiders: Int
    }

    /// Issuer totals with exact insider counts.
    func totals(code: String, window: LookbackWindow, having: String, orderAndLimit: String, extra: [PostgresValue]) async throws -> [Totals] {
        let rows = try await session.rows(PostgresSession.numbered(PortableQueries.issuerTotals(having: having, orderAndLimit: orderAndLimit)),
                                          sideArguments(code, window) + extra)
        var totals = try rows.map { row in
            Totals(ticker: try row.text(0), name: try row.text(1), issuerCIK: try row.text(2), tradeCount: try row.int(3),
                   totalShares: try row.optionalDouble(4), totalValue: try row.int64(5), firstDate: try row.text(6),
                   lastDate: try row.text(7), insiders: try row.int(8))
        }
        let joint = try zip(rows, totals).filter { try $0.0.int64(9) != 0 }.map { $0.1.issuerCIK }
        if !joint.isEmpty {
            let exact = try await exactInsiders(code: code, window: window, issuers: joint)
            for i in totals.indices { if let n = exact[totals[i].issuerCIK] { totals[i].insiders = n } }
        }
        return totals
    }

    /// `buys` or `sells` of `GET /activity`: by total value descending, then ticker; at most `limit`.
    func activitySide(code: String, window: LookbackWindow, limit: Int) async throws -> [ActivityEntry] {
        let rows = try await totals(code: code, window: window, having: "",
                                    orderAndLimit: "ORDER BY b.total_value DESC, i.ticker ASC, b.issuer_cik ASC LIMIT ?",
                                    extra: [.int(Int64(limit))])
        guard !rows.isEmpty else { return [] }
        let latest = try await latestOwners(code: code, window: window, issuers: rows.map(\.issuerCIK))
        return rows.map { row in
            let owner = latest[row.issuerCIK]
            return ActivityEntry(
                ticker: row.ticker, companyName: row.name, tradeCount: row.tradeCount, insiderCount: row.insiders,
                totalShares: StoredNumber.wholeShares(row.totalShares), totalValue: row.totalValue, latestDate: Day(row.lastDate) ?? window.last,
                latestInsider: owner?.name ?? "", latestTitle: owner.map(OwnerRelationship.title(of:)) ?? "Other")
        }
    }

    /// The first reporting owner of each issuer's latest transaction: latest trade date, then
    /// latest filing date, then greatest accession, then last row.
    private func latestOwners(code: String, window: LookbackWindow, issuers: [String]) async throws -> [String: StoredOwner] {
        let rows = try await session.rows("""
            SELECT x.issuer_cik, \(StoreTable.ownerColumns("o"))
            FROM (
                SELECT t.issuer_cik, t.accession, ROW_NUMBER() OVER (
                    PARTITION BY t.issuer_cik
                    ORDER BY t.trade_date DESC, t.filing_date DESC, t.accession DESC, t.row_index DESC) AS rank
                FROM transactions t WHERE \(Self.sideFilter) AND t.issuer_cik = ANY($4)
            ) x JOIN owners o ON o.accession = x.accession AND o.position = 1
            WHERE x.rank = 1
            """, sideArguments(code, window) + [.texts(issuers)])
        var out: [String: StoredOwner] = [:]
        for row in rows { out[try row.text(0)] = try Self.owner(row, from: 1) }
        return out
    }

    /// `GET /cluster-buys`: issuers with at least `minInsiders` distinct buyers (table I `P`),
    /// by insider count descending, then total value descending, then ticker.
    func clusterBuys(window: LookbackWindow, minInsiders: Int) async throws -> [ClusterBuy] {
        let rows = try await totals(code: "P", window: window,
                                    having: "HAVING COUNT(DISTINCT t.first_owner_cik) >= ? OR MAX(t.joint) = 1",
                                    orderAndLimit: "", extra: [.int(Int64(minInsiders))])
        return rows.filter { $0.insiders >= minInsiders }.map { row in
            ClusterBuy(ticker: row.ticker, companyName: row.name, insiderCount: row.insiders, tradeCount: row.tradeCount,
                       totalShares: StoredNumber.wholeShares(row.totalShares), totalValue: row.totalValue,
                       firstBuyDate: Day(row.firstDate) ?? window.first, lastBuyDate: Day(row.lastDate) ?? window.last)
        }.sorted { a, b in
            if a.insiderCount != b.insiderCount { return a.insiderCount > b.insiderCount }
            if a.totalValue != b.totalValue { return a.totalValue > b.totalValue }
            return a.ticker < b.ticker
        }
    }

    /// `GET /trades/{ticker}`: every transaction in force of the issuer, newest first; nil for a
    /// ticker never seen. A ticker is the issuer's current one, else one it filed under before.
    func trades(ticker: String, window: LookbackWindow) async throws -> [TickerTrade]? {
        let wanted = IssuerTicker.normalised(ticker) ?? ticker.uppercased()
        var issuers = try await session.texts("SELECT issuer_cik FROM issuers WHERE ticker = $1", [.text(wanted)])
        if issuers.isEmpty {
            issuers = try await session.texts("SELECT DISTINCT issuer_cik FROM filings WHERE issuer_ticker = $1", [.text(wanted)])
        }
        guard !issuers.isEmpty else { return nil }
        let rows = try await session.rows(PostgresSession.numbered(PortableQueries.tickerTrades(issuerMatch: "= ANY(?)")),
                                          [.text(wanted), .texts(issuers), .text(window.first.description), .text(window.last.description)])
        return try rows.map { row in
            let owner = try Self.owner(row, from: 13)
            let price = try row.optionalDouble(7)
            let code = try row.text(4)
            return TickerTrade(
                ticker: try row.text(0), companyName: try row.text(1), insiderName: owner.name,
                insiderTitle: OwnerRelationship.title(of: owner), insiderRelation: OwnerRelationship.relation(of: owner),
                officer: owner.isOfficer, director: owner.isDirector, tenPctOwner: owner.isTenPercentOwner,
                transactionDate: Day(try row.text(2)) ?? window.last, filedDate: Day(try row.text(3)) ?? window.last,
                transactionCode: code, transactionType: TransactionType.of(code: code), securityTitle: try row.optionalText(5),
                sharesTransacted: StoredNumber.wholeShares(try row.optionalDouble(6)), pricePerShare: (price ?? 0) == 0 ? nil : price,
                totalValue: try row.int64(8), sharesOwnedAfter: try row.optionalDouble(9).map { StoredNumber.wholeShares($0) },
                directOwnership: try row.optionalText(10) == "D", rule10b51: try row.int64(11) != 0,
                accessionNumber: try row.text(12))
        }
    }

    /// Every transaction in force in the window, with its filing and owners.
    func transactionsInForce(window: LookbackWindow, tickers: Set<String>?) async throws -> [StoredTradeRow] {
        var sql = """
            SELECT t.accession, f.form_type, f.filing_date, f.acceptance, f.issuer_cik, f.issuer_name, f.issuer_ticker,
                   t.table_code, t.row_index, t.security_title, t.trade_date, t.code, t.shares, t.price, t.acquired_disposed,
                   t.shares_after, t.direct_indirect, t.footnote_ids, t.rule10b51
            FROM transactions t JOIN filings f ON f.accession = t.accession
            WHERE t.superseded_by IS NULL AND t.trade_date >= $1 AND t.trade_date <= $2
            """
        var args: [PostgresValue] = [.text(window.first.description), .text(window.last.description)]
        if let tickers {
            guard !tickers.isEmpty else { return [] }
            sql += " AND (f.issuer_ticker = ANY($3) OR t.issuer_cik IN (SELECT issuer_cik FROM issuers WHERE ticker = ANY($3)))"
            args.append(.texts(tickers.sorted()))
        }
        sql += " ORDER BY t.trade_date, f.filing_date, t.accession, t.table_code DESC, t.row_index"
        let rows = try await session.rows(sql, args)
        let owners = try await ownersByAccession(Array(Set(try rows.map { try $0.text(0) })))
        return try rows.map { row in
            let accession = try row.text(0)
            let transaction = StoredTransaction(
                table: TransactionTable(rawValue: try row.text(7)) ?? .nonDerivative, row: try row.int(8),
                securityTitle: try row.optionalText(9), tradeDate: try row.optionalText(10).flatMap { Day($0) }, code: try row.text(11),
                shares: StoredNumber.decimal(try row.optionalDouble(12)), price: StoredNumber.decimal(try row.optionalDouble(13)),
                acquiredDisposed: try row.optionalText(14), sharesOwnedAfter: StoredNumber.decimal(try row.optionalDouble(15)),
                directIndirect: try row.optionalText(16), footnoteIds: try row.text(17).split(separator: ",").map(String.init),
                rule10b5_1: try row.int64(18) != 0)
            return StoredTradeRow(
                accession: accession, formType: try row.text(1), filingDate: Day(try row.text(2)) ?? window.last,
                acceptance: try row.optionalText(3), issuerCIK: try row.text(4), issuerName: try row.text(5),
                issuerTicker: try row.text(6), owners: owners[accession] ?? [], transaction: transaction)
        }
    }

    private func ownersByAccession(_ accessions: [String]) async throws -> [String: [StoredOwner]] {
        guard !accessions.isEmpty else { return [:] }
        let rows = try await session.rows("""
            SELECT o.accession, \(StoreTable.ownerColumns("o")) FROM owners o
            WHERE o.accession = ANY($1) ORDER BY o.accession, o.position
            """, [.texts(accessions)])
        var out: [String: [StoredOwner]] = [:]
        for row in rows { out[try row.text(0), default: []].append(try Self.owner(row, from: 1)) }
        return out
    }

    /// An owner from the eight `ownerColumns` starting at `index` (all null from a LEFT JOIN that found none).
    static func owner(_ row: PostgresRandomAccessRow, from index: Int) throws -> StoredOwner {
        func flag(_ i: Int) throws -> Bool { (try row.optionalInt64(index + i) ?? 0) != 0 }
        return StoredOwner(cik: try row.optionalText(index) ?? "", name: try row.optionalText(index + 1) ?? "",
                           isDirector: try flag(2), isOfficer: try flag(3), isTenPercentOwner: try flag(4), isOther: try flag(5),
                           officerTitle: try row.optionalText(index + 6), otherText: try row.optionalText(index + 7))
    }
}
