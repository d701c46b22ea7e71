import TradeStore

/// `api-key list`'s table: one aligned row per key, never the key or its hash.
enum APIKeyTable {
    /// The table text, header first.
    static func render(_ keys: [APIKeyRecord]) -> String {
        let rows = [["ID", "NAME", "TIER", "CREATED", "LAST USED", "REVOKED"]] + keys.map {
            [$0.id, $0.name ?? "-", $0.tier.rawValue, $0.createdAt, $0.lastUsedAt ?? "never", $0.revokedAt ?? "-"]
        }
        let widths = (0..<6).map { c in rows.map { $0[c].count }.max() ?? 0 }
        return rows.map { row in
            row.enumerated().map { c, cell in c == 5 ? cell : cell.padding(toLength: widths[c], withPad: " ", startingAt: 0) }.joined(separator: "  ")
        }.joined(separator: "\n")
    }
}
