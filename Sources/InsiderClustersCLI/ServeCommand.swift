import ArgumentParser
import Foundation
import InsiderAPI
import InsiderClusters
import InsiderCore
import Logging

/// `insider-clusters serve`: the Insider Trading API over the trade store.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the Insider Trading API (GET /api/v1/insider/activity, /trades/{ticker}, /cluster-buys) over the trade store.",
        discussion: """
        SIGINT or SIGTERM stops accepting connections, lets in-flight requests finish, and exits 0.
        Environment: INSIDER_API_RATE_LIMIT (off), INSIDER_API_RATE_ANONYMOUS / _FREE / _PRO (requests per minute), \
        INSIDER_API_CORS_ORIGIN, INSIDER_API_REQUEST_TIMEOUT_SECONDS, INSIDER_API_VERSION_CHECK_MS. See README.md.
        Example: insider-clusters serve --host 0.0.0.0 --port 8080 --storage /srv/ic
        """)

    @Option(name: .long, help: ArgumentHelp("Address to listen on. Example: --host 0.0.0.0", valueName: "address"))
    var host: String = "127.0.0.1"

    @Option(name: .long, help: ArgumentHelp("Port to listen on (0: any free port, printed at start). Example: --port 9000", valueName: "port"))
    var port: Int = 8080

    @OptionGroup var store: StoreOptions

    @OptionGroup var logging: LoggingOptions

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port: \(port) is not a port number 0...65535") }
    }

    func run() async throws {
        var logger = try logging.bootstrap()
        // One access-log line per request: written in batches, not a system call each.
        let writer = BufferedLineWriter()
        defer { writer.close() }
        let level = logger.logLevel
        logger = Logger(label: "insider-clusters") { label in
            var handler = BufferedLogHandler(label: label, writer: writer)
            handler.logLevel = level
            return handler
        }
        let settings: APISettings
        do { settings = try APISettings(environment: store.environment.values) } catch { throw ValidationError(String(describing: error)) }
        let fixedDay = (store.asOf ?? store.environment.first("INSIDER_CLUSTERS_AS_OF")) != nil ? try store.asOfDay() : nil
        let clock = fixedDay.map(AsOfClock.fixed) ?? .live { RunEnvironment.today(in: "America/New_York") }
        let server = APIServer(store: try store.openStore(), settings: settings, clock: clock, logger: logger)
        try await server.run(host: host, port: port)
        logger.notice("insider-clusters API stopped")
    }
}
