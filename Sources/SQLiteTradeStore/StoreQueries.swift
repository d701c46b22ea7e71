import Foundation
import GRDB
import InsiderCore
import TradeStore

/// The three answers of SPEC section 9 and the batch job's read, each written to read like its
/// SPEC paragraph. Only rows in force count (`superseded_by IS NULL`).
struct StoreQueries {
    let db: Database

    /// Distinct owner CIKs over every owner of the issuers' transactions (for issuers with a joint filing).
    func exactInsiders(code: String, window: LookbackWindow, issuers: [String]) throws -> [String: Int] {
        var out: [String: Int] = [:]
        for chunk in issuers.chunked(400) {
            let marks = Array(repeating: "?", count: chunk.count).joined(separator: ",")
            let rows = try Row.fetchAll(db, sql: """
                SELECT t.issuer_cik, COUNT(DISTINCT o.owner_cik) FROM transactions t JOIN owners o ON o.accession = t.accession
                WHERE \(PortableQueries.sideFilter) AND t.issuer_cik IN (\(marks)) GROUP BY t.issuer_cik
                """, arguments: StatementArguments(sideArguments(code, window) + Array(chunk)))
            for row in rows { out[row[0]] = row[1] }
        }
        return out
    }

    /// Tickers and names of issuers that have one (issuers without a ticker stay out of the answers).
    func tickers(_ issuers: [String]) throws -> [String: (ticker: String, name: String)] {
        var out: [String: (ticker: String, name: String)] = [:]
        for chunk in issuers.chunked(400) {
            let marks = Array(repeating: "?", count: chunk.count).joined(separator: ",")
            for row in try Row.fetchAll(db, sql: "SELECT issuer_cik, ticker, name FROM issuers WHERE issuer_cik IN (\(marks))",
                                        arguments: StatementArguments(Array(chunk))) {
                out[row[0]] = (row[1], row[2])
            }
        }
        return out
    }

    func sideArguments(_ code: String, _ window: LookbackWindow) -> [any DatabaseValueConvertible] {
        [code, window.first.description, window.last.description]
    }

    /// An issuer's side with its ticker and exact insider count.
    struct Ranked {
        var side: IssuerSide
        var ticker: String
        var name: String
        var insiders: Int
    }

    /// `sides` that have a ticker, with exact insider counts.
    func ranked(_ sides: [IssuerSide], code: String, window: LookbackWindow) throws -> [Ranked] {
        let names = try tickers(sides.map(\.issuerCIK))
        let joint = sides.filter(\.joint).map(\.issuerCIK)
        let exact = joint.isEmpty ? [:] : try exactInsiders(code: code, window: window, issuers: joint)
        return sides.compactMap { side in
            names[side.issuerCIK].map { Ranked(side: side, ticker: $0.ticker, name: $0.name, insiders: exact[side.issuerCIK] ?? side.firstOwners) }
        }
    }

    /// `buys` or `sells` of `GET /activity`: by total value descending, then ticker; at most `limit`.
    func activitySide(code: String, window: LookbackWindow, limit: Int) throws -> [ActivityEntry] {
        let sides = try SideAggregator.sides(code: code, window: window, db: db)
        // Sorting (value, position) pairs moves plain integers, not sides that hold a string.
        let order = sides.indices.map { (value: sides[$0].value, at: $0) }.sorted { $0.value > $1.value }
        let all = order.map { sides[$0.at] }
        // Only the leaders (and whatever ties the last of them) need a ticker; widen until `limit` have one.
        var take = min(all.count, limit + 16)
        var chosen: [Ranked] = []
        while true {
            while take < all.count, take > 0, all[take].value == all[take - 1].value { take += 1 }
            chosen = try ranked(Array(all.prefix(take)), code: code, window: window)
            if chosen.count >= limit || take >= all.count { break }
            take = min(all.count, take * 2)
        }
        chosen.sort { a, b in
            if a.side.value != b.side.value { return a.side.value > b.side.value }
            if a.ticker != b.ticker { return a.ticker < b.ticker }
            return a.side.issuerCIK < b.side.issuerCIK
        }
        chosen = Array(chosen.prefix(limit))
        guard !chosen.isEmpty else { return [] }
        let latest = try latestOwners(code: code, window: window, issuers: chosen.map(\.side.issuerCIK))
        return chosen.map { r in
            let owner = latest[r.side.issuerCIK]
            return ActivityEntry(
                ticker: r.ticker, companyName: r.name, tradeCount: r.side.tradeCount, insiderCount: r.insiders,
                totalShares: StoredNumber.wholeShares(r.side.shares), totalValue: r.side.value,
                latestDate: SideAggregator.day(r.side.lastDate) ?? window.last,
                latestInsider: owner?.name ?? "", latestTitle: owner.map(OwnerRelationship.title(of:)) ?? "Other")
        }
    }

    /// The first reporting owner of each issuer's latest transaction: latest trade date, then
    /// latest filing date, then greatest accession, then last row.
    private func latestOwners(code: String, window: LookbackWindow, issuers: [String]) throws -> [String: StoredOwner] {
        var out: [String: StoredOwner] = [:]
        for chunk in issuers.chunked(400) {
            let marks = Array(repeating: "?", count: chunk.count).joined(separator: ",")
            let rows = try Row.fetchAll(db, sql: """
                SELECT x.issuer_cik, \(StoreTable.ownerColumns("o"))
                FROM (
                    SELECT t.issuer_cik, t.accession, ROW_NUMBER() OVER (
                        PARTITION BY t.issuer_cik
                        ORDER BY t.trade_date DESC, t.filing_date DESC, t.accession DESC, t.row_index DESC) AS rank
                    FROM transactions t WHERE \(PortableQueries.sideFilter) AND t.issuer_cik IN (\(marks))
                ) x JOIN owners o ON o.accession = x.accession AND o.position = 1
                WHERE x.rank = 1
                """, arguments: StatementArguments(sideArguments(code, window) + Array(chunk)))
            for row in rows { out[row[0]] = StoreQueries.owner(row, from: 1) }
        }
        return out
    }

    /// `GET /cluster-buys`: issuers with at least `minInsiders` distinct buyers (table I `P`),
    /// by insider count descending, then total value descending, then ticker.
    func clusterBuys(window: LookbackWindow, minInsiders: Int) throws -> [ClusterBuy] {
        let candidates = try SideAggregator.sides(code: "P", window: window, db: db)
            .filter { $0.firstOwners >= minInsiders || $0.joint }
        return try ranked(candidates, code: "P", window: window).filter { $0.insiders >= minInsiders }.map { r in
            ClusterBuy(ticker: r.ticker, companyName: r.name, insiderCount: r.insiders, tradeCount: r.side.tradeCount,
                       totalShares: StoredNumber.wholeShares(r.side.shares), totalValue: r.side.value,
                       firstBuyDate: SideAggregator.day(r.side.firstDate) ?? window.first,
                       lastBuyDate: SideAggregator.day(r.side.lastDate) ?? window.last)
        }.sorted { a, b in
            if a.insiderCount != b.insiderCount { return a.insiderCount > b.insiderCount }
            if a.totalValue != b.totalValue { return a.totalValue > b.totalValue }
            return a.ticker < b.ticker
        }
    }

    /// `GET /trades/{ticker}`: every transaction in force of the issuer, newest first; nil for a
    /// ticker never seen. A ticker is the issuer's current one, else one it filed under before.
    func trades(ticker: String, window: LookbackWindow) throws -> [TickerTrade]? {
        let wanted = IssuerTicker.normalised(ticker) ?? ticker.uppercased()
        var issuers = try String.fetchAll(db, sql: "SELECT issuer_cik FROM issuers WHERE ticker = ?", arguments: [wanted])
        if issuers.isEmpty {
            issuers = try String.fetchAll(db, sql: "SELECT DISTINCT issuer_cik FROM filings WHERE issuer_ticker = ?", arguments: [wanted])
        }
        guard !issuers.isEmpty else { return nil }
        let marks = Array(repeating: "?", count: issuers.count).joined(separator: ",")
        let rows = try Row.fetchAll(db, sql: PortableQueries.tickerTrades(issuerMatch: "IN (\(marks))"),
                                    arguments: StatementArguments([wanted] + issuers + [window.first.description, window.last.description]))
        return rows.map { row in
            let owner = StoreQueries.owner(row, from: 13)
            let price: Double? = row[7]
            let after: Double? = row[9]
            let code: String = row[4]
            return TickerTrade(
                ticker: row[0], companyName: row[1], insiderName: owner.name, insiderTitle: OwnerRelationship.title(of: owner),
                insiderRelation: OwnerRelationship.relation(of: owner), officer: owner.isOfficer, director: owner.isDirector,
                tenPctOwner: owner.isTenPercentOwner, transactionDate: Day(row[2] as String) ?? window.last,
                filedDate: Day(row[3] as String) ?? window.last, transactionCode: code, transactionType: TransactionType.of(code: code),
                securityTitle: row[5], sharesTransacted: StoredNumber.wholeShares(row[6]), pricePerShare: (price ?? 0) == 0 ? nil : price,
                totalValue: row[8], sharesOwnedAfter: after.map { StoredNumber.wholeShares($0) }, directOwnership: (row[10] as String?) == "D",
                rule10b51: (row[11] as Int) != 0, accessionNumber: row[12])
        }
    }

    /// Every transaction in force in the window, with its filing and owners.
    func transactionsInForce(window: LookbackWindow, tickers: Set<String>?) throws -> [StoredTradeRow] {
        var sql = """
            SELECT t.accession, f.form_type, f.filing_date, f.acceptance, f.issuer_cik, f.issuer_name, f.issuer_ticker,
                   t.table_code, t.row_index, t.security_title, t.trade_date, t.code, t.shares, t.price, t.acquired_disposed,
                   t.shares_after, t.direct_indirect, t.footnote_ids, t.rule10b51
            FROM transactions t JOIN filings f ON f.accession = t.accession
            WHERE t.superseded_by IS NULL AND t.trade_date >= ? AND t.trade_date <= ?
            """
        var args: [any DatabaseValueConvertible] = [window.first.description, window.last.description]
        if let tickers {
            guard !tickers.isEmpty else { return [] }
            let list = tickers.sorted()
            let marks = Array(repeating: "?", count: list.count).joined(separator: ",")
            sql += " AND (f.issuer_ticker IN (\(marks)) OR t.issuer_cik IN (SELECT issuer_cik FROM issuers WHERE ticker IN (\(marks))))"
            args += list + list
        }
        sql += " ORDER BY t.trade_date, f.filing_date, t.accession, t.table_code DESC, t.row_index"
        let rows = try Row.fetchAll(db, sql: sql, arguments: StatementArguments(args))
        let owners = try ownersByAccession(Array(Set(rows.map { $0[0] as String })))
        return rows.map { row in
            let accession: String = row[0]
            let footnotes: String = row[17]
            let transaction = StoredTransaction(
                table: TransactionTable(rawValue: row[7]) ?? .nonDerivative, row: row[8], securityTitle: row[9],
                tradeDate: (row[10] as String?).flatMap { Day($0) }, code: row[11], shares: StoredNumber.decimal(row[12]), price: StoredNumber.decimal(row[13]),
                acquiredDisposed: row[14], sharesOwnedAfter: StoredNumber.decimal(row[15]), directIndirect: row[16],
                footnoteIds: footnotes.split(separator: ",").map(String.init), rule10b5_1: (row[18] as Int) != 0)
            return StoredTradeRow(
                accession: accession, formType: row[1], filingDate: Day(row[2] as String) ?? window.last, acceptance: row[3],
                issuerCIK: row[4], issuerName: row[5], issuerTicker: row[6], owners: owners[accession] ?? [], transaction: transaction)
        }
    }

    private func ownersByAccession(_ accessions: [String]) throws -> [String: [StoredOwner]] {
        var out: [String: [StoredOwner]] = [:]
        for chunk in accessions.chunked(500) {
            let marks = Array(repeating: "?", count: chunk.count).joined(separator: ",")
            let rows = try Row.fetchAll(db, sql: """
                SELECT o.accession, \(StoreTable.ownerColumns("o")) FROM owners o
                WHERE o.accession IN (\(marks)) ORDER BY o.accession, o.position
                """, arguments: StatementArguments(Array(chunk)))
            for row in rows { out[row[0], default: []].append(StoreQueries.owner(row, from: 1)) }
        }
        return out
    }

    /// An owner from the eight `ownerColumns` starting at `index` (all null from a LEFT JOIN that found none).
    static func owner(_ row: Row, from index: Int) -> StoredOwner {
        func flag(_ i: Int) -> Bool { ((row[index + i] as Int?) ?? 0) != 0 }
        return StoredOwner(cik: (row[index] as String?) ?? "", name: (row[index + 1] as String?) ?? "",
                           isDirector: flag(2), isOfficer: flag(3), isTenPercentOwner: flag(4), isOther: flag(5),
                           officerTitle: row[index + 6], otherText: row[index + 7])
    }
}
