import InsiderCore

/// Dates as the data sets write them: `31-JUL-2026` (and ISO `2026-07-31` for safety).
enum DataSetDate {
    static let months = ["JAN": 1, "FEB": 2, "MAR": 3, "APR": 4, "MAY": 5, "JUN": 6,
                         "JUL": 7, "AUG": 8, "SEP": 9, "OCT": 10, "NOV": 11, "DEC": 12]

    static func parse(_ text: String) -> Day? {
        if text.count >= 10, text.utf8[text.utf8.index(text.utf8.startIndex, offsetBy: 4)] == 0x2D {
            return Day(String(text.prefix(10)))
        }
        let parts = text.split(separator: "-")
        guard parts.count == 3, let d = Int(parts[0]), let m = months[parts[1].uppercased()], let y = Int(parts[2].prefix(4)) else { return nil }
        return Day(year: y, month: m, day: d)
    }
}
