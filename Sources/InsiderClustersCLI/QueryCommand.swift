import ArgumentParser
import Foundation
import InsiderClusters
import InsiderCore
import TradeStore

/// `insider-clusters query`: the Insider Trading API's full bodies, straight from the store.
struct QueryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "query",
        abstract: "Print the API's JSON bodies (SPEC section 9, full, not the preview) from the trade store.",
        discussion: "Example: insider-clusters query cluster-buys --lookback-days 30 --as-of 2026-10-31",
        subcommands: [QueryActivityCommand.self, QueryTradesCommand.self, QueryClusterBuysCommand.self])
}

/// Options of every query.
struct QueryOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Trade dates T-N through T, 1 to 365. Example: --lookback-days 30", valueName: "N"))
    var lookbackDays: Int = 90

    @Flag(name: .long, help: "One line of JSON instead of indented text.")
    var compact = false

    @OptionGroup var store: StoreOptions

    func validate() throws {
        guard (1...365).contains(lookbackDays) else { throw ValidationError("--lookback-days: \(lookbackDays) is outside 1 to 365") }
    }

    func window() throws -> LookbackWindow { LookbackWindow(asOf: try store.asOfDay(), days: lookbackDays) }

    func render(_ value: JSONValue) { print(compact ? value.compactText : value.prettyText) }
}

/// `query activity`.
struct QueryActivityCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "activity", abstract: "Buys and sells by issuer over the lookback (GET /activity).",
        discussion: "Example: insider-clusters query activity --lookback-days 7 --limit 10")

    @Option(name: .long, help: ArgumentHelp("Entries per side, 1 to 500. Example: --limit 10", valueName: "N"))
    var limit: Int = 50

    @OptionGroup var options: QueryOptions

    func validate() throws {
        guard (1...500).contains(limit) else { throw ValidationError("--limit: \(limit) is outside 1 to 500") }
    }

    func run() async throws {
        let body = try await options.store.openStore().activity(in: try options.window(), limit: limit)
        options.render(body.json)
    }
}

/// `query trades TICKER`.
struct QueryTradesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trades", abstract: "Every transaction of one issuer over the lookback, newest first (GET /trades/{ticker}).",
        discussion: "Example: insider-clusters query trades AAPL --lookback-days 365")

    @Argument(help: ArgumentHelp("The issuer's ticker, any case. Example: AAPL", valueName: "ticker"))
    var ticker: String

    @OptionGroup var options: QueryOptions

    func run() async throws {
        guard let trades = try await options.store.openStore().trades(ticker: ticker, in: try options.window()) else {
            printError("not found: the store has never seen the ticker \(ticker.uppercased())")
            throw ExitCode(1)
        }
        options.render(.array(trades.map(\.json)))
    }
}

/// `query cluster-buys`.
struct QueryClusterBuysCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cluster-buys", abstract: "Issuers where at least 3 insiders bought in the lookback (GET /cluster-buys).",
        discussion: "Example: insider-clusters query cluster-buys --lookback-days 30")

    @OptionGroup var options: QueryOptions

    func run() async throws {
        let body = try await options.store.openStore().clusterBuys(in: try options.window(), minInsiders: 3)
        options.render(.array(body.map(\.json)))
    }
}
