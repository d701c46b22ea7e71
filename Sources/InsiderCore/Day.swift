/// A calendar date without a time zone, as SEC and OpenInsider print trade dates (`YYYY-MM-DD`).
///
/// Cluster windows are whole days counted from an as-of date, so date arithmetic works on a
/// day number rather than on `Date`, which would drag a clock and a time zone into the pure core.
public struct Day: Sendable, Hashable, Comparable, CustomStringConvertible, Codable {
    /// Days since 1970-01-01 (proleptic Gregorian).
    public let ordinal: Int

    /// Creates the day with the given day number (days since 1970-01-01).
    public init(ordinal: Int) { self.ordinal = ordinal }

    /// Creates a day from its parts; nil when the parts do not name a real date.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= Day.daysIn(month: month, year: year),
              (1...9999).contains(year) else { return nil }
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        self.ordinal = era * 146097 + doe - 719468
    }

    /// Parses `YYYY-MM-DD` (only the first 10 characters are read, so `2026-04-22T00:00:00` works).
    public init?(_ text: some StringProtocol) {
        let u = Array(text.utf8.prefix(10))
        guard u.count == 10, u[4] == UInt8(ascii: "-"), u[7] == UInt8(ascii: "-") else { return nil }
        func num(_ r: Range<Int>) -> Int? {
            var v = 0
            for i in r {
                let c = u[i]
                guard c >= 48, c <= 57 else { return nil }
                v = v * 10 + Int(c - 48)
            }
            return v
        }
        guard let y = num(0..<4), let m = num(5..<7), let d = num(8..<10) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// The year, month and day of this date.
    public var components: (year: Int, month: Int, day: Int) {
        let z = ordinal + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    /// `YYYY-MM-DD`.
    public var description: String {
        let (y, m, d) = components
        func pad(_ v: Int, _ w: Int) -> String {
            let s = String(v)
            return String(repeating: "0", count: max(0, w - s.count)) + s
        }
        return "\(pad(y, 4))-\(pad(m, 2))-\(pad(d, 2))"
    }

    /// `MM/DD/YYYY`, the form OpenInsider's custom date ranges take.
    public var usFormat: String {
        let (y, m, d) = components
        return (m < 10 ? "0\(m)" : "\(m)") + "/" + (d < 10 ? "0\(d)" : "\(d)") + "/\(y)"
    }

    /// The day `n` days later (earlier when negative).
    public func adding(days n: Int) -> Day { Day(ordinal: ordinal + n) }

    /// Whole days from `self` to `other`.
    public func days(to other: Day) -> Int { other.ordinal - ordinal }

    public static func < (a: Day, b: Day) -> Bool { a.ordinal < b.ordinal }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let day = Day(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a YYYY-MM-DD date: \(text)"))
        }
        self = day
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }
}

/// The inclusive lookback of SPEC section 2: trade dates t with `asOf - days <= t <= asOf`.
public struct Lookback: Sendable, Hashable {
    /// The as-of date D.
    public let asOf: Day
    /// The window N in days.
    public let days: Int
    /// Creates the lookback ending on `asOf` and reaching back `days` days.
    public init(asOf: Day, days: Int) { self.asOf = asOf; self.days = days }
    /// The first day inside the window.
    public var start: Day { asOf.adding(days: -days) }
    /// Whether `day` falls inside the window (both ends inclusive).
    public func contains(_ day: Day) -> Bool { day >= start && day <= asOf }
}
