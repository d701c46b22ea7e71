import Foundation
import InsiderCore
import TradeStore

/// The SQLite store's `FilingLoader` on PostgreSQL: the same rows, the same amendment resolution,
/// inside the one transaction its caller opened, with rows sent in multi-row `INSERT`s.
struct PostgresFilingLoader {
    let session: PostgresSession

    /// The accessions among `accessions` already stored.
    static func stored(_ accessions: [String], in session: PostgresSession) async throws -> Set<String> {
        guard !accessions.isEmpty else { return [] }
        return Set(try await session.texts("SELECT accession FROM filings WHERE accession = ANY($1)", [.texts(accessions)]))
    }

    func load(_ filings: [StoredFiling], marking marker: LoadMarker?) async throws -> LoadOutcome {
        var outcome = LoadOutcome()
        var seen = try await Self.stored(filings.map(\.accession), in: session)
        var fresh: [StoredFiling] = []
        var groups = Set<GroupKey>()
        for filing in filings {
            guard seen.insert(filing.accession).inserted else { outcome.skippedFilings += 1; continue }
            fresh.append(filing)
            outcome.newFilings += 1
            outcome.newTransactions += filing.transactions.count
            if let key = GroupKey(filing) { groups.insert(key) }
        }
        try await insert(fresh)
        for key in try await groupsWithAmendments(groups) { try await resolve(key) }
        switch marker {
        case .quarter(let q):
            try await session.execute("""
                INSERT INTO loaded_quarters (quarter, filings, zip_digest, loaded_at) VALUES ($1, $2, $3, $4)
                ON CONFLICT (quarter) DO UPDATE SET filings = excluded.filings, zip_digest = excluded.zip_digest, loaded_at = excluded.loaded_at
                """, [.text(q.quarter), .int(Int64(q.filings)), .text(q.zipDigest), .text(q.loadedAt)])
        case .day(let d):
            try await session.execute("""
                INSERT INTO loaded_days (day, filings, loaded_at) VALUES ($1, $2, $3)
                ON CONFLICT (day) DO UPDATE SET filings = excluded.filings, loaded_at = excluded.loaded_at
                """, [.text(d.day.description), .int(Int64(d.filings)), .text(d.loadedAt)])
        case nil:
            break
        }
        if outcome.newFilings > 0 {
            try await session.execute("UPDATE store_meta SET value = value + 1 WHERE name = 'data_version'")
        }
        return outcome
    }

    /// The new filings' rows, table by table.
    private func insert(_ filings: [StoredFiling]) async throws {
        var filingRows: [[PostgresValue]] = [], ownerRows: [[PostgresValue]] = [], transactionRows: [[PostgresValue]] = []
        var footnoteRows: [[PostgresValue]] = []
        var issuers: [String: (ticker: String, name: String, filed: String)] = [:]
        var issuerOrder: [String] = []
        for f in filings {
            let filed = f.filingDate.description
            let firstOwner = f.owners.first?.cik ?? ""
            let joint = f.owners.count > 1
            filingRows.append([
                .text(f.accession), .text(f.formType), .text(filed), .text(f.acceptance), .text(f.issuerCIK), .text(f.issuerName),
                .text(f.issuerTicker), .text(f.periodOfReport?.description), .text(f.dateOfOriginalSubmission?.description),
                .flag(f.aff10b5One), .text(f.source.rawValue), .text(firstOwner),
            ])
            for (i, o) in f.owners.enumerated() {
                ownerRows.append([
                    .text(f.accession), .int(Int64(i + 1)), .text(o.cik), .text(o.name), .flag(o.isDirector), .flag(o.isOfficer),
                    .flag(o.isTenPercentOwner), .flag(o.isOther), .text(o.officerTitle), .text(o.otherText),
                ])
            }
            for t in f.transactions {
                transactionRows.append([
                    .text(f.accession), .text(t.table.rawValue), .int(Int64(t.row)), .text(f.issuerCIK), .text(filed),
                    .text(t.securityTitle), .text(t.tradeDate?.description), .text(t.code), .double(t.shares.map(StoredNumber.double)),
                    .double(t.price.map(StoredNumber.double)), .int(t.value), .text(t.acquiredDisposed),
                    .double(t.sharesOwnedAfter.map(StoredNumber.double)), .text(t.directIndirect),
                    .text(t.footnoteIds.joined(separator: ",")), .flag(t.rule10b5_1), .text(firstOwner), .flag(joint),
                ])
            }
            for n in f.footnotes { footnoteRows.append([.text(f.accession), .text(n.id), .text(n.text)]) }
            // The SQLite store upserts filing by filing with `>=`: the last filing, in load order,
            // of the newest date wins. One row per issuer keeps that and lets one INSERT carry many.
            if let ticker = IssuerTicker.normalised(f.issuerTicker) {
                if let known = issuers[f.issuerCIK] {
                    if filed >= known.filed { issuers[f.issuerCIK] = (ticker, f.issuerName, filed) }
                } else {
                    issuers[f.issuerCIK] = (ticker, f.issuerName, filed)
                    issuerOrder.append(f.issuerCIK)
                }
            }
        }
        try await session.insert(into: "filings", columns: [
            "accession", "form_type", "filing_date", "acceptance", "issuer_cik", "issuer_name", "issuer_ticker",
            "period_of_report", "original_filing_date", "aff10b5one", "source", "first_owner_cik",
        ], rows: filingRows)
        try await session.insert(into: "owners", columns: [
            "accession", "position", "owner_cik", "name", "is_director", "is_officer", "is_ten_pct_owner", "is_other",
            "officer_title", "other_text",
        ], rows: ownerRows)
        try await session.insert(into: "transactions", columns: [
            "accession", "table_code", "row_index", "issuer_cik", "filing_date", "security_title", "trade_date", "code", "shares",
            "price", "value", "acquired_disposed", "shares_after", "direct_indirect", "footnote_ids", "rule10b51",
            "first_owner_cik", "joint",
        ], rows: transactionRows)
        try await session.insert(into: "footnotes", columns: ["accession", "footnote_id", "text"], rows: footnoteRows,
                                 suffix: "ON CONFLICT (accession, footnote_id) DO NOTHING")
        // The issuer's ticker and name are those of its newest filing that names a ticker.
        try await session.insert(
            into: "issuers", columns: ["issuer_cik", "ticker", "name", "latest_filing_date"],
            rows: issuerOrder.compactMap { cik in issuers[cik].map { [.text(cik), .text($0.ticker), .text($0.name), .text($0.filed)] } },
            suffix: """
                ON CONFLICT (issuer_cik) DO UPDATE SET ticker = excluded.ticker, name = excluded.name,
                    latest_filing_date = excluded.latest_filing_date
                WHERE excluded.latest_filing_date >= issuers.latest_filing_date
                """)
    }

    /// The groups among `groups` that hold a 4/A: one statement instead of one per group, since
    /// most groups are a lone Form 4 that nothing amends.
    private func groupsWithAmendments(_ groups: Set<GroupKey>) async throws -> [GroupKey] {
        guard !groups.isEmpty else { return [] }
        let list = Array(groups)
        let rows = try await session.rows("""
            SELECT DISTINCT f.issuer_cik, f.first_owner_cik, f.original_filing_date
            FROM filings f
            JOIN unnest($1::text[], $2::text[], $3::text[]) AS k(issuer_cik, owner_cik, original_date)
              ON f.issuer_cik = k.issuer_cik AND f.first_owner_cik = k.owner_cik AND f.original_filing_date = k.original_date
            WHERE f.form_type = '4/A'
            """, [.texts(list.map(\.issuerCIK)), .texts(list.map(\.ownerCIK)), .texts(list.map(\.originalDate))])
        return try rows.map { GroupKey(issuerCIK: try $0.text(0), ownerCIK: try $0.text(1), originalDate: try $0.text(2)) }
    }

    /// SPEC section 8, exactly as the SQLite store resolves it: the amended filing is the latest
    /// Form 4 of the same issuer and first owner filed on the 4/A's `dateOfOriginalSubmission`;
    /// within that group (the original and every 4/A of it, oldest first) the newest member with
    /// rows in a table stands for that table and every other member's rows of that table are superseded.
    private func resolve(_ key: GroupKey) async throws {
        let args: [PostgresValue] = [.text(key.issuerCIK), .text(key.ownerCIK), .text(key.originalDate)]
        let amendments = try await session.texts("""
            SELECT accession FROM filings
            WHERE issuer_cik = $1 AND first_owner_cik = $2 AND original_filing_date = $3 AND form_type = '4/A'
            ORDER BY filing_date, COALESCE(acceptance, ''), accession
            """, args)
        guard !amendments.isEmpty else { return }
        let original = try await session.texts("""
            SELECT accession FROM filings
            WHERE issuer_cik = $1 AND first_owner_cik = $2 AND filing_date = $3 AND form_type = '4'
            ORDER BY COALESCE(acceptance, '') DESC, accession DESC LIMIT 1
            """, args).first
        let group = (original.map { [$0] } ?? []) + amendments
        for table in [TransactionTable.nonDerivative, .derivative] {
            let withRows = Set(try await session.texts("""
                SELECT DISTINCT accession FROM transactions WHERE table_code = $1 AND accession = ANY($2)
                """, [.text(table.rawValue), .texts(group)]))
            guard let standing = group.last(where: withRows.contains) else { continue }
            try await session.execute("""
                UPDATE transactions SET superseded_by = CASE WHEN accession = $1 THEN NULL ELSE $1 END
                WHERE table_code = $2 AND accession = ANY($3)
                """, [.text(standing), .text(table.rawValue), .texts(group)])
        }
        try await session.execute("UPDATE filings SET amends = $1 WHERE accession = ANY($2) AND form_type = '4/A'",
                                  [.text(original), .texts(group)])
    }

    /// The filings an amendment can touch: one issuer, one first reporting owner, one original date.
    struct GroupKey: Hashable {
        var issuerCIK: String
        var ownerCIK: String
        var originalDate: String

        init(issuerCIK: String, ownerCIK: String, originalDate: String) {
            self.issuerCIK = issuerCIK; self.ownerCIK = ownerCIK; self.originalDate = originalDate
        }

        /// A Form 4's own group, or the group a 4/A names; nil for a 4/A without an original date.
        init?(_ filing: StoredFiling) {
            let owner = filing.owners.first?.cik ?? ""
            guard let date = filing.isAmendment ? filing.dateOfOriginalSubmission : filing.filingDate else { return nil }
            self.init(issuerCIK: filing.issuerCIK, ownerCIK: owner, originalDate: date.description)
        }
    }
}
