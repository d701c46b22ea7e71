import Foundation
import InsiderCore
import Logging

/// What a run has done so far: the record saved to the default key-value store (key
/// `INSIDER_CLUSTERS_STATE`) when the platform asks (`persistState`, `migrating`, `aborting`),
/// so a migrated run resumes where it stood instead of starting over.
public struct RunState: Sendable, Equatable {
    /// Where the run stands.
    public enum Phase: String, Sendable {
        /// Finding and verifying clusters (nothing for the platform yet).
        case gathering
        /// The rows are computed: pushing them and charging.
        case publishing
        /// Everything pushed and charged.
        case finished
    }
    /// `ACTOR_RUN_ID` (nil locally): a record of another run is never resumed.
    public var runID: String?
    /// Where the run stands.
    public var phase: Phase
    /// The rows to publish, ranked (from `publishing` on): a resumed run publishes these
    /// without gathering again.
    public var rows: [JSONValue] = []
    /// Whether `actor-start` is charged on the platform (the job charged it).
    public var actorStart = false
    /// Rows in the platform dataset.
    public var rowsPushed = 0
    /// Charges the platform confirmed, by event: items 1...n of the event.
    public var charged: [String: Int] = [:]
    /// The run history record (the weekly digest's figures) to write to the named store.
    public var history: JSONValue?

    /// A state.
    public init(runID: String?, phase: Phase) { self.runID = runID; self.phase = phase }

    /// Whether the rows are known (a resumed run skips gathering).
    public var hasRows: Bool { phase != .gathering }

    /// The record, with why and when it was saved.
    public func json(reason: String) -> JSONValue {
        .object([
            ("runId", runID.map { .string($0) } ?? .null),
            ("phase", .string(phase.rawValue)),
            ("rowsPushed", .number(String(rowsPushed))),
            ("charged", .object(charged.sorted { $0.key < $1.key }.map { ($0.key, .number(String($0.value))) })),
            ("actorStart", .bool(actorStart)),
            ("rows", .array(rows)),
            ("history", history ?? .null),
            ("reason", .string(reason)),
            ("savedAt", .string(isoTimestamp())),
        ])
    }

    /// Reads a saved record; nil when it is not one.
    public init?(json: JSONValue) {
        guard let phase = json["phase"]?.stringValue.flatMap(Phase.init(rawValue:)) else { return nil }
        self.init(runID: json["runId"]?.stringValue, phase: phase)
        rows = json["rows"]?.arrayValue ?? []
        actorStart = json["actorStart"]?.boolValue ?? false
        rowsPushed = Int(json["rowsPushed"]?.integerValue ?? 0)
        for (event, count) in json["charged"]?.objectValue ?? [] { charged[event] = Int(count.integerValue ?? 0) }
        if let h = json["history"], h != .null { history = h }
    }
}

/// The run's live state, shared by the run and the handler of the platform's events.
public final class RunProgress: @unchecked Sendable {
    /// Key of the state record in the run's default key-value store.
    public static let key = "INSIDER_CLUSTERS_STATE"
    private let lock = NSLock()
    private var state: RunState
    private var stopping = false

    /// Starts from `state` (a fresh one, or the one a migrated run saved).
    public init(_ state: RunState) { self.state = state }

    /// The state now.
    public var current: RunState { lock.withLock { state } }

    /// Changes the state.
    public func update(_ change: (inout RunState) -> Void) { lock.withLock { change(&state) } }

    /// Whether the run was told to stop (migration, abort).
    public var isStopping: Bool { lock.withLock { stopping } }

    /// Stops new work from starting; false when it was stopped already.
    @discardableResult
    public func stop() -> Bool { lock.withLock { defer { stopping = true }; return !stopping } }

    /// Returns when new work may start; once the run is stopping it never returns: the event
    /// handler saves the state and ends the process.
    public func checkpoint() async {
        while isStopping { try? await Task.sleep(for: .milliseconds(200)) }
    }

    /// Most bytes of a record with rows: the platform keeps records up to 9 MB.
    public static let maxRecordBytes = 8_000_000

    /// The record to save, as bytes; too many rows for one record are left out, and the
    /// phase with them, so a resumed run gathers again rather than publish nothing.
    public func record(reason: String) -> [UInt8] {
        var state = current
        let full = Array(state.json(reason: reason).compactText.utf8)
        guard full.count > RunProgress.maxRecordBytes else { return full }
        state.rows = []
        state.phase = .gathering
        return Array(state.json(reason: reason).compactText.utf8)
    }

    /// Answers the platform's events until their stream ends, as the SDKs do:
    /// - `persistState`: saves the state;
    /// - `migrating`: starts no new work, saves the state, sets a non-terminal status message
    ///   and calls `exit` (the platform restarts the run in a new container, where it resumes);
    /// - `aborting`: starts no new work, saves the state, sets a terminal status message and calls `exit`;
    /// - anything else is ignored.
    /// A save that fails is logged; events are best effort.
    public func answer(_ events: AsyncStream<PlatformEvent>, save: @Sendable ([UInt8]) async throws -> Void,
                       status: @Sendable (String, _ terminal: Bool) async -> Void, exit: @Sendable () -> Void, logger: Logger) async {
        func persist(_ reason: String) async -> Bool {
            do {
                try await save(record(reason: reason))
                let s = current
                logger.info("state saved (\(reason)): phase \(s.phase.rawValue), \(s.rowsPushed) row(s) pushed, charged \(s.charged.sorted { $0.key < $1.key }.map { "\($0.key) x\($0.value)" })")
                return true
            } catch {
                logger.warning("state not saved (\(reason)): \(error)")
                return false
            }
        }
        for await event in events {
            switch event {
            case .persistState(let migrating):
                _ = await persist(migrating ? "persistState (migrating)" : "persistState")
            case .migrating:
                stop()
                let saved = await persist("migrating")
                await status(saved ? "Migrating: progress saved" : "Migrating: progress not saved, the run starts over", false)
                logger.notice("migrating: exiting so the run resumes in its new container")
                exit()
                return
            case .aborting:
                stop()
                _ = await persist("aborting")
                let s = current
                await status("Aborted: \(s.rowsPushed) cluster(s) pushed before the abort", true)
                logger.notice("aborting: exiting")
                exit()
                return
            case .systemInfo, .other:
                continue
            }
        }
    }
}
