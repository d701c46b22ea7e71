/// Issuer trading symbols as filings spell them.
public enum IssuerTicker {
    /// The symbol upper-cased and trimmed; nil for none (`""`, `NONE`, `N/A`, `NA`): filings of
    /// private issuers carry such placeholders, and the market-wide answers are keyed by ticker.
    public static func normalised(_ raw: String?) -> String? {
        guard let raw else { return nil }
        let t = raw.trimmed.uppercased()
        if t.isEmpty || t == "NONE" || t == "N/A" || t == "NA" || t == "-" { return nil }
        return t
    }
}
