import Foundation
import Hummingbird

/// A request's query string, percent-decoded, and SPEC section 9's rules for each parameter.
/// Every value is checked here, before anything reaches the store.
struct QueryParameters: Sendable {
    /// Values by name, in order of appearance.
    let values: [String: [String]]

    /// Reads a request's query (`+` is a space, `%XX` decoded).
    init(_ request: Request) {
        var values: [String: [String]] = [:]
        for part in (request.uri.query ?? "").split(separator: "&") {
            let pair = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = Self.decode(pair[0]), value = pair.count > 1 ? Self.decode(pair[1]) : ""
            values[name, default: []].append(value)
        }
        self.values = values
    }

    /// `lookbackDays`: an integer 1...365, default 90.
    func lookbackDays() throws(APIError) -> Int { try integer("lookbackDays", in: 1...365, default: 90) }

    /// `limit`: an integer 1...500, default 50.
    func limit() throws(APIError) -> Int { try integer("limit", in: 1...500, default: 50) }

    /// The parameter `name` given at most once as plain decimal digits within `range`.
    func integer(_ name: String, in range: ClosedRange<Int>, default fallback: Int) throws(APIError) -> Int {
        let rule = "an integer from \(range.lowerBound) to \(range.upperBound) (default \(fallback))"
        guard let given = values[name] else { return fallback }
        guard given.count == 1 else { throw .badParameter("\(name) is given \(given.count) times; give it once, \(rule)") }
        let text = given[0]
        guard !text.isEmpty else { throw .badParameter("\(name) is empty; it must be \(rule)") }
        guard text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), text.utf8.count <= 9, let value = Int(text) else {
            throw .badParameter("\(name)=\"\(Self.shown(text))\" is not \(rule)")
        }
        guard range.contains(value) else { throw .badParameter("\(name)=\(value) is out of range; it must be \(rule)") }
        return value
    }

    /// A `{ticker}` path segment: 1 to 10 letters, digits, `.` or `-`, upper-cased (tickers match case-insensitively).
    static func ticker(_ raw: String) throws(APIError) -> String {
        let text = raw.removingPercentEncoding ?? raw
        guard (1...10).contains(text.utf8.count),
              text.utf8.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x41 && $0 <= 0x5a) || ($0 >= 0x61 && $0 <= 0x7a) || $0 == 0x2e || $0 == 0x2d })
        else { throw .badParameter("ticker \"\(shown(text))\" is not a ticker: 1 to 10 letters, digits, '.' or '-'") }
        return text.uppercased()
    }

    /// The canonical form of the parameters an endpoint reads, for cache keys.
    static func canonical(_ pairs: [(String, Int)]) -> String { pairs.map { "\($0.0)=\($0.1)" }.joined(separator: "&") }

    private static func decode(_ s: Substring) -> String {
        guard s.utf8.contains(where: { $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "%") }) else { return String(s) }   // the usual case
        let spaced = s.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
    }

    /// A value as echoed in a message: at most 40 characters.
    private static func shown(_ text: String) -> String { text.count > 40 ? String(text.prefix(40)) + "…" : text }
}
