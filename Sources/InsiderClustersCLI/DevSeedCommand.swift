import ArgumentParser
import Foundation
import SyntheticTrades

/// `insider-clusters dev-seed`: fills the trade store with made-up filings (hidden; for CI's
/// schemathesis run and the benchmark, never for real data).
struct DevSeedCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dev-seed",
        abstract: "Load synthetic filings into the trade store (testing and benchmarks only).",
        discussion: "Example: insider-clusters dev-seed --storage /tmp/bench --as-of 2026-11-30 --filings 300000",
        shouldDisplay: false)

    @Option(name: .long, help: ArgumentHelp("How many filings. Example: --filings 300000", valueName: "n"))
    var filings: Int = 1_000

    @Option(name: .long, help: ArgumentHelp("How many issuers. Example: --issuers 6000", valueName: "n"))
    var issuers: Int = 200

    @OptionGroup var store: StoreOptions

    func validate() throws {
        guard (1...10_000_000).contains(filings) else { throw ValidationError("--filings: \(filings) is not in 1...10000000") }
        guard (1...1_000_000).contains(issuers) else { throw ValidationError("--issuers: \(issuers) is not in 1...1000000") }
    }

    func run() async throws {
        let generator = SyntheticFilings(asOf: try store.asOfDay(), issuers: issuers)
        let tradeStore = try store.openStore()
        var loaded = 0
        for start in stride(from: 0, to: filings, by: 10_000) {
            let outcome = try await tradeStore.load(generator.filings(start..<min(filings, start + 10_000)), marking: nil)
            loaded += outcome.newFilings
        }
        print("loaded \(loaded) synthetic filings (\(filings - loaded) already stored); busiest ticker \(generator.ticker(0))")
    }
}
