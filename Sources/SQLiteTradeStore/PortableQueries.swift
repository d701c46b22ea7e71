import TradeStore

/// The market-wide queries' SQL, written once in portable SQL with `?` placeholders, as the schema is:
/// the SQLite store runs it as it is, the PostgreSQL store with the placeholders numbered.
public enum PortableQueries {
    /// Transactions of one code in table I, in force, with a trade date in the window.
    public static let sideFilter = """
        t.code = ? AND t.table_code = 'N' AND t.superseded_by IS NULL AND t.trade_date >= ? AND t.trade_date <= ?
        """

    /// (`SUM` of a `BIGINT` is a `NUMERIC` in PostgreSQL; the cast keeps both stores' answer an integer.)
    ///
    /// Per issuer, in one pass over the covering index: transactions counted once (a joint
    /// filing's row is one transaction) and the distinct first owners; `joint` says whether a
    /// joint filing is among them, whose other owners `exactInsiders` adds.
    public static func issuerTotals(having: String, orderAndLimit: String) -> String {
        """
        SELECT i.ticker, i.name, b.issuer_cik, b.trade_count, b.total_shares, b.total_value, b.first_date, b.last_date,
               b.first_owners, b.joint
        FROM (
            SELECT t.issuer_cik, COUNT(*) AS trade_count, SUM(t.shares) AS total_shares, CAST(SUM(t.value) AS BIGINT) AS total_value,
                   MIN(t.trade_date) AS first_date, MAX(t.trade_date) AS last_date,
                   COUNT(DISTINCT t.first_owner_cik) AS first_owners, MAX(t.joint) AS joint
            FROM transactions t WHERE \(sideFilter) GROUP BY t.issuer_cik \(having)
        ) b
        JOIN issuers i ON i.issuer_cik = b.issuer_cik
        \(orderAndLimit)
        """
    }

    /// `GET /trades/{ticker}`'s rows: placeholders are the ticker, the issuers (`issuerMatch`,
    /// `IN (?, ...)` or `= ANY(?)`), the window's first and last dates.
    public static func tickerTrades(issuerMatch: String) -> String {
        """
        SELECT COALESCE(i.ticker, ?), COALESCE(i.name, f.issuer_name), t.trade_date, t.filing_date, t.code, t.security_title,
               t.shares, t.price, t.value, t.shares_after, t.direct_indirect, t.rule10b51, t.accession,
               \(StoreTable.ownerColumns("o"))
        FROM transactions t
        JOIN filings f ON f.accession = t.accession
        LEFT JOIN issuers i ON i.issuer_cik = t.issuer_cik
        LEFT JOIN owners o ON o.accession = t.accession AND o.position = 1
        WHERE t.issuer_cik \(issuerMatch) AND t.superseded_by IS NULL AND t.trade_date >= ? AND t.trade_date <= ?
        ORDER BY t.trade_date DESC, t.filing_date DESC, t.accession DESC,
                 CASE t.table_code WHEN 'N' THEN 0 ELSE 1 END, t.row_index ASC
        """
    }
}
