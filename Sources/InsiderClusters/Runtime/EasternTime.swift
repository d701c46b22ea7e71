import Foundation

/// Converts EDGAR's UTC instants to the New York wall-clock text OpenInsider shows, so that both
/// sources order filings alike and no UTC date is ever taken for a filing date.
enum EasternTime {
    static let newYork = TimeZone(identifier: "America/New_York")!

    /// `2026-04-09T00:30:00.000Z` (the submissions JSON's `acceptanceDateTime`) as
    /// `2026-04-08 20:30:00`; nil when the text is not such an instant.
    static func wallClock(fromUTC text: String) -> String? {
        let digits = text.unicodeScalars.filter { CharacterSet.decimalDigits.contains($0) }.map { Int($0.value - 48) }
        guard digits.count >= 14 else { return nil }
        func number(_ range: Range<Int>) -> Int { range.reduce(0) { $0 * 10 + digits[$1] } }
        var utc = Calendar(identifier: .gregorian)
        utc.timeZone = TimeZone(identifier: "UTC")!
        let parts = DateComponents(year: number(0..<4), month: number(4..<6), day: number(6..<8),
                                   hour: number(8..<10), minute: number(10..<12), second: number(12..<14))
        guard let instant = utc.date(from: parts) else { return nil }
        var eastern = Calendar(identifier: .gregorian)
        eastern.timeZone = newYork
        let c = eastern.dateComponents([.year, .month, .day, .hour, .minute, .second], from: instant)
        guard let y = c.year, let mo = c.month, let d = c.day, let h = c.hour, let mi = c.minute, let s = c.second else { return nil }
        return String(format: "%04d-%02d-%02d %02d:%02d:%02d", y, mo, d, h, mi, s)
    }
}
