import Foundation
import GRDB
import InsiderCore
import TradeStore

/// Writes filings inside one database transaction (the caller's `write`), then resolves the
/// amendments they touch, so the result never depends on the order filings arrive in.
struct FilingLoader {
    let db: Database

    /// The accessions among `accessions` already stored.
    static func stored(_ accessions: [String], db: Database) throws -> Set<String> {
        var found = Set<String>()
        for chunk in accessions.chunked(500) {
            let marks = Array(repeating: "?", count: chunk.count).joined(separator: ",")
            found.formUnion(try String.fetchAll(db, sql: "SELECT accession FROM filings WHERE accession IN (\(marks))",
                                                arguments: StatementArguments(chunk)))
        }
        return found
    }

    func load(_ filings: [StoredFiling], marking marker: LoadMarker?) throws -> LoadOutcome {
        var outcome = LoadOutcome()
        var seen = try FilingLoader.stored(filings.map(\.accession), db: db)
        var groups = Set<AmendmentGroupKey>()
        let statements = try Statements(db: db)
        for filing in filings {
            guard seen.insert(filing.accession).inserted else { outcome.skippedFilings += 1; continue }
            try insert(filing, with: statements)
            outcome.newFilings += 1
            outcome.newTransactions += filing.transactions.count
            let owner = filing.owners.first?.cik ?? ""
            if filing.isAmendment {
                if let original = filing.dateOfOriginalSubmission {
                    groups.insert(AmendmentGroupKey(issuerCIK: filing.issuerCIK, ownerCIK: owner, originalDate: original.description))
                }
            } else {
                groups.insert(AmendmentGroupKey(issuerCIK: filing.issuerCIK, ownerCIK: owner, originalDate: filing.filingDate.description))
            }
        }
        for key in groups { try resolve(key) }
        switch marker {
        case .quarter(let q):
            try db.execute(sql: """
                INSERT INTO loaded_quarters (quarter, filings, zip_digest, loaded_at) VALUES (?, ?, ?, ?)
                ON CONFLICT (quarter) DO UPDATE SET filings = excluded.filings, zip_digest = excluded.zip_digest, loaded_at = excluded.loaded_at
                """, arguments: [q.quarter, q.filings, q.zipDigest, q.loadedAt])
        case .day(let d):
            try db.execute(sql: """
                INSERT INTO loaded_days (day, filings, loaded_at) VALUES (?, ?, ?)
                ON CONFLICT (day) DO UPDATE SET filings = excluded.filings, loaded_at = excluded.loaded_at
                """, arguments: [d.day.description, d.filings, d.loadedAt])
        case nil:
            break
        }
        if outcome.newFilings > 0 {
            try db.execute(sql: "UPDATE store_meta SET value = value + 1 WHERE name = 'data_version'")
        }
        return outcome
    }

    /// Prepared once per load, reused for every row.
    struct Statements {
        let filing, owner, transaction, footnote, issuer: Statement
        init(db: Database) throws {
            filing = try db.cachedStatement(sql: """
                INSERT INTO filings (accession, form_type, filing_date, acceptance, issuer_cik, issuer_name, issuer_ticker,
                    period_of_report, original_filing_date, aff10b5one, source, first_owner_cik)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            owner = try db.cachedStatement(sql: """
                INSERT INTO owners (accession, position, owner_cik, name, is_director, is_officer, is_ten_pct_owner, is_other,
                    officer_title, other_text) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            transaction = try db.cachedStatement(sql: """
                INSERT INTO transactions (accession, table_code, row_index, issuer_cik, filing_date, security_title, trade_date,
                    code, shares, price, value, acquired_disposed, shares_after, direct_indirect, footnote_ids, rule10b51,
                    first_owner_cik, joint)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            footnote = try db.cachedStatement(sql: """
                INSERT INTO footnotes (accession, footnote_id, text) VALUES (?, ?, ?) ON CONFLICT (accession, footnote_id) DO NOTHING
                """)
            // The issuer's ticker and name are those of its newest filing that names a ticker.
            issuer = try db.cachedStatement(sql: """
                INSERT INTO issuers (issuer_cik, ticker, name, latest_filing_date) VALUES (?, ?, ?, ?)
                ON CONFLICT (issuer_cik) DO UPDATE SET ticker = excluded.ticker, name = excluded.name,
                    latest_filing_date = excluded.latest_filing_date
                WHERE excluded.latest_filing_date >= issuers.latest_filing_date
                """)
        }
    }

    private func insert(_ f: StoredFiling, with s: Statements) throws {
        let filed = f.filingDate.description
        let firstOwner = f.owners.first?.cik ?? ""
        let joint = f.owners.count > 1
        try RowBinder.run(s.filing, in: db) { b in
            b.text(f.accession); b.text(f.formType); b.text(filed); b.text(f.acceptance); b.text(f.issuerCIK)
            b.text(f.issuerName); b.text(f.issuerTicker); b.text(f.periodOfReport?.description)
            b.text(f.dateOfOriginalSubmission?.description); b.bool(f.aff10b5One); b.text(f.source.rawValue); b.text(firstOwner)
        }
        for (i, o) in f.owners.enumerated() {
            try RowBinder.run(s.owner, in: db) { b in
                b.text(f.accession); b.int(Int64(i + 1)); b.text(o.cik); b.text(o.name); b.bool(o.isDirector); b.bool(o.isOfficer)
                b.bool(o.isTenPercentOwner); b.bool(o.isOther); b.text(o.officerTitle); b.text(o.otherText)
            }
        }
        for t in f.transactions {
            try RowBinder.run(s.transaction, in: db) { b in
                b.text(f.accession); b.text(t.table.rawValue); b.int(Int64(t.row)); b.text(f.issuerCIK); b.text(filed)
                b.text(t.securityTitle); b.text(t.tradeDate?.description); b.text(t.code); b.double(t.shares.map(StoredNumber.double))
                b.double(t.price.map(StoredNumber.double)); b.int(t.value); b.text(t.acquiredDisposed); b.double(t.sharesOwnedAfter.map(StoredNumber.double))
                b.text(t.directIndirect); b.text(t.footnoteIds.joined(separator: ",")); b.bool(t.rule10b5_1)
                b.text(firstOwner); b.bool(joint)
            }
        }
        for n in f.footnotes {
            try RowBinder.run(s.footnote, in: db) { b in b.text(f.accession); b.text(n.id); b.text(n.text) }
        }
        if let ticker = IssuerTicker.normalised(f.issuerTicker) {
            try RowBinder.run(s.issuer, in: db) { b in b.text(f.issuerCIK); b.text(ticker); b.text(f.issuerName); b.text(filed) }
        }
    }

    /// SPEC section 8: the amended filing is the latest Form 4 of the same issuer and first owner
    /// filed on the 4/A's `dateOfOriginalSubmission`; within that group (the original and every
    /// 4/A of it, oldest first) the newest member with rows in a table stands for that table and
    /// every other member's rows of that table are superseded.
    private func resolve(_ key: AmendmentGroupKey) throws {
        let args: StatementArguments = [key.issuerCIK, key.ownerCIK, key.originalDate]
        let amendments = try String.fetchAll(db.cachedStatement(sql: """
            SELECT accession FROM filings
            WHERE issuer_cik = ? AND first_owner_cik = ? AND original_filing_date = ? AND form_type = '4/A'
            ORDER BY filing_date, COALESCE(acceptance, ''), accession
            """), arguments: args)
        guard !amendments.isEmpty else { return }
        let original = try String.fetchOne(db.cachedStatement(sql: """
            SELECT accession FROM filings
            WHERE issuer_cik = ? AND first_owner_cik = ? AND filing_date = ? AND form_type = '4'
            ORDER BY COALESCE(acceptance, '') DESC, accession DESC LIMIT 1
            """), arguments: args)
        let group = (original.map { [$0] } ?? []) + amendments
        let marks = Array(repeating: "?", count: group.count).joined(separator: ",")
        for table in [TransactionTable.nonDerivative, .derivative] {
            let withRows = Set(try String.fetchAll(db, sql: """
                SELECT DISTINCT accession FROM transactions WHERE table_code = ? AND accession IN (\(marks))
                """, arguments: StatementArguments([table.rawValue] + group)))
            guard let standing = group.last(where: withRows.contains) else { continue }
            try db.execute(sql: """
                UPDATE transactions SET superseded_by = CASE WHEN accession = ? THEN NULL ELSE ? END
                WHERE table_code = ? AND accession IN (\(marks))
                """, arguments: StatementArguments([standing, standing, table.rawValue] + group))
        }
        try db.execute(sql: "UPDATE filings SET amends = ? WHERE accession IN (\(marks)) AND form_type = '4/A'",
                       arguments: StatementArguments([original] + group))
    }
}

/// The filings an amendment can touch: one issuer, one first reporting owner, one original date.
struct AmendmentGroupKey: Hashable {
    var issuerCIK: String
    var ownerCIK: String
    var originalDate: String
}

extension Array {
    func chunked(_ size: Int) -> [ArraySlice<Element>] {
        stride(from: 0, to: count, by: size).map { self[$0..<Swift.min($0 + size, count)] }
    }
}
