import Foundation
import InsiderCore

/// SEC's daily form index (`form.YYYYMMDD.idx`): fixed-width lines, one per filing per party.
public enum DailyFormIndex {
    /// One Form 4 or 4/A filing the index lists.
    public struct Entry: Sendable, Hashable {
        /// `4` or `4/A`.
        public var form: String
        /// Accession, from the file name.
        public var accession: String
        /// `edgar/data/<cik>/<accession>.txt`: the full submission.
        public var path: String
        /// The date filed.
        public var filed: Day
    }

    /// The index's URL path for `day`.
    public static func path(for day: Day) -> String {
        let c = day.components
        let stamp = String(format: "%04d%02d%02d", c.year, c.month, c.day)
        return "Archives/edgar/daily-index/\(c.year)/QTR\((c.month - 1) / 3 + 1)/form.\(stamp).idx"
    }

    /// The Form 4 and 4/A filings listed, each once (the index lists a filing once per party).
    public static func form4Filings(in bytes: [UInt8], day: Day) -> [Entry] {
        let text = String(decoding: bytes, as: UTF8.self)
        var seen = Set<String>()
        var out: [Entry] = []
        var inBody = false
        for rawLine in text.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
            if !inBody {
                if line.hasPrefix("---") { inBody = true }
                continue
            }
            // Form type is the first column; the file name, date and CIK are the last three.
            let words = line.split(separator: " ", omittingEmptySubsequences: true)
            guard words.count >= 4 else { continue }
            let form: String
            if words[0] == "4" { form = "4" } else if words[0] == "4/A" { form = "4/A" } else { continue }
            let path = String(words[words.count - 1])
            guard path.hasSuffix(".txt") else { continue }
            let accession = String(path.split(separator: "/").last!.dropLast(4))
            let filed = DataSetDate.parse(compactDate(String(words[words.count - 2]))) ?? day
            if seen.insert(accession).inserted { out.append(Entry(form: form, accession: accession, path: path, filed: filed)) }
        }
        return out
    }

    /// `20200318` as `2020-03-18`.
    static func compactDate(_ s: String) -> String {
        guard s.count == 8, s.allSatisfy(\.isNumber) else { return s }
        let a = Array(s)
        return "\(String(a[0..<4]))-\(String(a[4..<6]))-\(String(a[6..<8]))"
    }
}
