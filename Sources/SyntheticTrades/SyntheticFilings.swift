import Foundation
import InsiderCore
import TradeStore

/// Deterministic, made-up Form 4 filings for load tests, the benchmark and CI's schemathesis run,
/// shaped like the real market: `issuers` companies with ten insiders each, trades spread over the
/// 402 days before the as-of date, transaction codes in roughly EDGAR's proportions (open-market
/// buys are rare: 8 %), and half a percent of all filings going to the first issuer (`BUSY`), the
/// busiest ticker. The same seed always gives the same filings.
public struct SyntheticFilings: Sendable {
    /// The as-of date the trade dates lead up to.
    public var asOf: Day
    /// How many issuers.
    public var issuers: Int
    /// The generator's seed.
    public var seed: UInt64

    /// Creates a generator.
    public init(asOf: Day, issuers: Int = 6_000, seed: UInt64 = 42) { self.asOf = asOf; self.issuers = max(1, issuers); self.seed = seed }

    /// The ticker of issuer `i` (`BUSY` for the busiest, then `T1`, `T2`, ...).
    public func ticker(_ i: Int) -> String { i == 0 ? "BUSY" : "T\(i)" }

    /// Filings `range` (accession numbers follow the index, so batches never collide).
    public func filings(_ range: Range<Int>) -> [StoredFiling] {
        range.map { filing($0) }
    }

    /// Filing number `n`.
    public func filing(_ n: Int) -> StoredFiling {
        var rng = SplitMix64(seed: seed &+ UInt64(n) &* 0x9E37_79B9_7F4A_7C15)
        let issuer = rng.below(200) == 0 ? 0 : Int(rng.below(UInt64(issuers)))
        let insider = Int(rng.below(10))
        let tradeDate = asOf.adding(days: -2 - Int(rng.below(400)))   // filed by the as-of date
        let transactions = (1...Int(1 + rng.below(2))).map { row -> StoredTransaction in
            let code = Self.code(percentile: Int(rng.below(100)))
            return StoredTransaction(table: code == "M" ? .derivative : .nonDerivative, row: row, securityTitle: "Common Stock",
                                     tradeDate: tradeDate, code: code, shares: Decimal(100 + Int(rng.below(20_000))),
                                     price: code == "G" ? nil : Decimal(1 + Int(rng.below(20_000))) / 100,
                                     acquiredDisposed: code == "S" || code == "F" || code == "G" ? "D" : "A",
                                     sharesOwnedAfter: Decimal(Int(rng.below(1_000_000))), directIndirect: rng.below(4) == 0 ? "I" : "D")
        }
        let cik = String(format: "%010d", 1_000_000 + issuer)
        return StoredFiling(
            accession: String(format: "9%09d-26-%06d", issuer, n % 1_000_000) + (n >= 1_000_000 ? "-\(n / 1_000_000)" : ""),
            formType: "4", filingDate: tradeDate.adding(days: Int(rng.below(3))), issuerCIK: cik,
            issuerName: "Synthetic Co \(issuer)", issuerTicker: ticker(issuer), aff10b5One: rng.below(5) == 0, source: .batchRun,
            owners: [StoredOwner(cik: String(format: "%010d", 5_000_000 + issuer * 10 + insider), name: "Insider \(issuer)-\(insider)",
                                 isDirector: insider % 2 == 0, isOfficer: insider < 3, isTenPercentOwner: insider == 9,
                                 officerTitle: insider < 3 ? ["CEO", "CFO", "COO"][insider] : nil)],
            transactions: transactions)
    }
}

extension SyntheticFilings {
    /// A transaction code by percentile: P 8, S 35, A 20, M 12, F 15, G 5, other (J) 5.
    static func code(percentile p: Int) -> String {
        switch p {
        case ..<8: "P"
        case ..<43: "S"
        case ..<63: "A"
        case ..<75: "M"
        case ..<90: "F"
        case ..<95: "G"
        default: "J"
        }
    }
}

/// SplitMix64: a small, fast, seedable generator (not for secrets).
struct SplitMix64 {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func below(_ n: UInt64) -> UInt64 { next() % n }
}
