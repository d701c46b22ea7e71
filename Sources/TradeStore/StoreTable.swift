/// A table of the store's schema (`TradeStoreSchema.v1`) as bulk export and import see it: its
/// columns in schema order and its primary key, which orders an export the same in every database.
public struct StoreTable: Sendable, Hashable {
    /// Table name.
    public var name: String
    /// Every column, schema order.
    public var columns: [String]
    /// Primary-key columns.
    public var key: [String]

    /// Creates a table description.
    public init(name: String, columns: [String], key: [String]) { self.name = name; self.columns = columns; self.key = key }

    /// Every table, parents first, so an import never meets a row before the rows it refers to.
    public static let all: [StoreTable] = [
        StoreTable(name: "filings", columns: [
            "accession", "form_type", "filing_date", "acceptance", "issuer_cik", "issuer_name", "issuer_ticker", "period_of_report",
            "original_filing_date", "aff10b5one", "source", "first_owner_cik", "amends",
        ], key: ["accession"]),
        StoreTable(name: "owners", columns: [
            "accession", "position", "owner_cik", "name", "is_director", "is_officer", "is_ten_pct_owner", "is_other",
            "officer_title", "other_text",
        ], key: ["accession", "position"]),
        StoreTable(name: "transactions", columns: [
            "accession", "table_code", "row_index", "issuer_cik", "filing_date", "security_title", "trade_date", "code", "shares",
            "price", "value", "acquired_disposed", "shares_after", "direct_indirect", "footnote_ids", "rule10b51", "first_owner_cik",
            "joint", "superseded_by",
        ], key: ["accession", "table_code", "row_index"]),
        StoreTable(name: "footnotes", columns: ["accession", "footnote_id", "text"], key: ["accession", "footnote_id"]),
        StoreTable(name: "issuers", columns: ["issuer_cik", "ticker", "name", "latest_filing_date"], key: ["issuer_cik"]),
        StoreTable(name: "loaded_quarters", columns: ["quarter", "filings", "zip_digest", "loaded_at"], key: ["quarter"]),
        StoreTable(name: "loaded_days", columns: ["day", "filings", "loaded_at"], key: ["day"]),
        StoreTable(name: "api_keys", columns: ["id", "name", "tier", "key_hash", "created_at", "last_used_at", "revoked_at"], key: ["id"]),
        StoreTable(name: "store_meta", columns: ["name", "value"], key: ["name"]),
    ]

    /// The reporting-owner columns the queries read (every `owners` column after its key), each
    /// prefixed by `alias`, in the order both stores' owner readers expect.
    public static func ownerColumns(_ alias: String) -> String {
        ["owner_cik", "name", "is_director", "is_officer", "is_ten_pct_owner", "is_other", "officer_title", "other_text"]
            .map { "\(alias).\($0)" }.joined(separator: ", ")
    }

    /// `SELECT` of one page in key order (`?` placeholders: limit, offset).
    public var pageQuery: String {
        "SELECT \(columns.joined(separator: ", ")) FROM \(name) ORDER BY \(key.joined(separator: ", ")) LIMIT ? OFFSET ?"
    }

    /// What an import does on a row whose key exists: `store_meta` (seeded by the migration) takes
    /// the imported value; every other table refuses it, since copies go into an empty store.
    public var importConflictClause: String {
        name == "store_meta" ? "ON CONFLICT (name) DO UPDATE SET value = excluded.value" : ""
    }
}
