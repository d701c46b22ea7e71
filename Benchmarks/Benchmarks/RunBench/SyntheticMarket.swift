import Foundation

/// A 300-issuer market shaped like the one issue 9 measured (as-of 2026-04-30, 30-day window):
/// 25 all-buy clusters; tickers with three buyers that a drilldown rules out (a sale, too little
/// value); tickers whose third buyer traded before the window (a late filing: the grouped view
/// counts three insiders, only two can qualify); two-buyer tickers on the canned page; and a
/// background of single buys and sales.
enum SyntheticMarket {
    static let issuerCount = 300

    static var world: FakeWorld {
        var issuers: [FakeWorld.Issuer] = []
        var filings: [FakeWorld.Filing] = []
        var canned: [String] = []
        let titles = ["CEO", "CFO", "Dir", "COO", "VP", "Dir"]
        for i in 0..<issuerCount {
            let ticker = "Q" + letters(i)
            let cik = 10_000 + i
            issuers.append(.init(ticker: ticker, name: "Synthetic \(ticker) Inc", cik: cik, industry: "Industry \(i % 9)", sic: 3000 + i % 9))
            var serial = 0
            func file(_ k: Int, _ rows: [FakeWorld.Row], filedDay: Int) {
                serial += 1
                let owner = owner(cik: 100_000 + i * 10 + k, name: "Insider \(ticker) \(k)", title: titles[k % titles.count])
                filings.append(.init(issuer: ticker, accession: String(format: "%010d-26-%06d", cik, serial), owners: [owner], rows: rows,
                                     filed: String(format: "2026-04-%02d 18:00:00", filedDay)))
            }
            func buy(_ k: Int, day: Int, shares: Double = 1500, twice: Bool = false) {
                let price = Double(10 + i % 7)
                var rows: [FakeWorld.Row] = [.init(code: "P", date: String(format: "2026-04-%02d", day), shares: shares + Double(k * 500), price: price)]
                if twice { rows.append(.init(code: "P", date: String(format: "2026-04-%02d", day + 1), shares: shares, price: price + 0.5)) }
                file(k, rows, filedDay: day + (twice ? 2 : 1))
            }
            func sell(_ k: Int, day: Int) {
                file(k, [.init(code: "S", date: String(format: "2026-04-%02d", day), shares: 800, price: Double(11 + i % 7))], filedDay: day + 1)
            }
            let day = 2 + i % 20
            switch i {
            case 0..<25:                                  // an all-buy cluster of three to five insiders
                for k in 0..<(3 + i % 3) { buy(k, day: day + k, twice: k == 0 && i % 5 == 0) }
                if i < 10 { canned.append(ticker) }
            case 25..<40:                                 // three buyers and a sale
                for k in 0..<3 { buy(k, day: day + k) }
                sell(3, day: day + 4)
            case 40..<50:                                 // three buyers, too little value
                for k in 0..<3 { buy(k, day: day + k, shares: 100) }
            case 50..<80:                                 // two buyers in the window, a third filed late for a March trade
                for k in 0..<2 { buy(k, day: day + k) }
                serial += 1
                filings.append(.init(issuer: ticker, accession: String(format: "%010d-26-%06d", cik, serial),
                                     owners: [owner(cik: 100_000 + i * 10 + 2, name: "Insider \(ticker) 2", title: "Dir")],
                                     rows: [.init(code: "P", date: "2026-03-20", shares: 1500, price: 9)], filed: "2026-04-02 18:00:00"))
            case 80..<100:                                // two buyers, on the canned page
                for k in 0..<2 { buy(k, day: day + k) }
                canned.append(ticker)
            default:                                      // background
                switch i % 3 {
                case 0: buy(0, day: day)
                case 1: sell(0, day: day); sell(1, day: day + 2)
                default: buy(0, day: day); buy(1, day: day + 3)
                }
            }
        }
        return FakeWorld(issuers: issuers, filings: filings, cannedClusterTickers: canned)
    }

    static func owner(cik: Int, name: String, title: String) -> FakeWorld.Owner {
        var o = FakeWorld.Owner(cik: cik, name: name, title: title)
        o.director = title == "Dir"
        o.officer = !o.director
        return o
    }

    /// Three letters for `n`, so every ticker is distinct: 0 is `AAA`.
    static func letters(_ n: Int) -> String {
        let a = UInt8(ascii: "A")
        return String(decoding: [a + UInt8(n / 676 % 26), a + UInt8(n / 26 % 26), a + UInt8(n % 26)], as: UTF8.self)
    }
}
