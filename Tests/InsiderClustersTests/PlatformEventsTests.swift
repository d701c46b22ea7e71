import Foundation
@testable import InsiderClusters
import InsiderCore
import Logging
import NIOCore
import NIOWebSocket
import Testing

/// The platform's system events (`ACTOR_EVENTS_WEBSOCKET_URL`) against a WebSocket server on
/// 127.0.0.1, next to the fake platform API.
@Suite(.serialized) struct PlatformEventsTests {
    func run(_ h: Harness, _ apify: FakeApify, events: String? = nil) async throws -> CLI.Result {
        var env = h.environment.merging(apify.environment) { $1 }
        if let events { env[PlatformEvents.variable] = events }
        return try await CLI.run(["run", "--storage", Paths.tempDir("container").path, "--as-of", "2026-04-30"], env: env)
    }

    var quiet: Logger { var l = Logger(label: "test"); l.logLevel = .critical; return l }

    /// An event server that sends `messages` while the first row is being charged and answers
    /// that charge once the run has saved its state; returns its URL.
    func interrupt(_ apify: FakeApify, with messages: [WebSocketFrame]) throws -> String {
        let events = try FakeEvents()
        apify.set {
            $0.onCharge = ("run1-cluster-record-1", { [apify, events] in
                messages.forEach(events.send)
                _ = apify.waitForRecord(RunProgress.key)
            })
        }
        return events.url
    }

    @Test func theClientDecodesTheEventsAnswersPingsAndEndsWithTheSocket() async throws {
        let server = try FakeEvents()
        let stream = await PlatformEvents.connect(url: server.url, logger: quiet)
        #expect(server.waitForClient())
        server.send(FakeEvents.message("persistState", data: #"{"isMigrating":false}"#))
        server.send(FakeEvents.message("systemInfo", data: #"{"memAvgBytes":1,"cpuCurrentUsage":3.5,"isCpuOverloaded":false}"#))
        server.send(WebSocketFrame(fin: true, opcode: .ping, data: ByteBuffer(string: "hi")))
        server.send(FakeEvents.message("migrating"))
        server.send(FakeEvents.message("persistState", data: #"{"isMigrating":true}"#))
        server.send(FakeEvents.message("persistState", data: nil))
        server.send(WebSocketFrame(fin: true, opcode: .text, data: ByteBuffer(string: "not json")))
        server.send(FakeEvents.message("cpuInfo"))
        // A message in two fragments.
        server.send(WebSocketFrame(fin: false, opcode: .text, data: ByteBuffer(string: #"{"name":"abor"#)))
        server.send(WebSocketFrame(fin: true, opcode: .continuation, data: ByteBuffer(string: #"ting","data":{}}"#)))
        server.send(WebSocketFrame(fin: true, opcode: .connectionClose, data: ByteBuffer(bytes: [0x03, 0xE8])))
        var got: [PlatformEvent] = []
        for await event in stream { got.append(event) }
        #expect(got == [.persistState(isMigrating: false), .systemInfo, .migrating, .persistState(isMigrating: true),
                        .persistState(isMigrating: false), .other("cpuInfo"), .aborting])
        let pong = try #require(server.frames.first { $0.opcode == .pong })
        #expect(pong.maskKey != nil)   // a client masks what it sends
        #expect(String(buffer: pong.unmaskedData) == "hi")
        #expect(server.frames.contains { $0.opcode == .connectionClose })
    }

    @Test func aServerThatNeverAnswersTheUpgradeGivesNoEventsAfterTheTimeout() async throws {
        let silent = try TestHTTPServer { _ in CannedResponse(status: 200, headers: [], body: [], delay: .seconds(30)) }
        defer { silent.stop() }
        let started = ContinuousClock.now
        let stream = await PlatformEvents.connect(url: "ws://127.0.0.1:\(silent.port)/", logger: quiet, connectTimeout: .milliseconds(300))
        var got: [PlatformEvent] = []
        for await event in stream { got.append(event) }
        #expect(got.isEmpty)
        #expect(ContinuousClock.now - started < .seconds(10))
    }

    @Test func aMessageIsDecodedByItsName() {
        #expect(PlatformEvent(message: #"{"name":"aborting","data":{}}"#) == .aborting)
        #expect(PlatformEvent(message: #"{"name":"persistState","data":{"isMigrating":true}}"#) == .persistState(isMigrating: true))
        #expect(PlatformEvent(message: #"{"data":{}}"#) == nil)
        #expect(PlatformEvent(message: "[1]") == nil)
    }

    @Test func aMigrationDuringTheChargesSavesTheStateExitsCleanlyAndTheRestartDuplicatesNothing() async throws {
        let h = try Harness()
        let apify = try FakeApify()
        // The platform migrates the run while its first row is being charged.
        let first = try await run(h, apify, events: try interrupt(apify, with: [FakeEvents.message("migrating"),
                                                                         FakeEvents.message("persistState", data: #"{"isMigrating":true}"#)]))
        #expect(first.status == 0, "\(first.stderr)")
        #expect(apify.statuses.last?["statusMessage"]?.stringValue == "Migrating: progress saved")
        #expect(apify.statuses.last?["isStatusMessageTerminal"] == .bool(false))
        #expect(apify.symbols == ["BETA", "ACME"])
        #expect(apify.charged["run1-cluster-record-2"] == nil)   // no new work after the migration began
        let saved = try JSONValue.parse(try #require(apify.records[RunProgress.key]))
        let state = try #require(RunState(json: saved))
        #expect(state.runID == "run1" && state.phase == .publishing && state.rowsPushed == 2 && state.actorStart)
        #expect(state.rows.compactMap { $0["symbol"]?.stringValue } == ["BETA", "ACME"])
        #expect(state.charged[Pricing.actorStart] == 1)
        #expect(saved["reason"]?.stringValue == "migrating")
        #expect(state.history != nil)
        let fetched = h.openInsider.requests.count + h.sec.requests.count

        // The new container: empty local storage, the same run id and storages.
        let second = try await run(h, apify)
        #expect(second.status == 0, "\(second.stderr)")
        #expect(second.stderr.contains("run1 resumes from its saved state"))
        #expect(h.openInsider.requests.count + h.sec.requests.count == fetched)   // the rows came from the state
        #expect(apify.symbols == ["BETA", "ACME"])
        #expect(apify.pushes == 1)
        #expect(apify.charged == ["run1-actor-start-1": "actor-start", "run1-cluster-record-1": "cluster-record", "run1-cluster-record-2": "cluster-record"])
        #expect(Set(apify.chargeCalls.map(\.key)) == Set(apify.charged.keys))
        #expect(apify.chargeCalls.filter { $0.key == "run1-actor-start-1" }.count == 1)   // confirmed before the migration: not sent again
        #expect(apify.statuses.last?["statusMessage"]?.stringValue == "Wrote 2 cluster(s)")
        #expect(apify.historyRecords.count == 1)
        #expect(apify.problems == [])
    }

    @Test func anAbortSavesTheStateAndEndsWithATerminalStatus() async throws {
        let h = try Harness()
        let apify = try FakeApify()
        let r = try await run(h, apify, events: try interrupt(apify, with: [FakeEvents.message("aborting")]))
        #expect(r.status == 0, "\(r.stderr)")
        #expect(apify.statuses.last?["isStatusMessageTerminal"] == .bool(true))
        #expect(apify.statuses.last?["statusMessage"]?.stringValue?.hasPrefix("Aborted") == true)
        #expect(apify.records[RunProgress.key] != nil)
        #expect(apify.charged["run1-cluster-record-2"] == nil)
    }

    @Test func locallyAMigrationDuringTheJobSavesTheStateToTheLocalStoreAndExitsCleanly() async throws {
        let events = try FakeEvents()
        let storage = Paths.tempDir("local-events")
        let stateFile = storage.appendingPathComponent("key_value_stores/default/\(RunProgress.key).json")
        let sent = Box()
        // The first OpenInsider request: the platform migrates the run, the page comes once the state is saved.
        let h = try Harness { openInsider, _ in
            openInsider.on(where: { _ in
                guard sent.lines.isEmpty else { return false }
                sent.add("migrating")
                events.send(FakeEvents.message("migrating"))
                let end = ContinuousClock.now + .seconds(20)
                while !FileManager.default.fileExists(atPath: stateFile.path) && ContinuousClock.now < end { Thread.sleep(forTimeInterval: 0.02) }
                return false
            })
        }
        let r = try await CLI.run(["run", "--storage", storage.path, "--as-of", "2026-04-30"],
                            env: h.environment.merging([PlatformEvents.variable: events.url]) { $1 })
        #expect(r.status == 0, "\(r.stderr)")
        let state = try #require(RunState(json: try JSONValue.parse(Array(try Data(contentsOf: stateFile)))))
        #expect(state.phase == .gathering && state.runID == nil && state.rows.isEmpty)
        #expect(r.stderr.contains("status: Migrating: progress saved"))
        #expect(!r.stderr.contains("insider-clusters summary"))   // it stopped before the end
    }

    @Test func noURLAnUnreachableURLAndWSSDoNotBreakARun() async throws {
        // A port that was just free: nothing listens there.
        let closed = try FakeEvents()
        let unreachable = closed.url
        try closed.close()
        for url in [nil, unreachable, "wss://127.0.0.1:1/events"] {
            let apify = try FakeApify()
            let r = try await run(try Harness(), apify, events: url)
            #expect(r.status == 0, "\(url ?? "no URL"): \(r.stderr)")
            #expect(apify.symbols == ["BETA", "ACME"])
            #expect(apify.statuses.last?["statusMessage"]?.stringValue == "Wrote 2 cluster(s)")
            if url != nil { #expect(r.stderr.contains("without platform events"), "\(r.stderr)") }
            #expect(apify.records[RunProgress.key] == nil)
        }
    }

    @Test func theHandlerSavesOnPersistStateAndOnMigratingStopsWorkSetsTheStatusAndExits() async throws {
        let (events, feed) = AsyncStream<PlatformEvent>.makeStream()
        for e in [PlatformEvent.persistState(isMigrating: false), .systemInfo, .other("cpuInfo"), .migrating, .persistState(isMigrating: true)] { feed.yield(e) }
        feed.finish()
        let progress = RunProgress(RunState(runID: "run1", phase: .gathering))
        progress.update { $0.phase = .publishing; $0.rowsPushed = 3 }
        let log = Box()
        await progress.answer(events, save: { bytes in
                                  let state = RunState(json: try JSONValue.parse(bytes))
                                  log.add("save \(state?.rowsPushed ?? -1)")
                              },
                              status: { message, terminal in log.add("status \(message) \(terminal)") },
                              exit: { log.add("exit") }, logger: quiet)
        #expect(log.lines == ["save 3", "save 3", "status Migrating: progress saved false", "exit"])
        #expect(progress.isStopping)
    }

    @Test func rowsTooLargeForOneRecordAreLeftOutAndTheResumedRunGathersAgain() throws {
        let progress = RunProgress(RunState(runID: "run1", phase: .publishing))
        let row = JSONValue.object([("symbol", .string("BIG")), ("filler", .string(String(repeating: "x", count: 1_000_000)))])
        progress.update { $0.rows = [row]; $0.rowsPushed = 1 }
        #expect(RunState(json: try JSONValue.parse(progress.record(reason: "test")))?.rows == [row])
        progress.update { $0.rows = Array(repeating: row, count: 9) }
        let saved = try #require(RunState(json: try JSONValue.parse(progress.record(reason: "test"))))
        #expect(saved.rows.isEmpty && saved.phase == .gathering && saved.rowsPushed == 1)
    }

    final class Box: @unchecked Sendable {
        private let lock = NSLock()
        private var all: [String] = []
        func add(_ line: String) { lock.withLock { all.append(line) } }
        var lines: [String] { lock.withLock { all } }
    }
}
