import JSONEscaping
extension OpenInsiderPage {
    /// The JSON printed by `insider-clusters parse openinsider FILE`: `{"layout": ..., "rows": [...]}`,
    /// keys in a fixed order, explicit `null`s, `/` left unescaped. One row per line for readability.
    public func renderJSON() -> String {
        var o = ""
        o.reserveCapacity(256 + rows.count * 700)
        o += "{\"layout\": "
        if let layout { jsonString(layout.rawValue, into: &o) } else { o += "null" }
        o += ", \"rows\": ["
        for (k, r) in rows.enumerated() {
            o += k == 0 ? "\n  " : ",\n  "
            o += "{\"x_flags\": "; jsonString(r.xFlags, into: &o)
            o += ", \"filing_datetime\": "; jsonString(r.filingDateTime, into: &o)
            o += ", \"filing_url\": "; jsonOptional(r.filingURL, into: &o)
            o += ", \"accession\": "; jsonOptional(r.accession, into: &o)
            o += ", \"issuer_cik\": "; jsonOptional(r.issuerCIK, into: &o)
            o += ", \"trade_date\": "; jsonString(r.tradeDate, into: &o)
            o += ", \"ticker\": "; jsonString(r.ticker, into: &o)
            o += ", \"company_name\": "; jsonOptional(r.companyName, into: &o)
            o += ", \"insider_name\": "; jsonOptional(r.insiderName, into: &o)
            o += ", \"insider_cik\": "; jsonOptional(r.insiderCIK, into: &o)
            o += ", \"title\": "; jsonOptional(r.title, into: &o)
            o += ", \"industry\": "; jsonOptional(r.industry, into: &o)
            o += ", \"insider_count\": "; o += r.insiderCount.map { String($0) } ?? "null"
            o += ", \"trade_code\": "; jsonString(r.tradeCode, into: &o)
            o += ", \"trade_type\": "; jsonString(r.tradeType, into: &o)
            o += ", \"price\": "; o += jsonNumber(r.price)
            o += ", \"qty\": "; o += String(r.qty)
            o += ", \"owned\": "; o += String(r.owned)
            o += ", \"delta_own_pct\": "; o += r.deltaOwnPct.map { String($0) } ?? "null"
            o += ", \"delta_own_text\": "; jsonString(r.deltaOwnText, into: &o)
            o += ", \"value\": "; o += String(r.value)
            o += "}"
        }
        o += rows.isEmpty ? "]}" : "\n]}"
        return o
    }
}

/// Shortest round-tripping decimal, as Python's `repr` prints it (`19.77`, `20.0`).
func jsonNumber(_ d: Double) -> String {
    d.isFinite ? "\(d)" : "null"
}

func jsonOptional(_ s: String?, into o: inout String) {
    if let s { jsonString(s, into: &o) } else { o += "null" }
}

/// Escapes `"`, `\` and control characters only; `/` and non-ASCII pass through.
func jsonString(_ s: String, into o: inout String) { appendJSONString(s, to: &o) }
