import Foundation
import InsiderCore

/// One member of a data set ZIP: TAB-separated, one header line, read by header name.
///
/// Hand-written over bytes because a quarter holds some 50 MB of it: fields are byte ranges into
/// the member, and only the columns a caller asks for become values.
public struct TabSeparatedTable: Sendable {
    /// Where the bytes came from, for messages: `2026q3_form345.zip: NONDERIV_TRANS.tsv`.
    public let origin: String
    let bytes: [UInt8]
    /// Column name (upper case) to index.
    public let columns: [String: Int]
    /// Byte offsets of each data line's start, and its end (exclusive, without CR/LF).
    let lineStarts: [Int]
    let lineEnds: [Int]

    /// Reads the header and finds every line.
    public init(bytes: [UInt8], origin: String) throws {
        self.origin = origin
        self.bytes = bytes
        var starts: [Int] = []
        var ends: [Int] = []
        starts.reserveCapacity(bytes.count / 200)
        ends.reserveCapacity(bytes.count / 200)
        bytes.withUnsafeBufferPointer { p in
            var i = 0
            let n = p.count
            while i < n {
                let s = i
                while i < n && p[i] != 0x0A { i += 1 }
                var e = i
                if e > s && p[e - 1] == 0x0D { e -= 1 }
                if e > s { starts.append(s); ends.append(e) }
                i += 1
            }
        }
        guard let headerStart = starts.first else { throw DataSetError(origin: origin, line: nil, column: nil, reason: "empty member, no header line") }
        var columns: [String: Int] = [:]
        let header = String(decoding: bytes[headerStart..<ends[0]], as: UTF8.self)
        for (i, name) in header.split(separator: "\t", omittingEmptySubsequences: false).enumerated() {
            columns[name.trimmingCharacters(in: .whitespaces).uppercased()] = i
        }
        self.columns = columns
        self.lineStarts = Array(starts.dropFirst())
        self.lineEnds = Array(ends.dropFirst())
    }

    /// Data lines (the header excluded).
    public var count: Int { lineStarts.count }

    /// The index of a required column; a clear error when the member lacks it.
    public func require(_ name: String) throws -> Int {
        guard let i = columns[name] else {
            throw DataSetError(origin: origin, line: 1, column: name, reason: "missing column \(name) (header has \(columns.count) columns)")
        }
        return i
    }

    /// The index of an optional column.
    public func optional(_ name: String) -> Int? { columns[name] }

    /// The fields of data line `index` (0-based) as byte ranges.
    public func fields(_ index: Int) -> Fields {
        var ranges: [Range<Int>] = []
        ranges.reserveCapacity(columns.count)
        let end = lineEnds[index]
        var s = lineStarts[index]
        bytes.withUnsafeBufferPointer { p in
            var i = s
            while i < end {
                if p[i] == 0x09 { ranges.append(s..<i); s = i + 1 }
                i += 1
            }
            ranges.append(s..<end)
        }
        return Fields(table: self, line: index + 2, ranges: ranges)
    }

    /// One data line's fields.
    public struct Fields {
        let table: TabSeparatedTable
        /// The 1-based line number in the member (the header is line 1).
        public let line: Int
        let ranges: [Range<Int>]

        /// The text of column `i`, trimmed; empty when the line is short.
        public func text(_ i: Int) -> String {
            guard i < ranges.count else { return "" }
            var r = ranges[i]
            while r.lowerBound < r.upperBound, table.bytes[r.lowerBound] == 0x20 { r = (r.lowerBound + 1)..<r.upperBound }
            while r.lowerBound < r.upperBound, table.bytes[r.upperBound - 1] == 0x20 { r = r.lowerBound..<(r.upperBound - 1) }
            return String(decoding: table.bytes[r], as: UTF8.self)
        }

        /// The text of an optional column, nil when absent or empty.
        public func nonEmpty(_ i: Int?) -> String? {
            guard let i else { return nil }
            let t = text(i)
            return t.isEmpty ? nil : t
        }

        /// A decimal number, nil when empty; an error naming the line and column otherwise.
        public func decimal(_ i: Int, _ name: String) throws -> Decimal? {
            guard i < ranges.count else { return nil }
            let r = ranges[i]
            if r.isEmpty { return nil }
            if let d = DecimalText.parse(table.bytes[r]) { return d }
            let t = text(i)
            if t.isEmpty { return nil }
            throw DataSetError(origin: table.origin, line: line, column: name, reason: "\"\(t.prefix(40))\" is not a number")
        }

        /// A data set date (`31-JUL-2026`, or `2026-07-31`), nil when empty.
        public func day(_ i: Int, _ name: String) throws -> Day? {
            let t = text(i)
            if t.isEmpty { return nil }
            if let d = DataSetDate.parse(t) { return d }
            throw DataSetError(origin: table.origin, line: line, column: name, reason: "\"\(t.prefix(40))\" is not a date (DD-MON-YYYY)")
        }
    }
}

/// A fault in a data set file, naming where: file and member, line, column.
public struct DataSetError: Error, CustomStringConvertible, Sendable {
    /// `2026q3_form345.zip: NONDERIV_TRANS.tsv`.
    public var origin: String
    /// 1-based line, when known.
    public var line: Int?
    /// Column name, when known.
    public var column: String?
    /// What is wrong.
    public var reason: String

    public var description: String {
        var s = origin
        if let line { s += " line \(line)" }
        if let column { s += ", column \(column)" }
        return s + ": " + reason
    }
}
