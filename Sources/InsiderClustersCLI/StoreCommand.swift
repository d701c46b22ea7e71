import ArgumentParser
import Foundation
import InsiderClusters
import InsiderCore
import TradeStore

/// `insider-clusters store`: the trade store's own commands.
struct StoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "store", abstract: "Inspect the trade store.", subcommands: [StoreStatusCommand.self])
}

/// `store status`.
struct StoreStatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status", abstract: "Quarters and days loaded, filings, transactions, the newest filing date, the file's size.",
        discussion: "Example: insider-clusters store status --storage /srv/ic")

    @Flag(name: .long, help: "Print JSON instead of text.")
    var json = false

    @OptionGroup var store: StoreOptions

    func run() async throws {
        let s = try await store.openStore().status()
        if json { print(StoreStatusCommand.json(s).prettyText); return }
        print("store: \(s.location)")
        print("size: \(s.sizeBytes.map { String(format: "%.1f MB", Double($0) / 1_048_576) } ?? "n/a")")
        print("filings: \(s.filings); transactions: \(s.transactions) (\(s.supersededTransactions) superseded by amendments)")
        print("newest filing date: \(s.newestFilingDate?.description ?? "none")")
        print("quarters loaded: \(s.quarters.isEmpty ? "none" : s.quarters.map { "\($0.quarter) (\($0.filings))" }.joined(separator: ", "))")
        if let first = s.days.first, let last = s.days.last {
            print("days loaded: \(s.days.count), \(first.day) to \(last.day), \(s.days.reduce(0) { $0 + $1.filings }) filings listed")
        } else {
            print("days loaded: none")
        }
        print("data version: \(s.dataVersion)")
    }

    static func json(_ s: StoreStatus) -> JSONValue {
        .object([
            ("location", .string(s.location)), ("sizeBytes", s.sizeBytes.map { .number(String($0)) } ?? .null),
            ("filings", .number(String(s.filings))), ("transactions", .number(String(s.transactions))),
            ("supersededTransactions", .number(String(s.supersededTransactions))),
            ("newestFilingDate", s.newestFilingDate.map { .string($0.description) } ?? .null),
            ("quarters", .array(s.quarters.map { .object([("quarter", .string($0.quarter)), ("filings", .number(String($0.filings))), ("loadedAt", .string($0.loadedAt))]) })),
            ("days", .array(s.days.map { .object([("day", .string($0.day.description)), ("filings", .number(String($0.filings)))]) })),
            ("dataVersion", .number(String(s.dataVersion))),
        ])
    }
}
