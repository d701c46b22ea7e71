import EdgarForm4
import Foundation
import InsiderCore
import OpenInsiderPages

extension ClusterJob {
    /// One finished step of the drilldown pipeline.
    private enum Step: Sendable {
        case drilled(candidate: Int, page: TickerTrades)
        case verified(key: Int, trades: [Trade], check: EdgarCheck)
        case expanded(key: Int, trades: [Trade])
    }

    /// Drills into every candidate and reads the filings its rows need, as one pipeline: OpenInsider
    /// and SEC are separate rate budgets, so a drilldown's buys go to the verifier as soon as its
    /// page is parsed while the next drilldowns are still waiting for OpenInsider. Each host has
    /// at most `INSIDER_CLUSTERS_CONCURRENCY` requests in flight.
    ///
    /// The result does not depend on the order pages arrive in: trades and checks come back in
    /// candidate order, then page order, as if the stages had run one after the other.
    func drillAndVerify(_ candidates: [Candidate], lookback: Lookback, progress: Progress) async throws -> (trades: [Trade], checks: [EdgarCheck]) {
        let concurrency = max(1, settings.sources.concurrency)
        let verifyBlocked = BlockFlag()
        let expandBlocked = BlockFlag()
        // A row's key orders it as the sequential stages did: candidate first, then page row.
        func key(_ candidate: Int, _ row: Int) -> Int { candidate << 20 | row }
        return try await withThrowingTaskGroup(of: Step.self) { group in
            var nextCandidate = 0
            func drillNext() {
                guard nextCandidate < candidates.count else { return }
                let index = nextCandidate
                nextCandidate += 1
                group.addTask {
                    let page = try await self.openInsider.drilldown(ticker: candidates[index].ticker, lookback: lookback)
                    return .drilled(candidate: index, page: page)
                }
            }
            var filingReads: [@Sendable () async throws -> Step] = []
            var readsInFlight = 0
            func readFilings() {
                while readsInFlight < concurrency, !filingReads.isEmpty {
                    group.addTask(operation: filingReads.removeFirst())
                    readsInFlight += 1
                }
            }
            for _ in 0..<concurrency { drillNext() }

            var plain: [Int: [Trade]] = [:]
            var verified: [Int: (trades: [Trade], check: EdgarCheck)] = [:]
            var expanded: [Int: [Trade]] = [:]
            while let step = try await group.next() {
                switch step {
                case let .drilled(index, page):
                    progress.step()
                    drillNext()
                    for (row, pair) in OpenInsiderTrades.trades(from: page, candidate: candidates[index]).enumerated() {
                        let k = key(index, row)
                        if pair.trade.isBuy && OpenInsiderSource.mayQualify(pair.row, lookback: lookback) {
                            filingReads.append {
                                let result = try await self.verify(pair, checkID: k, blocked: verifyBlocked)
                                return .verified(key: k, trades: result.trades, check: result.check)
                            }
                        } else if pair.trade.isSellOrExercise && (pair.trade.isAmendment || (pair.row.xFlags.contains("M") && !lookback.contains(pair.trade.tradeDate))) {
                            if edgar.isEnabled {
                                filingReads.append { .expanded(key: k, trades: try await self.expand(pair, blocked: expandBlocked)) }
                            } else {
                                expanded[k] = [pair.trade]
                            }
                        } else {
                            plain[index, default: []].append(pair.trade)
                        }
                    }
                case let .verified(k, trades, check):
                    readsInFlight -= 1
                    verified[k] = (trades, check)
                case let .expanded(k, trades):
                    readsInFlight -= 1
                    expanded[k] = trades
                }
                readFilings()
            }
            // Checks are numbered in key order; a buy's checkID is its check's index.
            let checkIndex = Dictionary(uniqueKeysWithValues: verified.keys.sorted().enumerated().map { ($1, $0) })
            var trades = plain.keys.sorted().flatMap { plain[$0]! }
            for k in verified.keys.sorted() {
                trades += verified[k]!.trades.map { var t = $0; t.checkID = t.checkID.flatMap { checkIndex[$0] }; return t }
            }
            trades += expanded.keys.sorted().flatMap { expanded[$0]! }
            return (trades, verified.keys.sorted().map { verified[$0]!.check })
        }
    }

    /// Cross-checks one qualifying buy against its Form 4; a filing that cannot be had leaves the
    /// buy on OpenInsider's values and is reported, never dropped.
    func verify(_ pair: (row: OpenInsiderRow, trade: Trade), checkID: Int, blocked: BlockFlag) async throws -> (trades: [Trade], check: EdgarCheck) {
        var trade = pair.trade
        trade.checkID = checkID
        guard let link = pair.row.filingURL, let url = edgar.rawFilingURL(fromLink: link) else {
            return ([trade], EdgarCheck(ticker: trade.ticker, accession: trade.accession, ownerCIK: trade.ownerCIK, status: .skipped("no SEC filing link on the OpenInsider row")))
        }
        if let reason = blocked.reason {
            return ([trade], EdgarCheck(ticker: trade.ticker, accession: trade.accession, ownerCIK: trade.ownerCIK, status: .failed(reason)))
        }
        do {
            let document = try await edgar.document(at: url, accession: trade.accession)
            await remember(document, accession: trade.accession, filed: Day(String(trade.filingDateTime.prefix(10))), notes: sideNotes)
            let matched = FilingMatch.apply(trade: trade, document: document, checkID: checkID)
            return (matched.trades, matched.check)
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            if case HTTPClientError.throttled = error { blocked.set("SEC blocked the run (rate limit); later filings were not fetched: \(error)") }
            let status: EdgarCheck.Status = edgar.isEnabled ? .failed(String(describing: error)) : .skipped(String(describing: error))
            return ([trade], EdgarCheck(ticker: trade.ticker, accession: trade.accession, ownerCIK: trade.ownerCIK, status: status))
        }
    }

    /// A sale or exercise row whose shown date is before the window but whose filing holds several
    /// trades (X flag `M`), or that belongs to an amendment, replaced by the filing's own rows so each
    /// decides `is_all_buy` by its own date. A filing that cannot be read leaves the row as shown.
    func expand(_ pair: (row: OpenInsiderRow, trade: Trade), blocked: BlockFlag) async throws -> [Trade] {
        guard blocked.reason == nil, let link = pair.row.filingURL, let url = edgar.rawFilingURL(fromLink: link) else { return [pair.trade] }
        do {
            let document = try await edgar.document(at: url, accession: pair.trade.accession)
            return FilingMatch.expand(trade: pair.trade, document: document) ?? [pair.trade]
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            if case HTTPClientError.throttled = error { blocked.set("SEC blocked the run (rate limit)") }
            logger.warning("\(pair.trade.ticker) \(pair.trade.accession ?? "?"): filing not read, the \(pair.trade.code) row stays as OpenInsider shows it: \(error)")
            return [pair.trade]
        }
    }
}
