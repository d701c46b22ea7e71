import Foundation
import InsiderCore
import Testing

func day(_ s: String) -> Day { Day(s)! }

func buy(_ ticker: String = "ABC", cik: String?, name: String, title: String = "Dir", date: String, shares: Double = 1000,
         price: Double = 10, value: Int64? = nil, filed: String? = nil, row: Int = 0, code: String = "P",
         economicID: String? = nil, accession: String? = nil) -> Trade {
    Trade(ticker: ticker, companyName: "\(ticker) Corp", issuerCIK: "0000000001", sector: "Widgets", ownerCIK: cik, ownerName: name,
          roles: RoleReader.roles(fromTitle: title), code: code, tradeDate: day(date), shares: shares, price: price,
          value: value ?? Int64((shares * price).rounded()), accession: accession, filingDateTime: filed ?? "\(date) 18:00:00",
          rowInFiling: row, economicID: economicID)
}

let asOf = day("2026-04-30")

func criteria(min: Int = 3, value: Int64 = 25000, excludeSells: Bool = true, limit: Int = 25, tickers: [String] = [], industry: Bool = true) -> ClusterCriteria {
    ClusterCriteria(minClusterSize: min, windowDays: 30, minValueUSD: value, excludeSells: excludeSells, tickers: tickers, limit: limit, includeIndustry: industry)
}

@Suite struct ClusterEngineTests {
    @Test func windowEndsAreInclusive() {
        let trades = [
            buy(cik: "1", name: "A", date: "2026-03-31"), buy(cik: "2", name: "B", date: "2026-04-30"),
            buy(cik: "3", name: "C", date: "2026-03-30"), buy(cik: "4", name: "D", date: "2026-05-01"),
        ]
        let records = ClusterEngine.clusters(trades: trades, criteria: criteria(min: 2, value: 0), asOf: asOf)
        #expect(records.count == 1)
        #expect(records.first?.insiderCount == 2)
        #expect(records.first?.clusterStartDate == day("2026-03-31"))
        #expect(records.first?.clusterEndDate == day("2026-04-30"))
        // One more insider needed: only two fall inside the window.
        #expect(ClusterEngine.clusters(trades: trades, criteria: criteria(min: 3, value: 0), asOf: asOf).isEmpty)
    }

    @Test func bothThresholdsAreInclusive() {
        let trades = [buy(cik: "1", name: "A", date: "2026-04-01", value: 10000),
                      buy(cik: "2", name: "B", date: "2026-04-02", value: 10000),
                      buy(cik: "3", name: "C", date: "2026-04-03", value: 5000)]
        #expect(ClusterEngine.clusters(trades: trades, criteria: criteria(min: 3, value: 25000), asOf: asOf).count == 1)
        #expect(ClusterEngine.clusters(trades: trades, criteria: criteria(min: 3, value: 25001), asOf: asOf).isEmpty)
        #expect(ClusterEngine.clusters(trades: trades, criteria: criteria(min: 4, value: 0), asOf: asOf).isEmpty)
    }

    @Test func insidersDedupeByCIKAcrossSpellings() throws {
        let trades = [buy(cik: "0000000007", name: "Smith John", date: "2026-04-02"),
                      buy(cik: "0000000007", name: "SMITH JOHN A", date: "2026-04-05"),
                      buy(cik: "0000000008", name: "Doe Jane", date: "2026-04-03")]
        let r = try #require(ClusterEngine.clusters(trades: trades, criteria: criteria(min: 2, value: 0), asOf: asOf).first)
        #expect(r.insiderCount == 2)
        #expect(r.insiderNames == ["Smith John", "Doe Jane"])
        #expect(r.insiders.first?.trades == 2)
        #expect(r.insiders.first?.lastBuyDate == day("2026-04-05"))
    }

    @Test func withoutCIKTheNormalisedNameIsTheKey() throws {
        let trades = [buy(cik: nil, name: "Smith, John A.", date: "2026-04-02"),
                      buy(cik: nil, name: "SMITH  JOHN A", date: "2026-04-04"),
                      buy(cik: nil, name: "Doe Jane", date: "2026-04-03")]
        let r = try #require(ClusterEngine.clusters(trades: trades, criteria: criteria(min: 2, value: 0), asOf: asOf).first)
        #expect(r.insiderCount == 2)
        #expect(Trade.normalisedName("Smith, John A.") == "SMITH JOHN A")
    }

    @Test(arguments: ["S", "D", "M", "X"])
    func sellsAndExercisesBreakAllBuy(code: String) throws {
        let trades = [buy(cik: "1", name: "A", date: "2026-04-01"), buy(cik: "2", name: "B", date: "2026-04-02"),
                      buy(cik: "9", name: "Z", date: "2026-04-10", code: code)]
        #expect(ClusterEngine.clusters(trades: trades, criteria: criteria(min: 2, value: 0), asOf: asOf).isEmpty)
        let kept = try #require(ClusterEngine.clusters(trades: trades, criteria: criteria(min: 2, value: 0, excludeSells: false), asOf: asOf).first)
        #expect(kept.isAllBuy == false)
        #expect(kept.sellOrExerciseCount == 1)
    }

    @Test(arguments: ["A", "F", "G", "C", "J", "W"])
    func grantsGiftsAndTaxDoNotBreakAllBuy(code: String) throws {
        let trades = [buy(cik: "1", name: "A", date: "2026-04-01"), buy(cik: "2", name: "B", date: "2026-04-02"),
                      buy(cik: "9", name: "Z", date: "2026-04-10", code: code)]
        let r = try #require(ClusterEngine.clusters(trades: trades, criteria: criteria(min: 2, value: 0), asOf: asOf).first)
        #expect(r.isAllBuy)
        #expect(r.insiderCount == 2)
    }

    @Test func aSaleOutsideTheWindowDoesNotCount() throws {
        let trades = [buy(cik: "1", name: "A", date: "2026-04-01"), buy(cik: "2", name: "B", date: "2026-04-02"),
                      buy(cik: "1", name: "A", date: "2026-03-30", code: "S")]
        #expect(try #require(ClusterEngine.clusters(trades: trades, criteria: criteria(min: 2, value: 0), asOf: asOf).first).isAllBuy)
    }

    @Test func derivativePurchasesAreNotBuys() {
        var option = buy(cik: "2", name: "B", date: "2026-04-02")
        option.isDerivative = true
        let trades = [buy(cik: "1", name: "A", date: "2026-04-01"), option]
        #expect(ClusterEngine.clusters(trades: trades, criteria: criteria(min: 2, value: 0), asOf: asOf).isEmpty)
    }

    @Test func scoreRolesAndTopInsiderByHand() throws {
        // CEO (5) + Dir (2) + 10% (4): weight sum 11; total $100,000.
        let trades = [buy(cik: "1", name: "Alpha", title: "CEO", date: "2026-04-01", shares: 2000, price: 20),
                      buy(cik: "2", name: "Bravo", title: "Dir", date: "2026-04-02", shares: 1000, price: 30),
                      buy(cik: "3", name: "Charlie", title: "10%", date: "2026-04-03", shares: 1000, price: 30)]
        let r = try #require(ClusterEngine.clusters(trades: trades, criteria: criteria(), asOf: asOf).first)
        #expect(r.totalValueUSD == 100_000)
        #expect(r.totalSharesBought == 4000)
        // 3 x 11 x log10(100001) = 165.000143...
        #expect(r.clusterStrengthScore == 165.0001)
        #expect(r.insiderRoles == [.ceo, .tenPercentOwner, .director])
        #expect(r.topInsider == "Alpha")
        #expect(r.currentStockPrice == 30)
        #expect(r.stockMoveSinceClusterStartPct == 50)
        #expect(r.insiders.map(\.weight) == [5, 2, 4])
        #expect(r.sector == "Widgets")
        #expect(r.companyName == "ABC Corp")
    }

    @Test func topInsiderTieBreaks() throws {
        // Same weight: larger value wins.
        var trades = [buy(cik: "1", name: "Zed", title: "CEO", date: "2026-04-05", value: 90000),
                      buy(cik: "2", name: "Amy", title: "Co-CEO", date: "2026-04-01", value: 50000)]
        #expect(try #require(ClusterEngine.clusters(trades: trades, criteria: criteria(min: 2), asOf: asOf).first).topInsider == "Zed")
        // Same value: earlier first buy wins.
        trades = [buy(cik: "1", name: "Zed", title: "CEO", date: "2026-04-01", value: 50000),
                  buy(cik: "2", name: "Amy", title: "CEO", date: "2026-04-05", value: 50000)]
        #expect(try #require(ClusterEngine.clusters(trades: trades, criteria: criteria(min: 2), asOf: asOf).first).topInsider == "Zed")
        // Same day too: name decides.
        trades = [buy(cik: "1", name: "Zed", title: "CEO", date: "2026-04-01", value: 50000),
                  buy(cik: "2", name: "Amy", title: "CEO", date: "2026-04-01", value: 50000)]
        let r = try #require(ClusterEngine.clusters(trades: trades, criteria: criteria(min: 2), asOf: asOf).first)
        #expect(r.topInsider == "Amy")
        #expect(r.insiderNames == ["Amy", "Zed"])
    }

    @Test func pricesTieBreakOnFilingTimeThenRow() throws {
        let trades = [buy(cik: "1", name: "A", date: "2026-04-01", price: 10, filed: "2026-04-02 09:00:00"),
                      buy(cik: "2", name: "B", date: "2026-04-01", price: 11, filed: "2026-04-01 20:00:00"),
                      buy(cik: "3", name: "C", date: "2026-04-09", price: 14, filed: "2026-04-10 08:00:00", row: 1),
                      buy(cik: "3", name: "C", date: "2026-04-09", price: 15, filed: "2026-04-10 08:00:00", row: 0)]
        let r = try #require(ClusterEngine.clusters(trades: trades, criteria: criteria(value: 0), asOf: asOf).first)
        #expect(r.currentStockPrice == 14)   // same date and filing: the last row
        #expect(r.stockMoveSinceClusterStartPct == 27.27)   // p0 = 11 (earlier filing), (14 - 11) / 11
        #expect(r.insiderNames == ["A", "B", "C"])
    }

    @Test func rankingAndLimit() {
        var trades: [Trade] = []
        for (ticker, value) in [("AAA", 50000), ("BBB", 90000), ("CCC", 50000), ("DDD", 70000)] as [(String, Int64)] {
            for i in 1...3 { trades.append(buy(ticker, cik: "\(ticker)\(i)", name: "\(ticker) \(i)", date: "2026-04-0\(i)", value: value / 3)) }
        }
        let all = ClusterEngine.clusters(trades: trades, criteria: criteria(), asOf: asOf)
        #expect(all.map(\.symbol) == ["BBB", "DDD", "AAA", "CCC"])
        #expect(ClusterEngine.clusters(trades: trades, criteria: criteria(limit: 2), asOf: asOf).map(\.symbol) == ["BBB", "DDD"])
        #expect(ClusterEngine.clusters(trades: trades, criteria: criteria(tickers: ["ccc", "AAA"]), asOf: asOf).map(\.symbol) == ["AAA", "CCC"])
        #expect(ClusterEngine.clusters(trades: trades, criteria: criteria(industry: false), asOf: asOf).allSatisfy { $0.sector == nil })
    }

    @Test func jointFilingCountsEachTradeOnce() throws {
        // Two owners of one joint filing carry the same row; a third insider buys separately.
        let trades = [buy(cik: "1", name: "Fund A", title: "10%", date: "2026-04-01", shares: 1000, price: 50, economicID: "acc1#0"),
                      buy(cik: "2", name: "Fund B", title: "10%", date: "2026-04-01", shares: 1000, price: 50, economicID: "acc1#0"),
                      buy(cik: "3", name: "Person", title: "Dir", date: "2026-04-02", shares: 100, price: 50, economicID: "acc2#0")]
        let r = try #require(ClusterEngine.clusters(trades: trades, criteria: criteria(), asOf: asOf).first)
        #expect(r.insiderCount == 3)
        #expect(r.totalShares == 1100)
        #expect(r.totalValueUSD == 55000)
    }

    @Test func amendmentReplacesTheOriginalRows() throws {
        let original = buy(cik: "1", name: "A", date: "2026-04-01", shares: 1000, price: 10, filed: "2026-04-02 10:00:00", accession: "orig")
        var amended = buy(cik: "1", name: "A", date: "2026-04-01", shares: 1200, price: 10, filed: "2026-04-20 10:00:00", accession: "amend")
        amended.isAmendment = true
        amended.originalFilingDate = day("2026-04-02")
        let other = buy(cik: "2", name: "B", date: "2026-04-03", shares: 100, price: 10, accession: "b")
        let resolved = Amendments.resolve([original, amended, other])
        #expect(resolved.map(\.accession) == ["amend", "b"])
        let r = try #require(ClusterEngine.clusters(trades: [original, amended, other], criteria: criteria(min: 2, value: 0), asOf: asOf).first)
        #expect(r.totalSharesBought == 1300)
    }

    @Test func anInsiderWithNoRoleIsOther() throws {
        let trades = [buy(cik: "1", name: "A", title: "", date: "2026-04-01"), buy(cik: "2", name: "B", title: "CEO", date: "2026-04-02"),
                      buy(cik: "2", name: "B", title: "", date: "2026-04-03")]
        let r = try #require(ClusterEngine.clusters(trades: trades, criteria: criteria(min: 2, value: 0), asOf: asOf).first)
        #expect(r.insiders.map(\.roles) == [[.other], [.ceo]])   // an empty title on one buy adds nothing to a CEO
        #expect(r.insiderRoles == [.ceo, .other])
    }

    @Test func zeroFirstPriceGivesNoMove() throws {
        let trades = [buy(cik: "1", name: "A", date: "2026-04-01", price: 0, value: 0), buy(cik: "2", name: "B", date: "2026-04-02", price: 5)]
        let r = try #require(ClusterEngine.clusters(trades: trades, criteria: criteria(min: 2, value: 0), asOf: asOf).first)
        #expect(r.stockMoveSinceClusterStartPct == nil)
    }
}

extension ClusterRecord { var totalShares: Int64 { totalSharesBought } }
