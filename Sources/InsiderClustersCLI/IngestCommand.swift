import ArgumentParser
import Foundation
import InsiderClusters
import InsiderCore
import Logging

/// `insider-clusters ingest`: fills the trade store from SEC's bulk data.
struct IngestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Fill the trade store from SEC: quarterly data sets, then the daily form indexes.",
        discussion: """
        Needs SEC_USER_AGENT with a contact email. Exit status: 0 done, 2 bad usage (nothing fetched), 1 a source or file fault \
        (nothing of the failing quarter is kept).
        Example: insider-clusters ingest datasets --from 2025q1 --to 2026q3 && insider-clusters ingest daily
        """,
        subcommands: [IngestDataSetsCommand.self, IngestDailyCommand.self])
}

/// `ingest datasets`.
struct IngestDataSetsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "datasets",
        abstract: "Load SEC's Insider Transactions Data Sets, one quarter per database transaction (default: the last eight published).",
        discussion: "Example: insider-clusters ingest datasets --from 2025q1 --to 2026q3")

    @Option(name: .long, help: ArgumentHelp("First quarter, 2006q1 or later. Example: --from 2025q1", valueName: "YYYYqN"))
    var from: String?

    @Option(name: .long, help: ArgumentHelp("Last quarter. Example: --to 2026q3", valueName: "YYYYqN"))
    var to: String?

    @OptionGroup var store: StoreOptions
    @OptionGroup var logging: LoggingOptions

    func quarters() throws -> (Quarter?, Quarter?) {
        func parse(_ text: String?, _ flag: String) throws -> Quarter? {
            guard let text else { return nil }
            guard let q = Quarter(text) else { throw ValidationError("\(flag): \"\(text)\" is not a quarter; write YYYYqN with N 1 to 4, e.g. 2025q1") }
            guard q >= Quarter.first else { throw ValidationError("\(flag): \(q) is before 2006q1, the first quarter SEC publishes") }
            return q
        }
        let a = try parse(from, "--from"), b = try parse(to, "--to")
        if let a, let b, a > b { throw ValidationError("--from \(a) is after --to \(b)") }
        return (a, b)
    }

    func validate() throws { _ = try quarters() }

    func run() async throws {
        let logger = try logging.bootstrap()
        let (first, last) = try quarters()
        let setup = try IngestionCommandSupport.setup(store, logger: logger)
        let reports = try await IngestionCommandSupport.failLoudly {
            try await setup.dataSets(logger: logger).ingest(from: first, to: last)
        }
        for r in reports {
            print("\(r.quarter)\t\(r.outcome)\tfilings \(r.filings)\tnew \(r.newFilings)\ttransactions \(r.newTransactions)\t\(r.downloaded ? "downloaded" : "not downloaded (cached)")")
        }
        IngestionCommandSupport.printRequests(setup)
    }
}

/// `ingest daily`.
struct IngestDailyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "daily",
        abstract: "Load each weekday's daily form index up to the as-of date, one filing at a time (resumable).",
        discussion: "Example: insider-clusters ingest daily --since 2026-10-01 --as-of 2026-10-09")

    @Option(name: .long, help: ArgumentHelp("First day. Default: the day after the newest day loaded (a few days before the newest quarter's end). Example: --since 2026-10-01", valueName: "YYYY-MM-DD"))
    var since: String?

    @OptionGroup var store: StoreOptions
    @OptionGroup var logging: LoggingOptions

    func sinceDay() throws -> Day? {
        guard let since else { return nil }
        guard since.count == 10, let d = Day(since) else { throw ValidationError("--since: \"\(since)\" is not a YYYY-MM-DD date") }
        return d
    }

    func validate() throws { _ = try sinceDay() }

    func run() async throws {
        let logger = try logging.bootstrap()
        let asOf = try store.asOfDay()
        let since = try sinceDay()
        if let since, since > asOf { throw ValidationError("--since \(since) is after the as-of date \(asOf)") }
        let setup = try IngestionCommandSupport.setup(store, logger: logger)
        let reports = try await IngestionCommandSupport.failLoudly {
            try await setup.daily(logger: logger).ingest(since: since, asOf: asOf)
        }
        for r in reports {
            print(r.indexFound
                  ? "\(r.day)\tlisted \(r.listed)\tloaded \(r.loaded)\talready stored \(r.alreadyStored)\tunreadable \(r.unreadable)"
                  : "\(r.day)\tno index")
        }
        IngestionCommandSupport.printRequests(setup)
    }
}

/// What the ingest commands share.
enum IngestionCommandSupport {
    static func setup(_ options: StoreOptions, logger: Logging.Logger) throws -> IngestionSetup {
        do {
            return try IngestionSetup(storageRoot: options.storageRoot(), environment: options.environment,
                                      store: try options.openStore(), logger: logger)
        } catch let error as ConfigurationError {
            printError("configuration: \(error)")
            throw ExitCode(2)
        }
    }

    /// Runs `body`; any failure is printed and exits 1.
    static func failLoudly<T>(_ body: () async throws -> T) async throws -> T {
        do { return try await body() } catch {
            printError("ingest failed: \(error)")
            throw ExitCode(1)
        }
    }

    static func printRequests(_ setup: IngestionSetup) {
        let hosts = setup.http.requestsPerHost.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
        printError("requests: \(hosts.isEmpty ? "none" : hosts); filings from cache: \(setup.edgar.cacheHits)")
    }
}
