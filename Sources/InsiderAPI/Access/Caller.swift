import TradeStore

/// Who sent a request: nobody in particular, or the holder of a valid key.
public enum Caller: Sendable, Equatable {
    /// No key.
    case anonymous
    /// A valid, unrevoked key.
    case key(id: String, tier: APITier)

    /// Whether the caller gets the full bodies (a pro key) or the preview envelope.
    public var seesFullBodies: Bool {
        if case .key(_, .pro) = self { return true }
        return false
    }

    /// The key id for log lines (`-` when anonymous); never the key itself.
    public var logID: String {
        if case .key(let id, _) = self { return id }
        return "-"
    }
}
