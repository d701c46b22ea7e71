import Foundation

/// The cluster rule of SPEC sections 3 to 5, as a pure function of trades, criteria and as-of date.
public enum ClusterEngine {
    /// Builds, ranks and limits the cluster records.
    ///
    /// - Parameters:
    ///   - trades: every trade known for the candidate tickers in the window (buys, sells, exercises, others).
    ///   - checks: the EDGAR checks the trades' `checkID`s point into.
    ///   - criteria: the validated input.
    ///   - asOf: the as-of date D.
    ///   - dataSource: names the path that produced a ticker's trades, for `data_source`.
    /// - Returns: records ordered by score, then total value (both descending), then symbol; at most `criteria.limit`.
    public static func clusters(trades: [Trade], checks: [EdgarCheck] = [], criteria: ClusterCriteria, asOf: Day,
                                dataSource: (String) -> String = { _ in "openinsider.com" }) -> [ClusterRecord] {
        let lookback = Lookback(asOf: asOf, days: criteria.windowDays)
        let wanted = Set(criteria.tickers.map(Trade.canonicalTicker))
        var byTicker: [String: [Trade]] = [:]
        for trade in Amendments.resolve(trades) {
            let t = Trade.canonicalTicker(trade.ticker)
            if !wanted.isEmpty && !wanted.contains(t) { continue }
            byTicker[t, default: []].append(trade)
        }
        var records: [ClusterRecord] = []
        for (ticker, tickerTrades) in byTicker {
            if let record = record(ticker: ticker, trades: tickerTrades, checks: checks, criteria: criteria,
                                   lookback: lookback, dataSource: dataSource(ticker)) {
                records.append(record)
            }
        }
        records.sort(by: ranksBefore)
        return Array(records.prefix(max(0, criteria.limit)))
    }

    /// SPEC section 5 ordering.
    public static func ranksBefore(_ a: ClusterRecord, _ b: ClusterRecord) -> Bool {
        if a.clusterStrengthScore != b.clusterStrengthScore { return a.clusterStrengthScore > b.clusterStrengthScore }
        if a.totalValueUSD != b.totalValueUSD { return a.totalValueUSD > b.totalValueUSD }
        return a.symbol < b.symbol
    }

    /// `insider_count x role_weight_sum x log10(1 + total_value_usd)`, rounded to 4 decimals.
    public static func score(insiderCount: Int, roleWeightSum: Int, totalValueUSD: Int64) -> Double {
        rounded(Double(insiderCount) * Double(roleWeightSum) * log10(1 + Double(totalValueUSD)), places: 4)
    }

    static func record(ticker: String, trades: [Trade], checks: [EdgarCheck], criteria: ClusterCriteria,
                       lookback: Lookback, dataSource: String) -> ClusterRecord? {
        let buys = trades.filter { $0.isBuy && lookback.contains($0.tradeDate) }.sorted(by: Trade.chronological)
        guard let first = buys.first, let last = buys.last else { return nil }
        let sells = trades.filter { $0.isSellOrExercise && lookback.contains($0.tradeDate) }
        let isAllBuy = sells.isEmpty

        var order: [String] = []
        var groups: [String: [Trade]] = [:]
        for buy in buys {
            let key = buy.insiderKey
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(buy)
        }
        let insiderCount = order.count
        let economic = uniqueEconomicTrades(buys)
        let totalValue = economic.reduce(Int64(0)) { $0 + $1.value }
        guard insiderCount >= criteria.minClusterSize, totalValue >= criteria.minValueUSD,
              !criteria.excludeSells || isAllBuy else { return nil }

        var insiders: [ClusterInsider] = order.map { key in
            let own = groups[key]!   // every key in `order` was inserted into `groups`
            // An insider with no role from any title or flag is `Other` (SPEC section 3).
            let named = Role.ordered(own.flatMap(\.roles))
            let roles = named.isEmpty ? [Role.other] : named
            return ClusterInsider(
                name: own[0].ownerName,
                cik: own.lazy.compactMap(\.ownerCIK).first,
                roles: roles,
                weight: RoleReader.weight(of: roles),
                trades: own.count,
                shares: Int64(own.reduce(0.0) { $0 + $1.shares }.rounded()),
                valueUSD: own.reduce(Int64(0)) { $0 + $1.value },
                firstBuyDate: own[0].tradeDate,
                lastBuyDate: own[own.count - 1].tradeDate)
        }
        // `order` follows first buys chronologically; names break same-day ties.
        insiders.sort { a, b in a.firstBuyDate != b.firstBuyDate ? a.firstBuyDate < b.firstBuyDate : a.name < b.name }
        let top = insiders.min { a, b in
            if a.weight != b.weight { return a.weight > b.weight }
            if a.valueUSD != b.valueUSD { return a.valueUSD > b.valueUSD }
            if a.firstBuyDate != b.firstBuyDate { return a.firstBuyDate < b.firstBuyDate }
            return a.name < b.name
        }!   // insiders is non-empty: buys is
        let weightSum = insiders.reduce(0) { $0 + $1.weight }
        let p0 = first.price
        let current = last.price
        let move: Double? = p0 == 0 ? nil : rounded((current - p0) / p0 * 100, places: 2)
        let info = trades.first { $0.companyName != nil } ?? first

        return ClusterRecord(
            symbol: ticker,
            companyName: info.companyName ?? ticker,
            sector: criteria.includeIndustry ? trades.lazy.compactMap(\.sector).first : nil,
            issuerCIK: trades.lazy.compactMap(\.issuerCIK).first,
            clusterStartDate: first.tradeDate,
            clusterEndDate: buys.map(\.tradeDate).max()!,
            insiderCount: insiderCount,
            insiderNames: insiders.map(\.name),
            insiderRoles: Role.ordered(insiders.flatMap(\.roles)),
            totalSharesBought: Int64(economic.reduce(0.0) { $0 + $1.shares }.rounded()),
            totalValueUSD: totalValue,
            currentStockPrice: current,
            stockMoveSinceClusterStartPct: move,
            isAllBuy: isAllBuy,
            clusterStrengthScore: score(insiderCount: insiderCount, roleWeightSum: weightSum, totalValueUSD: totalValue),
            topInsider: top.name,
            dataSource: dataSource,
            insiders: insiders,
            edgar: report(buys: buys, checks: checks),
            asOfDate: lookback.asOf,
            windowDays: lookback.days,
            sellOrExerciseCount: sells.count)
    }

    /// One copy of each economic trade: joint filers each carry the same filing row.
    static func uniqueEconomicTrades(_ buys: [Trade]) -> [Trade] {
        var seen = Set<String>()
        return buys.filter { buy in buy.economicID.map { seen.insert($0).inserted } ?? true }
    }

    static func report(buys: [Trade], checks: [EdgarCheck]) -> EdgarReport {
        var ids: [Int] = []
        var seen = Set<Int>()
        for buy in buys {
            if let id = buy.checkID, checks.indices.contains(id), seen.insert(id).inserted { ids.append(id) }
        }
        var report = EdgarReport()
        report.rule10b5_1Buys = buys.filter(\.rule10b5_1).count
        var errors: [String] = []
        for id in ids {
            let check = checks[id]
            if check.wasChecked { report.checked += 1 }
            switch check.status {
            case .verified:
                report.matched += 1
                report.discrepancies.append(contentsOf: check.discrepancies)
            case .unmatched(let why), .failed(let why), .skipped(let why):
                let message = check.accession.map { "\($0): \(why)" } ?? why
                if !errors.contains(message) { errors.append(message) }
            }
        }
        report.errors = errors
        return report
    }
}
