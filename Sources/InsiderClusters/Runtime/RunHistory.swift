import Foundation
import InsiderCore

/// The key figures of the last completed run of each input, in the named key-value store
/// `run-history`, which the purge at the start of a run leaves alone: next week's run of the
/// same input finds this week's figures there and says what changed.
///
/// One record per input, keyed by the completed input's fields (not the as-of date, not the
/// source URLs), so a weekly schedule with a fixed input always finds its previous run.
public struct RunHistory: Sendable {
    /// Name of the key-value store.
    public static let storeName = "run-history"

    /// What the previous completed run wrote.
    public struct Snapshot: Sendable, Equatable {
        /// Its as-of date.
        public var asOf: String
        /// Its rows' symbols in ranking order.
        public var symbols: [String]
        /// Its rows' figures by symbol.
        public var figures: [String: ChangeSinceLastRun.Figures]
    }

    let store: KeyValueStore
    /// The record's key: `input-` and a hash of the completed input.
    public let key: String
    let input: JSONValue

    /// The history of `input` under `storage`.
    public init(storage: LocalStorage, input: RunInput) {
        store = storage.keyValueStore(RunHistory.storeName)
        self.input = input.resolved
        key = "input-" + FNV1a64.hex(input.resolved.compactText.utf8)
    }

    /// The previous completed run, or nil when there was none. A record that cannot be read is
    /// an error (naming the file), never a silent "everything is new".
    public func previous() throws -> Snapshot? {
        guard let data = try store.read(key) else { return nil }
        let record: JSONValue
        do { record = try JSONValue.parse(Array(data)) } catch {
            throw StorageError("\(store.dir.appendingPathComponent(key + ".json").path): \(error)")
        }
        var symbols: [String] = []
        var figures: [String: ChangeSinceLastRun.Figures] = [:]
        for row in record["clusters"]?.arrayValue ?? [] {
            guard let symbol = row["symbol"]?.stringValue, let f = ChangeSinceLastRun.Figures(row: row) else { continue }
            symbols.append(symbol)
            figures[symbol] = f
        }
        return Snapshot(asOf: record["as_of_date"]?.stringValue ?? "?", symbols: symbols, figures: figures)
    }

    /// Records this run's rows as the previous run of its input.
    public func save(rows: [JSONValue], asOf: Day) throws {
        let clusters: [JSONValue] = rows.compactMap { row in
            guard let symbol = row["symbol"]?.stringValue, let f = ChangeSinceLastRun.Figures(row: row) else { return nil }
            return .object([("symbol", .string(symbol)), ("insider_count", .number(String(f.insiderCount))),
                            ("total_value_usd", .number(String(f.totalValueUSD)))])
        }
        let record: JSONValue = .object([("input", input), ("as_of_date", .string(asOf.description)),
                                         ("completed_at", .string(isoTimestamp())), ("clusters", .array(clusters))])
        try store.set(key, Data((record.prettyText + "\n").utf8))
    }
}
