import ArgumentParser
import Foundation
import InsiderClusters
import InsiderCore
import Logging

/// `insider-clusters`: finds insider cluster buys and writes them to local Apify-style storage.
struct InsiderClustersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "insider-clusters",
        abstract: "Find insider cluster buys (several insiders buying the same stock), verified against SEC Form 4 filings.",
        discussion: """
        Exit status: 0 done (also when the budget stopped rows), 2 bad input or usage, 1 any other failure \
        (a source that stays unreachable, layout drift, a storage error).
        Environment: OPENINSIDER_BASE_URL, SEC_BASE_URL, SEC_DATA_BASE_URL, SEC_USER_AGENT (with a contact email), \
        INSIDER_CLUSTERS_AS_OF, APIFY_LOCAL_STORAGE_DIR, ACTOR_INPUT_KEY, ACTOR_MAX_TOTAL_CHARGE_USD, APIFY_ACTOR_PRICING_INFO. \
        See README.md.
        """,
        version: SourceConfig.version,
        subcommands: [RunCommand.self, ExportCommand.self, ValidateInputCommand.self, ParseCommand.self,
                      IngestCommand.self, QueryCommand.self, StoreCommand.self, ServeCommand.self, APIKeyCommand.self, DevSeedCommand.self],
        defaultSubcommand: RunCommand.self)
}

/// Options every command that logs shares.
struct LoggingOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Log level on stderr: trace, debug, info, notice, warning, error, critical. Example: --log-level debug", valueName: "level"))
    var logLevel: String = "info"

    func bootstrap() throws -> Logger {
        guard let level = Logger.Level(rawValue: logLevel.lowercased()) else {
            throw ValidationError("--log-level: \"\(logLevel)\" is not one of trace, debug, info, notice, warning, error, critical")
        }
        LoggingBootstrap.once(level: level)
        var logger = Logger(label: "insider-clusters")
        logger.logLevel = level
        return logger
    }
}

enum LoggingBootstrap {
    nonisolated(unsafe) static var done = false
    static func once(level: Logger.Level) {
        guard !done else { return }
        done = true
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
    }
}

/// Writes a line to stderr.
func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}

@main
enum Main {
    static func main() async {
        do {
            var command = try InsiderClustersCommand.parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            let code = InsiderClustersCommand.exitCode(for: error)
            if code == .success || error is CleanExit { InsiderClustersCommand.exit(withError: error) }
            let message = InsiderClustersCommand.fullMessage(for: error)
            if !message.isEmpty { printError(message) }
            // Usage errors exit 2, as documented (ArgumentParser's own default is 64).
            exit(code == .validationFailure ? 2 : code.rawValue)
        }
    }
}
