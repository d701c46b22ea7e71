import InsiderCore

/// Where today T comes from: a date fixed at start (`--as-of`, `INSIDER_CLUSTERS_AS_OF`), or the
/// current date in New York, read again for every request.
public struct AsOfClock: Sendable {
    /// Today T for a request.
    public let today: @Sendable () -> Day

    /// Always `day`.
    public static func fixed(_ day: Day) -> AsOfClock { AsOfClock(today: { day }) }

    /// `today()` on every request (the caller supplies the New York calendar).
    public static func live(_ today: @escaping @Sendable () -> Day) -> AsOfClock { AsOfClock(today: today) }
}
