/// Amendment handling: a Form 4/A replaces the original filing's trades for the same owner and dates.
///
/// The XML of a 4/A names no original accession, only `dateOfOriginalSubmission`, so the original's
/// rows are found by (ticker, owner, code, trade date) and, when known, the original filing date.
/// An amendment with no rows of a code (a derivative-only or holdings-only 4/A) replaces nothing
/// of that code.
public enum Amendments {
    /// `trades` with every row that a later amendment restates removed.
    public static func resolve(_ trades: [Trade]) -> [Trade] {
        let amendments = trades.filter(\.isAmendment)
        guard !amendments.isEmpty else { return trades }
        struct Key: Hashable { var ticker: String; var owner: String; var code: String; var day: Day }
        var restated: [Key: [Trade]] = [:]
        for a in amendments {
            restated[Key(ticker: a.ticker, owner: a.insiderKey, code: a.code, day: a.tradeDate), default: []].append(a)
        }
        return trades.filter { t in
            guard !t.isAmendment, let by = restated[Key(ticker: t.ticker, owner: t.insiderKey, code: t.code, day: t.tradeDate)] else { return true }
            let filed = Day(t.filingDateTime)
            return !by.contains { a in
                // Same filing: never its own original. Otherwise the original was filed earlier,
                // on the stated date when the amendment gives one.
                guard a.accession == nil || a.accession != t.accession else { return false }
                if let original = a.originalFilingDate, let filed { return filed == original }
                return t.filingDateTime < a.filingDateTime
            }
        }
    }
}
