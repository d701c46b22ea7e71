import Foundation
import InsiderCore

/// Dataset export formats.
public enum ExportFormat: String, Sendable, CaseIterable {
    /// One JSON array.
    case json
    /// One compact JSON object per line.
    case jsonl
    /// RFC 4180 CSV.
    case csv

    /// The format a file name's extension picks (`.json`, `.jsonl`, `.csv`).
    public init?(fileName: String) {
        let ext = (fileName as NSString).pathExtension.lowercased()
        self.init(rawValue: ext == "ndjson" ? "jsonl" : ext)
    }
}

/// Renders dataset items as JSON, JSON Lines or CSV.
public enum DatasetExport {
    /// The items rendered in `format`.
    public static func render(_ items: [JSONValue], as format: ExportFormat) -> String {
        switch format {
        case .json:
            return JSONValue.array(items).prettyText + "\n"
        case .jsonl:
            return items.map { $0.compactText + "\n" }.joined()
        case .csv:
            return csv(items)
        }
    }

    /// CSV columns: the SPEC record fields present, in SPEC order, then every other field in the
    /// order first seen.
    public static func columns(_ items: [JSONValue]) -> [String] {
        var seen: [String] = []
        var set = Set<String>()
        for item in items {
            for (key, _) in item.objectValue ?? [] where set.insert(key).inserted { seen.append(key) }
        }
        let spec = ClusterRecord.specFieldOrder.filter { set.contains($0) }
        let specSet = Set(spec)
        return spec + seen.filter { !specSet.contains($0) }
    }

    /// RFC 4180: CRLF line ends; fields with a comma, quote, CR or LF are quoted, quotes doubled.
    /// Lists of plain values are joined with "; "; objects and lists of objects are compact JSON.
    public static func csv(_ items: [JSONValue]) -> String {
        let cols = columns(items)
        var out = cols.map(quote).joined(separator: ",") + "\r\n"
        for item in items {
            out += cols.map { quote(cell(item[$0])) }.joined(separator: ",") + "\r\n"
        }
        return out
    }

    static func cell(_ value: JSONValue?) -> String {
        switch value {
        case nil, .null?: return ""
        case .bool(let b)?: return b ? "true" : "false"
        case .number(let n)?: return n
        case .string(let s)?: return s
        case .array(let items)?:
            if items.contains(where: { if case .object = $0 { return true }; if case .array = $0 { return true }; return false }) {
                return JSONValue.array(items).compactText
            }
            return items.map { cell($0) }.joined(separator: "; ")
        case .object?: return value!.compactText
        }
    }

    static func quote(_ field: String) -> String {
        // Scalars, not Characters: Swift reads "\r\n" as one Character equal to neither "\r" nor "\n".
        guard field.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// Parses RFC 4180 CSV back into rows of fields (used by tests and by anyone checking an export).
    public static func parseCSV(_ text: String) -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var inQuotes = false
        var chars = Array(text.unicodeScalars)[...]
        while let c = chars.popFirst() {
            if inQuotes {
                if c == "\"" {
                    if chars.first == "\"" { field.unicodeScalars.append("\""); chars.removeFirst() } else { inQuotes = false }
                } else { field.unicodeScalars.append(c) }
                continue
            }
            switch c {
            case "\"": inQuotes = true
            case ",": row.append(field); field = ""
            case "\r": continue
            case "\n": row.append(field); rows.append(row); row = []; field = ""
            default: field.unicodeScalars.append(c)
            }
        }
        if !field.isEmpty || !row.isEmpty { row.append(field); rows.append(row) }
        return rows
    }
}
