import InsiderCore

/// A calendar quarter as SEC names its data sets (`2026q3`).
public struct Quarter: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The year.
    public let year: Int
    /// 1...4.
    public let number: Int

    /// The first quarter SEC publishes: 2006q1.
    public static let first = Quarter(checkedYear: 2006, number: 1)

    init(checkedYear: Int, number: Int) { self.year = checkedYear; self.number = number }

    /// Parses `2026q3` (case-insensitive); nil for anything else.
    public init?(_ text: String) {
        let lower = text.lowercased()
        let parts = lower.split(separator: "q", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 1, let y = Int(parts[0]), let n = Int(parts[1]),
              (1...4).contains(n) else { return nil }
        self.init(checkedYear: y, number: n)
    }

    /// The quarter holding `day`.
    public init(containing day: Day) {
        let c = day.components
        self.init(checkedYear: c.year, number: (c.month - 1) / 3 + 1)
    }

    /// Its first day.
    public var firstDay: Day { Day(year: year, month: (number - 1) * 3 + 1, day: 1)! }
    /// Its last day.
    public var lastDay: Day { next.firstDay.adding(days: -1) }
    /// The quarter after it.
    public var next: Quarter { number == 4 ? Quarter(checkedYear: year + 1, number: 1) : Quarter(checkedYear: year, number: number + 1) }
    /// The quarter before it.
    public var previous: Quarter { number == 1 ? Quarter(checkedYear: year - 1, number: 4) : Quarter(checkedYear: year, number: number - 1) }

    public var description: String { "\(year)q\(number)" }

    public static func < (a: Quarter, b: Quarter) -> Bool { (a.year, a.number) < (b.year, b.number) }

    /// Every quarter from `a` through `b`.
    public static func range(_ a: Quarter, _ b: Quarter) -> [Quarter] {
        var out: [Quarter] = []
        var q = a
        while q <= b { out.append(q); q = q.next }
        return out
    }
}
