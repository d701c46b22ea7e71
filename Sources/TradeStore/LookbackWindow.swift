import InsiderCore

/// The trade dates a query covers: `asOf - days <= t <= asOf` (SPEC section 9: N days span N + 1 dates).
public struct LookbackWindow: Sendable, Hashable {
    /// The as-of date T.
    public var asOf: Day
    /// N, 1...365 at the API.
    public var days: Int

    /// Creates a window.
    public init(asOf: Day, days: Int) { self.asOf = asOf; self.days = days }

    /// The earliest trade date included.
    public var first: Day { asOf.adding(days: -days) }
    /// The latest trade date included.
    public var last: Day { asOf }
}
