import InsiderCore

/// What changed since the previous completed run of the same input, for the summary.
public struct ChangeDigest: Sendable, Equatable {
    /// The previous run's as-of date; nil when there was none (every row is new).
    public var previousAsOf: String?
    /// Symbols written this run, by their change.
    public var symbols: [ChangeSinceLastRun: [String]]
    /// Symbols the previous run wrote and this one did not, in the previous ranking order.
    public var droppedOut: [String]

    /// The digest of `rows` against `previous`.
    public init(rows: [JSONValue], previous: RunHistory.Snapshot?) {
        previousAsOf = previous?.asOf
        var symbols: [ChangeSinceLastRun: [String]] = [:]
        for row in rows {
            guard let symbol = row["symbol"]?.stringValue, let change = row["change_since_last_run"]?.stringValue,
                  let c = ChangeSinceLastRun(rawValue: change) else { continue }
            symbols[c, default: []].append(symbol)
        }
        self.symbols = symbols
        let now = Set(rows.compactMap { $0["symbol"]?.stringValue })
        droppedOut = (previous?.symbols ?? []).filter { !now.contains($0) }
    }

    /// One line per kind, as the summary prints them.
    public var lines: [String] {
        var out = ["since the last run of this input" + (previousAsOf.map { " (as of \($0))" } ?? " (none: every cluster is new)") + ":"]
        for c in ChangeSinceLastRun.allCases {
            let list = symbols[c] ?? []
            out.append("  \(c.rawValue): \(list.isEmpty ? "none" : list.joined(separator: ", "))")
        }
        out.append("  dropped out: \(droppedOut.isEmpty ? "none" : droppedOut.joined(separator: ", "))")
        return out
    }

    /// The digest as a JSON object for `RUN_SUMMARY`.
    public var json: JSONValue {
        var fields: [(String, JSONValue)] = [("previousAsOfDate", previousAsOf.map { .string($0) } ?? .null)]
        for c in ChangeSinceLastRun.allCases { fields.append((c.rawValue, .array((symbols[c] ?? []).map { .string($0) }))) }
        fields.append(("droppedOut", .array(droppedOut.map { .string($0) })))
        return .object(fields)
    }
}
