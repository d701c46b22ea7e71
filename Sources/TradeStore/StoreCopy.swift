import InsiderCore

/// `store copy`: moves every table from one store to another, page by page, then proves the copy
/// by a row count and a checksum per table read back from both sides.
public enum StoreCopy {
    /// One table's figures on one side.
    public struct TableSummary: Sendable, Equatable {
        /// Table name.
        public var table: String
        /// Rows.
        public var rows: Int
        /// FNV-1a 64 over every row's canonical text, in key order (hex).
        public var checksum: String
    }

    /// Rows per page read and written.
    public static let pageSize = 5_000

    /// Copies `source` into `target`, which must be empty (no filings, markers or keys), and
    /// verifies it, as one unit: the rows are committed only once every table's count and checksum
    /// read back from the target match the source's, and a copy that fails on the way (or does not
    /// match) leaves the target as it was. `progress` hears one line per table.
    /// - Returns: the verified figures, one per table.
    public static func copy(from source: any StoreRowSource, to target: any TradeStore,
                            progress: (String) -> Void = { _ in }) async throws -> [TableSummary] {
        let existing = try await target.status()
        let keys = try await target.apiKeys()
        guard existing.filings == 0, existing.quarters.isEmpty, existing.days.isEmpty, keys.isEmpty else {
            throw StoreCopyError("the target store \(existing.location) is not empty (\(existing.filings) filings, \(keys.count) API keys); copy only into a new store")
        }
        var verified: [TableSummary] = []
        try await target.importAtomically { importer in
            for table in StoreTable.all {
                var offset = 0
                while true {
                    let rows = try await source.exportRows(of: table, offset: offset, limit: pageSize)
                    if rows.isEmpty { break }
                    try await importer.importRows(rows, into: table)
                    offset += rows.count
                    if rows.count < pageSize { break }
                }
                progress("\(table.name): \(offset) rows copied")
            }
            verified = try await verify(source: source, target: importer)
            progress("every table's row count and checksum match; committing")
        }
        // Read back once more from the committed store: what readers will see.
        let committed = try await summaries(of: target)
        for (v, c) in zip(verified, committed) where v != c {
            throw StoreCopyError("\(v.table) differs after the commit: \(v.rows) rows, checksum \(v.checksum) verified; \(c.rows) rows, checksum \(c.checksum) committed")
        }
        return committed
    }

    /// The target's summaries, after checking that they equal the source's.
    static func verify(source: any StoreRowSource, target: any StoreRowSource) async throws -> [TableSummary] {
        let sourceSummaries = try await summaries(of: source)
        let targetSummaries = try await summaries(of: target)
        for (s, t) in zip(sourceSummaries, targetSummaries) where s != t {
            throw StoreCopyError("\(s.table) differs after the copy: \(s.rows) rows, checksum \(s.checksum) in the source; \(t.rows) rows, checksum \(t.checksum) in the target")
        }
        return targetSummaries
    }

    /// Row count and checksum of every table of `store`.
    public static func summaries(of store: any StoreRowSource) async throws -> [TableSummary] {
        var out: [TableSummary] = []
        for table in StoreTable.all {
            var hash = FNV1a64()
            var count = 0
            var offset = 0
            while true {
                let rows = try await store.exportRows(of: table, offset: offset, limit: pageSize)
                for row in rows {
                    hash.add((row.map(\.canonical).joined(separator: "\u{1F}") + "\u{1E}").utf8)
                }
                count += rows.count
                offset += rows.count
                if rows.count < pageSize { break }
            }
            out.append(TableSummary(table: table.name, rows: count, checksum: hash.hex))
        }
        return out
    }
}

/// Why a copy stopped.
public struct StoreCopyError: Error, CustomStringConvertible, Sendable {
    /// The reason.
    public var description: String
    /// An error saying `description`.
    public init(_ description: String) { self.description = description }
}
