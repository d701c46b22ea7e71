import GRDB

/// The schema in versioned migrations. The SQL is kept portable (plain types, `ON CONFLICT`,
/// window functions, partial indexes: all of them PostgreSQL too) so a server store can apply
/// the same statements.
public enum TradeStoreSchema {
    static var migrator: DatabaseMigrator {
        var m = DatabaseMigrator()
        m.registerMigration("v1") { db in
            for statement in TradeStoreSchema.v1 { try db.execute(sql: statement) }
        }
        return m
    }

    /// Version 1: filings, owners, transactions, footnotes, issuers, load markers, API keys, data version.
    public static let v1: [String] = [
        """
        CREATE TABLE filings (
            accession TEXT PRIMARY KEY,
            form_type TEXT NOT NULL,
            filing_date TEXT NOT NULL,
            acceptance TEXT,
            issuer_cik TEXT NOT NULL,
            issuer_name TEXT NOT NULL,
            issuer_ticker TEXT NOT NULL,
            period_of_report TEXT,
            original_filing_date TEXT,
            aff10b5one INTEGER,
            source TEXT NOT NULL,
            first_owner_cik TEXT NOT NULL,
            amends TEXT
        )
        """,
        "CREATE INDEX filings_by_owner_and_date ON filings (issuer_cik, first_owner_cik, filing_date)",
        "CREATE INDEX filings_by_original ON filings (issuer_cik, first_owner_cik, original_filing_date)",
        "CREATE INDEX filings_by_date ON filings (filing_date)",
        "CREATE INDEX filings_by_ticker ON filings (issuer_ticker)",
        """
        CREATE TABLE owners (
            accession TEXT NOT NULL,
            position INTEGER NOT NULL,
            owner_cik TEXT NOT NULL,
            name TEXT NOT NULL,
            is_director INTEGER NOT NULL,
            is_officer INTEGER NOT NULL,
            is_ten_pct_owner INTEGER NOT NULL,
            is_other INTEGER NOT NULL,
            officer_title TEXT,
            other_text TEXT,
            PRIMARY KEY (accession, position)
        )
        """,
        "CREATE INDEX owners_by_cik ON owners (owner_cik)",
        """
        CREATE TABLE transactions (
            accession TEXT NOT NULL,
            table_code TEXT NOT NULL,
            row_index INTEGER NOT NULL,
            issuer_cik TEXT NOT NULL,
            filing_date TEXT NOT NULL,
            security_title TEXT,
            trade_date TEXT,
            code TEXT NOT NULL,
            shares DOUBLE PRECISION,
            price DOUBLE PRECISION,
            value BIGINT NOT NULL,
            acquired_disposed TEXT,
            shares_after DOUBLE PRECISION,
            direct_indirect TEXT,
            footnote_ids TEXT NOT NULL,
            rule10b51 INTEGER NOT NULL,
            first_owner_cik TEXT NOT NULL,
            joint INTEGER NOT NULL,
            superseded_by TEXT,
            PRIMARY KEY (accession, table_code, row_index)
        )
        """,
        // The market-wide queries (activity, cluster buys) read rows in force by code and date from
        // this index alone: the first owner and a joint-filing flag are copied onto each row so the
        // distinct insiders of single-owner filings need no join.
        """
        CREATE INDEX transactions_in_force_by_code_and_date
            ON transactions (code, trade_date, table_code, issuer_cik, value, shares, first_owner_cik, joint)
            WHERE superseded_by IS NULL
        """,
        // The per-ticker query reads one issuer's rows by date.
        "CREATE INDEX transactions_by_issuer_and_date ON transactions (issuer_cik, trade_date)",
        """
        CREATE TABLE footnotes (
            accession TEXT NOT NULL,
            footnote_id TEXT NOT NULL,
            text TEXT NOT NULL,
            PRIMARY KEY (accession, footnote_id)
        )
        """,
        """
        CREATE TABLE issuers (
            issuer_cik TEXT PRIMARY KEY,
            ticker TEXT NOT NULL,
            name TEXT NOT NULL,
            latest_filing_date TEXT NOT NULL
        )
        """,
        "CREATE INDEX issuers_by_ticker ON issuers (ticker)",
        """
        CREATE TABLE loaded_quarters (
            quarter TEXT PRIMARY KEY,
            filings INTEGER NOT NULL,
            zip_digest TEXT NOT NULL,
            loaded_at TEXT NOT NULL
        )
        """,
        """
        CREATE TABLE loaded_days (
            day TEXT PRIMARY KEY,
            filings INTEGER NOT NULL,
            loaded_at TEXT NOT NULL
        )
        """,
        """
        CREATE TABLE api_keys (
            id TEXT PRIMARY KEY,
            name TEXT,
            tier TEXT NOT NULL,
            key_hash TEXT NOT NULL UNIQUE,
            created_at TEXT NOT NULL,
            last_used_at TEXT,
            revoked_at TEXT
        )
        """,
        "CREATE TABLE store_meta (name TEXT PRIMARY KEY, value BIGINT NOT NULL)",
        "INSERT INTO store_meta (name, value) VALUES ('data_version', 0)",
    ]
}
