import ArgumentParser
import Foundation
import InsiderClusters
import InsiderCore
import TradeStore

/// `insider-clusters store`: the trade store's own commands.
struct StoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "store", abstract: "Inspect the trade store, or copy it between SQLite and PostgreSQL.",
        subcommands: [StoreStatusCommand.self, StoreCopyCommand.self])
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

/// `store copy`: moves a whole store between a SQLite file and a PostgreSQL server (either way).
struct StoreCopyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "copy", abstract: "Copy every table of one trade store into a new, empty one, verified by row counts and checksums.",
        discussion: """
            Either side is a SQLite file path or a postgres:// URL. The target must hold no filings, markers or keys.
            Examples:
              insider-clusters store copy --from storage/trade-store/trades.sqlite --to 'postgres://ic:secret@db:5432/insider'
              insider-clusters store copy --from 'postgres://ic:secret@db:5432/insider' --to /srv/backup/trades.sqlite
            """)

    @Option(name: .long, help: ArgumentHelp("The store to read: an existing SQLite file or a postgres:// URL. Example: --from storage/trade-store/trades.sqlite", valueName: "file-or-url"))
    var from: String

    @Option(name: .long, help: ArgumentHelp("The new store to fill: a SQLite file (created) or a postgres:// URL. Example: --to 'postgres://ic:secret@db:5432/insider?sslmode=require'", valueName: "file-or-url"))
    var to: String

    func run() async throws {
        let source: any TradeStore, target: any TradeStore
        do {
            guard from != to else { throw ConfigurationError("--from and --to name the same store") }
            if !TradeStoreLocator.isServer(from), !FileManager.default.fileExists(atPath: from) {
                throw ConfigurationError("--from \(from): no such file")
            }
            source = try TradeStoreLocator.open(location: from)
            target = try TradeStoreLocator.open(location: to)
        } catch {
            printError("configuration: \(TradeStoreLocator.redacted(String(describing: error)))")
            throw ExitCode(2)
        }
        do {
            let tables = try await StoreCopy.copy(from: source, to: target) { printError($0) }
            for t in tables { print("\(t.table)\t\(t.rows) rows\tchecksum \(t.checksum)") }
            print("copied \(TradeStoreLocator.redacted(from)) to \(TradeStoreLocator.redacted(to)): every table's row count and checksum match")
        } catch {
            printError("store copy failed: \(TradeStoreLocator.redacted(String(describing: error)))")
            throw ExitCode(1)
        }
    }
}
