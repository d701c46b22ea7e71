import Foundation
import InsiderCore

/// Keeps a run's rows and charges consistent across kills and re-runs.
///
/// A row is committed in a fixed order: its dataset item is renamed into place first, then its
/// `cluster-record` charge is appended to the charging log under the key `<run>/cluster-record/<item>`.
/// The dataset item is the commit point. A kill can therefore leave at most one row without its
/// charge, never a charge without its row; the next run of the same input finds the unfinished
/// run state, keeps the storage (no purge), charges any row of this run that lacks its charge
/// (or removes it when the budget can no longer pay), and goes on without writing any symbol
/// twice. Keys make every charge idempotent, so nothing is charged twice.
public final class RunLedger: @unchecked Sendable {
    /// The key of the run state record in the default key-value store.
    public static let stateKey = "RUN_STATE"

    /// What a run start found.
    public struct Start: Sendable {
        /// This run's identity (idempotency-key prefix).
        public var runKey: String
        /// True when an unfinished run of the same input was picked up.
        public var resumed: Bool
        /// The first dataset item that belongs to this run.
        public var firstItem: Int
    }

    /// Result of writing rows.
    public struct Outcome: Sendable, Equatable {
        /// Rows written by this call.
        public var written: Int
        /// Rows this run had already written before a kill (skipped now, not duplicated).
        public var alreadyWritten: Int
        /// Rows left out because the budget could not pay for them.
        public var stoppedByBudget: Int
        /// Rows an earlier attempt left without a charge and that are now charged.
        public var recoveredCharges: Int
        /// Rows an earlier attempt left without a charge that the budget could no longer pay for, now removed.
        public var removedUnpaid: Int
    }

    let storage: LocalStorage
    let dataset: Dataset
    let store: KeyValueStore
    /// Identity of this run.
    public let start: Start
    let inputHash: String

    /// Starts or resumes a run: purges the default storages for a fresh run (unless `purge` is
    /// false) and records the run state.
    public init(storage: LocalStorage, inputFingerprint: String, purge: Bool, inputKey: String, chargingLog: String) throws {
        self.storage = storage
        self.dataset = storage.dataset()
        self.store = storage.keyValueStore()
        self.inputHash = inputFingerprint
        let previous = store.get(RunLedger.stateKey).flatMap { try? JSONValue.parse(Array($0)) }
        if let previous, previous["status"]?.stringValue == "running",
           previous["inputHash"]?.stringValue == inputFingerprint,
           let runKey = previous["runKey"]?.stringValue, let first = previous["firstItem"]?.integerValue {
            start = Start(runKey: runKey, resumed: true, firstItem: Int(first))
            try dataset.create()
            return
        }
        if purge { try storage.purgeDefaultStorages(inputKey: inputKey, chargingLog: chargingLog) }
        try dataset.create()
        let runKey = "run-\(inputFingerprint.prefix(12))-\(Int(Date().timeIntervalSince1970 * 1000))-\(UInt16.random(in: 0...UInt16.max))"
        start = Start(runKey: runKey, resumed: false, firstItem: (dataset.itemIndexes().last ?? 0) + 1)
        try writeState(status: "running")
    }

    func writeState(status: String) throws {
        let state: JSONValue = .object([
            ("runKey", .string(start.runKey)), ("inputHash", .string(inputHash)), ("status", .string(status)),
            ("firstItem", .number(String(start.firstItem))), ("updatedAt", .string(isoTimestamp())),
        ])
        try store.set(RunLedger.stateKey, Data((state.prettyText + "\n").utf8))
    }

    /// The charge key of dataset item `index` of this run.
    public func rowKey(_ index: Int) -> String { "\(start.runKey)/\(Pricing.clusterRecord)/\(index)" }

    /// The charge key of this run's `actor-start`.
    public var startKey: String { "\(start.runKey)/\(Pricing.actorStart)" }

    /// Items of this run, by number.
    func ownItems() -> [Int] { dataset.itemIndexes().filter { $0 >= start.firstItem } }

    /// Writes `rows` (ranked; each with a `symbol`) and charges one `cluster-record` each, within
    /// the budget, skipping symbols this run already wrote; at most `limit` rows in total.
    public func commit(rows: [JSONValue], limit: Int, charger: Charger) throws -> Outcome {
        var outcome = Outcome(written: 0, alreadyWritten: 0, stoppedByBudget: 0, recoveredCharges: 0, removedUnpaid: 0)
        // Recovery: a row of this run without its charge (a kill between the two steps).
        var written = Set<String>()
        var budgetExhausted = false
        for index in ownItems() {
            let key = rowKey(index)
            if !charger.isCharged(key: key) {
                if !budgetExhausted, try charger.charge(Pricing.clusterRecord, key: key) {
                    outcome.recoveredCharges += 1
                } else {
                    budgetExhausted = true
                    try dataset.remove(at: index)
                    outcome.removedUnpaid += 1
                    continue
                }
            }
            if let symbol = try dataset.item(at: index)["symbol"]?.stringValue { written.insert(symbol) }
        }
        outcome.alreadyWritten = written.count
        var total = written.count
        for (position, row) in rows.enumerated() {
            let symbol = row["symbol"]?.stringValue ?? ""
            if written.contains(symbol) { continue }
            if total >= limit { break }
            guard !budgetExhausted, charger.canAfford(Pricing.clusterRecord) else {
                outcome.stoppedByBudget = rows[position...].filter { !written.contains($0["symbol"]?.stringValue ?? "") }.count
                break
            }
            let index = (dataset.itemIndexes().last ?? 0) + 1
            try dataset.write(row, at: index)
            try storage.crash.check("row-committed:\(index)")
            guard try charger.charge(Pricing.clusterRecord, key: rowKey(index)) else {
                // canAfford said yes a moment ago; nothing else spends in between.
                try dataset.remove(at: index)
                outcome.stoppedByBudget = rows.count - position
                break
            }
            written.insert(symbol)
            outcome.written += 1
            total += 1
        }
        return outcome
    }

    /// Marks the run finished, so the next run of the same input starts afresh.
    public func finish() throws { try writeState(status: "finished") }
}
