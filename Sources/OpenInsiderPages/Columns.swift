/// Results-table columns, keyed by their normalised header text.
enum Column: Int, CaseIterable {
    case x, filingDate, tradeDate, ticker, companyName, insiderName, title, industry, ins
    case tradeType, price, qty, owned, deltaOwn, value, d1, w1, m1, m6

    /// The header text as OpenInsider prints it, after normalisation (entities decoded, NBSP -> space).
    var headerName: String {
        switch self {
        case .x: return "X"
        case .filingDate: return "Filing Date"
        case .tradeDate: return "Trade Date"
        case .ticker: return "Ticker"
        case .companyName: return "Company Name"
        case .insiderName: return "Insider Name"
        case .title: return "Title"
        case .industry: return "Industry"
        case .ins: return "Ins"
        case .tradeType: return "Trade Type"
        case .price: return "Price"
        case .qty: return "Qty"
        case .owned: return "Owned"
        case .deltaOwn: return "ΔOwn"
        case .value: return "Value"
        case .d1: return "1d"
        case .w1: return "1w"
        case .m1: return "1m"
        case .m6: return "6m"
        }
    }

    /// Case-insensitive lookup: a change of case alone is not drift worth failing a run over.
    static func named(_ normalised: String) -> Column? {
        let key = normalised.lowercased()
        for (k, name) in lowercasedNames.enumerated() where name == key { return Column(rawValue: k) }
        return nil
    }

    private static let lowercasedNames: [String] = Column.allCases.map { $0.headerName.lowercased() }

    /// Columns every view must have; without them a row is not a trade.
    static let required: [Column] = [.filingDate, .tradeDate, .ticker, .tradeType, .price, .qty, .value]
}

extension PageLayout {
    /// The exact column set of each view (DOMAIN.md 1.3), in page order.
    var columns: [Column] {
        switch self {
        case .listing:
            return [.x, .filingDate, .tradeDate, .ticker, .companyName, .insiderName, .title, .tradeType,
                    .price, .qty, .owned, .deltaOwn, .value, .d1, .w1, .m1, .m6]
        case .cluster:
            return [.x, .filingDate, .tradeDate, .ticker, .companyName, .industry, .ins, .tradeType,
                    .price, .qty, .owned, .deltaOwn, .value, .d1, .w1, .m1, .m6]
        case .ticker:
            return [.x, .filingDate, .tradeDate, .ticker, .insiderName, .title, .tradeType,
                    .price, .qty, .owned, .deltaOwn, .value, .d1, .w1, .m1, .m6]
        }
    }
}

/// Maps normalised header texts to a layout, or explains the drift against the closest known set.
func resolveLayout(_ headers: [String]) -> Result<(PageLayout, [Int]), OpenInsiderPageError> {
    var index = [Int](repeating: -1, count: Column.allCases.count)
    for (k, h) in headers.enumerated() {
        if let c = Column.named(h), index[c.rawValue] < 0 { index[c.rawValue] = k }
    }
    var best: (missing: [String], unknown: [String])?
    for layout in [PageLayout.listing, .cluster, .ticker] {
        let set = layout.columns
        let missing = set.filter { index[$0.rawValue] < 0 }.map(\.headerName)
        var extra: [String] = []
        for (k, h) in headers.enumerated() {
            if let c = Column.named(h), index[c.rawValue] == k, set.contains(c) { continue }
            extra.append(h)  // outside this set, unknown, or a duplicate
        }
        if missing.isEmpty && extra.isEmpty { return .success((layout, index)) }
        if best == nil || missing.count + extra.count < (best?.missing.count ?? 0) + (best?.unknown.count ?? 0) {
            best = (missing, extra)
        }
    }
    return .failure(.layoutDrift(missing: best?.missing ?? [], unknown: best?.unknown ?? []))
}
