import ArgumentParser
import Foundation
import InsiderClusters
import InsiderCore
import Logging

/// `insider-clusters run`: the batch job.
struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run the job: discover clusters, verify every buy on EDGAR, write and charge one row per cluster (the default command).",
        discussion: """
        Input comes from --input FILE, else the default key-value store's INPUT.json under the storage folder.
        Example: insider-clusters run --input my-input.json --as-of 2026-04-24 --output clusters.csv
        """)

    @Option(name: .long, help: ArgumentHelp("Input JSON file; - reads stdin. Default: <storage>/key_value_stores/default/INPUT.json. Example: --input input.json", valueName: "file"))
    var input: String?

    @Option(name: .long, help: ArgumentHelp("Storage folder (Apify layout). Default: $APIFY_LOCAL_STORAGE_DIR, $CRAWLEE_STORAGE_DIR, else ./storage. Example: --storage /tmp/run1", valueName: "dir"))
    var storage: String?

    @Option(name: .long, help: ArgumentHelp("As-of date D for every date computation. Default: $INSIDER_CLUSTERS_AS_OF, else today in New York. Example: --as-of 2026-04-24", valueName: "YYYY-MM-DD"))
    var asOf: String?

    @Flag(name: .long, help: "Keep the default dataset, charging log and store from earlier runs (append). Example: --no-purge")
    var noPurge = false

    @Option(name: .long, help: ArgumentHelp("Also export the dataset to this file; .json, .jsonl or .csv picks the format. Example: --output clusters.csv", valueName: "file"))
    var output: String?

    @Option(name: .long, help: ArgumentHelp("Write every HTTP exchange of the run to this WARC 1.1 file (gzipped records). Example: --record run.warc.gz", valueName: "file.warc.gz"))
    var record: String?

    @Option(name: .long, help: ArgumentHelp("Run offline from a --record file: same input and as-of date give the same dataset; the recorded sources and as-of date are the defaults. Example: --replay Examples/demo.warc.gz", valueName: "file.warc.gz"))
    var replay: String?

    @OptionGroup var logging: LoggingOptions

    func validate() throws {
        if let output, ExportFormat(fileName: output) == nil {
            throw ValidationError("--output: \"\(output)\" must end in .json, .jsonl or .csv")
        }
        if let record, !record.hasSuffix(".warc.gz") {
            throw ValidationError("--record: \"\(record)\" must end in .warc.gz (each record is gzipped on its own)")
        }
        if record != nil && replay != nil {
            throw ValidationError("--record and --replay cannot be combined: a replay asks no source, so there is nothing new to record")
        }
    }

    func run() async throws {
        let logger = try logging.bootstrap()
        var env = RunEnvironment()
        let settings: JobSettings
        let platform: ApifyPlatform?
        var pushed: [String] = []
        var platformInput: [UInt8]?
        var saved: RunState?
        do {
            platform = try ApifyPlatform.fromEnvironment(env, retry: try RetryPolicy.fromEnvironment(env.values), logger: logger)
        } catch let error as ConfigurationError {
            printError("configuration: \(error)")
            throw ExitCode(2)
        }
        // Best effort, as in the SDKs: no URL (a local run) or no connection means no events.
        let events = await PlatformEvents.connect(url: env.first(PlatformEvents.variable), logger: logger)
        if let platform {
            // On the platform the input, the budget and what this run already pushed and charged
            // (before a migration or a restart) come from the API.
            do {
                pushed = try await platform.pushedSymbols()
                env = RunEnvironment(env.values.merging(try await platform.chargingEnvironment(rowsAlreadyPushed: pushed.count)) { $1 })
                if input == nil { platformInput = try await platform.inputRecord(key: env.inputKey) ?? Array("{}".utf8) }
                saved = try await savedState(platform, logger: logger)
            } catch {
                printError("Apify platform: \(error)")
                throw ExitCode(1)
            }
        }
        do {
            settings = try prepare(env: env, logger: logger, platformInput: platformInput)
        } catch let problems as InputProblems {
            problems.lines.forEach(printError)
            throw ExitCode(2)
        } catch let error as ConfigurationError {
            printError("configuration: \(error)")
            throw ExitCode(2)
        }
        // On the platform the previous run's figures live in a named store: seed the container's copy.
        var platformHistory: (store: String, history: RunHistory)?
        if let platform {
            let history = RunHistory(storage: settings.storage, input: settings.input)
            do {
                let store = try await platform.namedStore(ApifyPlatform.historyStoreName)
                if let bytes = try await platform.record(store: store, key: history.key) {
                    try settings.storage.keyValueStore(RunHistory.storeName).set(history.key, Data(bytes))
                }
                // The figures a migrated run had computed win: it compares with the same previous run.
                if let figures = saved?.history {
                    try settings.storage.keyValueStore(RunHistory.storeName).set(history.key, Data(figures.compactText.utf8))
                }
                platformHistory = (store, history)
            } catch {
                printError("Apify platform: run history: \(error)")
                throw ExitCode(1)
            }
            await platform.status(saved?.hasRows == true ? "Resuming: publishing the clusters found before the migration" : "Finding insider cluster buys")
        }
        let progress = RunProgress(saved ?? RunState(runID: platform?.runID, phase: .gathering))
        startAnsweringEvents(events, progress: progress, platform: platform, storage: settings.storage, logger: logger)
        var summary: RunSummary?
        let rows: [JSONValue]
        if let saved, saved.hasRows {
            rows = saved.rows
        } else {
            let job = ClusterJob(settings: settings, logger: logger)
            do {
                summary = try await job.run()
            } catch {
                await progress.checkpoint()   // a migration or an abort ends the process itself
                printError("run failed: \(error)")
                printError("nothing was written for this run beyond what is listed in the charging log (actor-start).")
                saveRecording(settings)
                await platform?.status("Failed: \(error)", terminal: true)
                throw ExitCode(1)
            }
            saveRecording(settings)
            rows = try settings.storage.dataset().items()
        }
        if let platform {
            await progress.checkpoint()
            if summary != nil {
                let startCharged = try settings.storage.dataset(ClusterJob.chargingLog).items()
                    .contains { $0["eventName"]?.stringValue == Pricing.actorStart } || settings.alreadyCharged[Pricing.actorStart, default: 0] > 0
                let figures = try platformHistory.flatMap { try settings.storage.keyValueStore(RunHistory.storeName).read($0.history.key) }
                let history = figures.flatMap { try? JSONValue.parse(Array($0)) }
                progress.update { $0.phase = .publishing; $0.rows = rows; $0.actorStart = startCharged; $0.history = history }
                await platform.status("Checked \(summary?.tickersChecked ?? 0) tickers; publishing \(summary?.rowsWritten ?? 0) cluster(s)")
            }
            do {
                let outcome = try await PlatformPublisher(platform: platform).publish(rows: rows, alreadyPushed: pushed, limit: settings.input.limit,
                                                                                      actorStart: progress.current.actorStart, progress: progress)
                if let (store, history) = platformHistory,
                   let record = try settings.storage.keyValueStore(RunHistory.storeName).read(history.key) {
                    await progress.checkpoint()
                    try await platform.setRecord(store: store, key: history.key, json: Array(record))
                }
                await progress.checkpoint()
                progress.update { $0.phase = .finished }
                await platform.status("Wrote \(outcome.total) cluster(s)", terminal: true)
            } catch {
                await progress.checkpoint()
                printError("Apify platform: \(error)")
                await platform.status("Failed publishing the clusters: \(error)", terminal: true)
                throw ExitCode(1)
            }
        }
        if let output {
            let items = summary == nil ? rows : try settings.storage.dataset().items()
            let text = DatasetExport.render(items, as: ExportFormat(fileName: output)!)   // validate() checked the extension
            try Data(text.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
        }
        if let summary {
            printSummary(summary, storage: settings.storage.root.path)
        } else {
            printError("— insider-clusters summary —")
            printError("resumed run \(platform?.runID ?? ""): published the \(rows.count) cluster(s) found before the migration; nothing was fetched")
        }
    }

    /// The state record an earlier container of this run saved (a migration), or nil.
    func savedState(_ platform: ApifyPlatform, logger: Logger) async throws -> RunState? {
        guard let bytes = try await platform.record(store: platform.storeID, key: RunProgress.key) else { return nil }
        guard let json = try? JSONValue.parse(bytes), let state = RunState(json: json) else {
            logger.warning("\(RunProgress.key) is not a state record; the run starts over")
            return nil
        }
        guard state.runID == platform.runID else {
            logger.notice("\(RunProgress.key) belongs to run \(state.runID ?? "none"), not \(platform.runID); the run starts over")
            return nil
        }
        logger.notice("""
            run \(platform.runID) resumes from its saved state: phase \(state.phase.rawValue), \(state.rowsPushed) row(s) pushed, \
            \(state.hasRows ? "publishing the \(state.rows.count) row(s) found before" : "the rows were not known yet: finding them again")
            """)
        return state
    }

    /// Answers `persistState`, `migrating` and `aborting` in the background: the state goes to the
    /// default key-value store (the platform's, else the local one), and a migration or an abort
    /// ends the process with exit code 0.
    func startAnsweringEvents(_ events: AsyncStream<PlatformEvent>, progress: RunProgress, platform: ApifyPlatform?, storage: LocalStorage,
                              logger: Logger) {
        Task {
            await progress.answer(events, save: { bytes in
                if let platform {
                    try await platform.setRecord(store: platform.storeID, key: RunProgress.key, json: bytes)
                } else {
                    try storage.keyValueStore().set(RunProgress.key, Data(bytes))
                }
            }, status: { message, terminal in
                if let platform { await platform.status(message, terminal: terminal) } else { logger.notice("status: \(message)") }
            }, exit: exitCleanly, logger: logger)
        }
    }

    /// Writes the `--record` file, also after a failed run (what the sources served is the evidence).
    func saveRecording(_ settings: JobSettings) {
        guard let record, let recorder = settings.recorder else { return }
        do {
            try recorder.write(to: URL(fileURLWithPath: record))
            printError("recorded \(recorder.count) HTTP exchange(s) to \(record)")
        } catch {
            printError("record: \(error)")
        }
    }

    func prepare(env startEnv: RunEnvironment, logger: Logger, platformInput: [UInt8]? = nil) throws -> JobSettings {
        var env = startEnv
        var replaying: WARCReplay?
        if let replay {
            do { replaying = try WARCReplay(contentsOf: URL(fileURLWithPath: replay)) } catch { throw ConfigurationError(String(describing: error)) }
            env = replaying!.environment(over: env)
        }
        let root = env.storageRoot(override: storage)
        let inputKey = env.inputKey
        let bytes: [UInt8]
        if let platformInput {
            bytes = platformInput
        } else if let input {
            if input == "-" {
                bytes = Array(FileHandle.standardInput.readDataToEndOfFile())
            } else {
                guard let data = FileManager.default.contents(atPath: input) else {
                    throw InputProblems(["input: cannot read --input file \(input)"])
                }
                bytes = Array(data)
            }
        } else {
            let store = LocalStorage(root: root).keyValueStore()
            let stored: Data?
            // A record that exists but cannot be read is an error, never a silent run on the defaults.
            do { stored = try store.read(inputKey) } catch { throw InputProblems(["input: \(error)"]) }
            if let data = stored {
                bytes = Array(data)
            } else {
                logger.notice("no input record \(inputKey).json under \(store.dir.path): using the input schema's defaults")
                bytes = Array("{}".utf8)
            }
        }
        let schema: InputSchema
        do { schema = try InputSchema.locate() } catch { throw ConfigurationError(String(describing: error)) }
        let parsed: RunInput
        switch RunInput.parse(bytes, schema: schema) {
        case .success(let value): parsed = value
        case .failure(let problems): throw problems
        }
        let asOfDay = try env.asOf(override: asOf)
        let values = env.values
        let sources = try SourceConfig.fromEnvironment(values)
        var settings = JobSettings(
            input: parsed, asOf: asOfDay, storage: LocalStorage(root: root), purge: !noPurge && env.purgeOnStart,
            inputKey: inputKey, sources: sources, retry: try RetryPolicy.fromEnvironment(values),
            pricing: try Pricing.fromEnvironment(values), maxTotalChargeUSD: try Charger.budget(from: values),
            alreadyCharged: try Charger.alreadyCharged(from: values))
        settings.replay = replaying
        if record != nil {
            do { settings.recorder = try WARCRecorder(info: WARCReplay.info(sources: sources, asOf: asOfDay)) } catch {
                throw ConfigurationError("--record: \(error)")
            }
        }
        return settings
    }

    func printSummary(_ s: RunSummary, storage: String) {
        let seconds = Double(s.elapsed.components.seconds) + Double(s.elapsed.components.attoseconds) / 1e18
        var lines = ["— insider-clusters summary —"]
        lines.append("rows written: \(s.rowsWritten) (clusters found: \(s.clustersFound), tickers checked: \(s.tickersChecked))\(s.resumed ? " [resumed an interrupted run]" : "")")
        if s.rowsStoppedByBudget > 0 { lines.append("rows stopped by the budget: \(s.rowsStoppedByBudget)") }
        let charges = s.charges.sorted { $0.key < $1.key }.map { "\($0.key) x\($0.value)" }.joined(separator: ", ")
        lines.append("charges: \(charges.isEmpty ? "none" : charges) = $\(NSDecimalNumber(decimal: s.chargedUSD).stringValue)")
        let hosts = s.requestsPerHost.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
        lines.append("requests: \(hosts.isEmpty ? "none" : hosts); filings from cache: \(s.filingCacheHits); OpenInsider pages from cache: \(s.pageCacheHits)")
        lines.append("source: \(s.dataSource)")
        if let changes = s.changes { lines.append(contentsOf: changes.lines) }
        lines.append(String(format: "elapsed: %.1f s; storage: %@", seconds, storage))
        for note in s.notes { lines.append("note: \(note)") }
        lines.forEach(printError)
    }
}

/// Ends the process with exit code 0 (a migration or an abort: the platform takes it from there).
private func exitCleanly() { exit(0) }
