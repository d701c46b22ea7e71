import Foundation
import InsiderCore
import TradeStore

/// A small market with every figure computed by hand (as of 2026-04-30).
enum MarketFixture {
    static let ceo = owner("0000000101", "Smith Jane", officer: true, title: "CEO")
    static let dir = owner("0000000102", "Doe John", director: true)
    static let fund = owner("0000000103", "Big Fund LP", tenPct: true)
    static let betaCEO = owner("0000000201", "Roe Richard", officer: true, title: "Chief Executive Officer")
    static let betaDir = owner("0000000202", "Moe Jim", director: true)
    static let gammaOther = owner("0000000301", "Poe Edgar", other: true)

    static let filings: [StoredFiling] = [
        filing("0000000001-26-000101", filed: "2026-04-02", owners: [ceo], [tx("P", "2026-04-01", shares: 100, price: 10)]),
        filing("0000000001-26-000102", filed: "2026-04-03", owners: [dir], [tx("P", "2026-04-02", shares: 200, price: 10.5)]),
        filing("0000000001-26-000103", filed: "2026-04-29", owners: [fund], [tx("P", "2026-04-29", shares: 1000, price: 11)]),
        // 2026-03-30 is one day before a 30-day window; 2026-03-31 is its first day.
        filing("0000000001-26-000104", filed: "2026-03-31", owners: [ceo], [tx("S", "2026-03-30", shares: 50, price: 9)]),
        filing("0000000001-26-000105", filed: "2026-04-01", owners: [dir], [tx("S", "2026-03-31", shares: 10, price: 10)]),
        filing("0000000002-26-000201", filed: "2026-04-10", issuer: "0000000002", name: "Beta Inc", ticker: "BETA", owners: [betaCEO], [
            tx("P", "2026-04-08", shares: 10, price: Decimal(string: "20.25")!, row: 1),
            tx("P", "2026-04-09", shares: 10, price: 20, row: 2),
            tx("M", "2026-04-09", shares: 5, price: 0, table: .derivative, row: 1),
        ]),
        filing("0000000002-26-000202", filed: "2026-04-10", issuer: "0000000002", name: "Beta Inc", ticker: "BETA", owners: [betaDir],
               [tx("S", "2026-04-09", shares: 500, price: 21, after: 1000, direct: "I", plan: true)]),
        filing("0000000002-26-000203", filed: "2026-04-30", issuer: "0000000002", name: "Beta Inc", ticker: "beta ", owners: [betaCEO],
               [tx("S", "2026-04-30", shares: 100, price: nil, footnotes: ["F1"])]),
        filing("0000000003-26-000301", filed: "2026-04-16", issuer: "0000000003", name: "Gamma plc", ticker: "GAMMA", owners: [gammaOther],
               [tx("S", "2026-04-15", shares: 1000, price: 10.5)]),
    ]

    static func entry(_ t: String, _ n: String, _ count: Int, _ insiders: Int, _ shares: Int64, _ value: Int64, _ latest: String,
                      _ who: String, _ title: String) -> ActivityEntry {
        ActivityEntry(ticker: t, companyName: n, tradeCount: count, insiderCount: insiders, totalShares: shares, totalValue: value,
                      latestDate: day(latest), latestInsider: who, latestTitle: title)
    }

    static let activity30 = InsiderActivity(
        buys: [
            entry("ACME", "Acme Corp", 3, 3, 1300, 14100, "2026-04-29", "Big Fund LP", "10% Owner"),
            // 10 x 20.25 = 202.5 rounds half away from zero to 203.
            entry("BETA", "Beta Inc", 2, 1, 20, 403, "2026-04-09", "Roe Richard", "Chief Executive Officer"),
        ],
        sells: [
            // BETA and GAMMA tie on value: ticker decides.
            entry("BETA", "Beta Inc", 2, 2, 600, 10500, "2026-04-30", "Roe Richard", "Chief Executive Officer"),
            entry("GAMMA", "Gamma plc", 1, 1, 1000, 10500, "2026-04-15", "Poe Edgar", "Other"),
            entry("ACME", "Acme Corp", 1, 1, 10, 100, "2026-03-31", "Doe John", "Director"),
        ])

    static let activity1 = InsiderActivity(
        buys: [entry("ACME", "Acme Corp", 1, 1, 1000, 11000, "2026-04-29", "Big Fund LP", "10% Owner")],
        sells: [entry("BETA", "Beta Inc", 1, 1, 100, 0, "2026-04-30", "Roe Richard", "Chief Executive Officer")])

    static let clusters30 = [
        ClusterBuy(ticker: "ACME", companyName: "Acme Corp", insiderCount: 3, tradeCount: 3, totalShares: 1300, totalValue: 14100,
                   firstBuyDate: day("2026-04-01"), lastBuyDate: day("2026-04-29")),
    ]

    static func beta(_ o: StoredOwner, _ date: String, _ filed: String, _ code: String, _ type: String, _ security: String,
                     _ shares: Int64, _ price: Double?, _ value: Int64, _ after: Int64?, _ direct: Bool, _ plan: Bool,
                     _ accession: String) -> TickerTrade {
        TickerTrade(ticker: "BETA", companyName: "Beta Inc", insiderName: o.name, insiderTitle: OwnerRelationship.title(of: o),
                    insiderRelation: OwnerRelationship.relation(of: o), officer: o.isOfficer, director: o.isDirector,
                    tenPctOwner: o.isTenPercentOwner, transactionDate: day(date), filedDate: day(filed), transactionCode: code,
                    transactionType: type, securityTitle: security, sharesTransacted: shares, pricePerShare: price, totalValue: value,
                    sharesOwnedAfter: after, directOwnership: direct, rule10b51: plan, accessionNumber: accession)
    }

    /// Trade date descending, filing date descending, accession descending, table I first, row ascending.
    static let betaTrades30 = [
        beta(betaCEO, "2026-04-30", "2026-04-30", "S", "SELL", "Common Stock", 100, nil, 0, nil, true, false, "0000000002-26-000203"),
        beta(betaDir, "2026-04-09", "2026-04-10", "S", "SELL", "Common Stock", 500, 21, 10500, 1000, false, true, "0000000002-26-000202"),
        beta(betaCEO, "2026-04-09", "2026-04-10", "P", "BUY", "Common Stock", 10, 20, 200, nil, true, false, "0000000002-26-000201"),
        beta(betaCEO, "2026-04-09", "2026-04-10", "M", "EXERCISE", "Stock Option", 5, nil, 0, nil, true, false, "0000000002-26-000201"),
        beta(betaCEO, "2026-04-08", "2026-04-10", "P", "BUY", "Common Stock", 10, 20.25, 203, nil, true, false, "0000000002-26-000201"),
    ]
}
