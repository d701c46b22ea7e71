import Foundation
import InsiderCore
import Logging
import OpenInsiderPages

/// A ticker that discovery found worth a drilldown.
public struct Candidate: Sendable, Hashable {
    /// Ticker, upper case.
    public var ticker: String
    /// Company name from the grouped view.
    public var companyName: String?
    /// Industry from the grouped view.
    public var industry: String?
    /// Which discovery paths listed it (`cluster-buys`, `screener`).
    public var foundBy: Set<String>
}

/// The trades OpenInsider shows for one ticker in the window.
public struct TickerTrades: Sendable {
    /// Ticker.
    public var ticker: String
    /// Rows, deduplicated, page order.
    public var rows: [OpenInsiderRow]
    /// Company name from the page title (single-ticker pages have no Company Name column).
    public var companyName: String?
    /// `#subjectDetails`: issuer CIK and industry.
    public var subject: SubjectDetails?
}

/// OpenInsider behind a small surface: discovery (the canned cluster page and the grouped
/// screener) and per-ticker drilldowns, politely rate-limited.
public final class OpenInsiderSource: Sendable {
    let http: HTTPClient
    let config: SourceConfig
    let limiter: RateLimiter
    let logger: Logger
    let cache: PageCache?
    private let hits = HitCount()

    /// Creates the source; with `cache`, pages younger than its TTL are served from it.
    public init(http: HTTPClient, config: SourceConfig, logger: Logger, cache: PageCache? = nil) {
        self.http = http
        self.config = config
        self.logger = logger
        self.cache = cache
        // Never more than 3 in any second, whatever OPENINSIDER_RPS says (DOMAIN.md 1.14).
        let rps = min(config.openInsiderRequestsPerSecond, OpenInsiderSource.maxRequestsPerSecond)
        self.limiter = RateLimiter(requestsPerSecond: rps, maxInWindow: max(1, Int(rps.rounded(.up))))
    }

    /// The politeness ceiling: requests in any one second, whatever the configuration asks.
    public static let maxRequestsPerSecond = 3.0

    /// The host name used in request counts.
    public var host: String { HTTPClient.hostKey(config.openInsiderBaseURL) }

    /// Fetches and parses one page. A page that is not an OpenInsider page (a block page, an
    /// error body) is retried and then fails loudly, never read as "no results".
    public func page(path: String, query: [(String, String)]) async throws -> OpenInsiderPage {
        var components = URLComponents(url: config.openInsiderBaseURL.appendingPathComponent(path), resolvingAgainstBaseURL: false)!
        if !query.isEmpty { components.percentEncodedQuery = query.map { "\($0.0)=\(OpenInsiderSource.encode($0.1))" }.joined(separator: "&") }
        guard let url = components.url else { throw ConfigurationError("cannot build an OpenInsider URL for \(path)") }
        let kept = cache?.entry(for: url)
        if let kept, cache?.isFresh(kept) == true, let page = try? OpenInsiderPageParser.parse(kept.body) {
            hits.add()
            return page
        }
        let headers = ["User-Agent": config.openInsiderUserAgent, "Accept": "text/html"].merging(PageCache.validators(kept)) { $1 }
        var response = try await http.get(url, headers: headers, limiter: limiter) { response in
            guard response.status == 200 else { return .accept }
            do throws(OpenInsiderPageError) {
                _ = try OpenInsiderPageParser.parse(response.body)
                return .accept
            } catch .notAnOpenInsiderPage(let why) {
                return .retry("not an OpenInsider page (\(why))")
            } catch {
                return .accept   // layout drift is not transient: the caller reports it
            }
        }
        if response.status == 304, let kept {
            response.body = kept.body   // unchanged since we kept it: renew it
        }
        do throws(OpenInsiderPageError) {
            let page = try OpenInsiderPageParser.parse(response.body)
            cache?.keep(url, body: response.body, etag: response.headers["etag"] ?? (response.status == 304 ? kept?.etag : nil),
                        lastModified: response.headers["last-modified"] ?? (response.status == 304 ? kept?.lastModified : nil))
            return page
        } catch {
            throw SourceError.openInsiderLayout(url: url.absoluteString, error: error)
        }
    }

    /// Pages served from the page cache so far.
    public var cacheHits: Int { hits.value }

    /// Form-style encoding: spaces as `+`, everything else outside unreserved characters escaped.
    static func encode(_ value: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return value.split(separator: " ", omittingEmptySubsequences: false)
            .map { $0.addingPercentEncoding(withAllowedCharacters: allowed) ?? String($0) }
            .joined(separator: "+")
    }

    /// Custom date range `MM/DD/YYYY - MM/DD/YYYY`.
    static func range(_ lookback: Lookback) -> String { "\(lookback.start.usFormat) - \(lookback.asOf.usFormat)" }

    /// Every page of a screener query, `cnt` rows at a time, until a short page.
    func allPages(_ base: [(String, String)]) async throws -> [OpenInsiderPage] {
        var pages: [OpenInsiderPage] = []
        for number in 1...99 {
            let page = try await self.page(path: "screener", query: base + [("cnt", String(config.pageSize)), ("page", String(number))])
            pages.append(page)
            if page.rows.count < config.pageSize { break }
        }
        return pages
    }

    /// Tickers with at least `minInsiders` distinct insiders whose purchases can still qualify:
    /// every purchase row filed in the window, counted by owner CIK per ticker before any
    /// drilldown, so only tickers that can still make a cluster cost a request. The canned
    /// `/latest-cluster-buys` list only labels the tickers it names: it is a pre-filtered sample,
    /// and the listing already holds every purchase it could add.
    public func discover(lookback: Lookback, minInsiders: Int) async throws -> [Candidate] {
        let canned = try await page(path: "latest-cluster-buys", query: [])
        let range = OpenInsiderSource.range(lookback)
        // Only the filing date bounds the query: a row shows its filing's earliest trade date, which
        // can be before the window while later trades of the same filing are inside it.
        let query: [(String, String)] = [
            ("s", ""), ("o", ""), ("pl", ""), ("ph", ""), ("ll", ""), ("lh", ""),
            ("fd", "-1"), ("fdr", range), ("xp", "1"), ("vl", ""), ("vh", ""), ("grp", "0"), ("sortcol", "0"),
        ]
        var buyers: [String: Set<String>] = [:]
        var found: [String: Candidate] = [:]
        for listing in try await allPages(query) {
            for row in listing.rows where row.tradeCode == "P" && OpenInsiderSource.mayQualify(row, lookback: lookback) {
                let ticker = row.ticker.uppercased()
                buyers[ticker, default: []].insert(Trade.insiderKey(cik: row.insiderCIK, name: row.insiderName ?? "Unknown insider"))
                if found[ticker] == nil { found[ticker] = Candidate(ticker: ticker, companyName: row.companyName, industry: row.industry, foundBy: ["screener"]) }
            }
        }
        found = found.filter { buyers[$0.key, default: []].count >= minInsiders }
        for row in canned.rows where row.tradeCode == "P" {
            guard var candidate = found[row.ticker.uppercased()] else { continue }
            candidate.foundBy.insert("cluster-buys")
            candidate.industry = candidate.industry ?? row.industry
            found[candidate.ticker] = candidate
        }
        return found.values.sorted { $0.ticker < $1.ticker }
    }

    /// Whether a purchase row can hold a buy of the window: its shown date is in the window; or it
    /// shows the earliest of several trades (X flag `M`), later ones of which may be in the window;
    /// or it is an amendment, whose `dateOfOriginalSubmission` (only in the XML) finds the filing
    /// it replaces. Such rows are read from their filings; others stand as shown.
    public static func mayQualify(_ row: OpenInsiderRow, lookback: Lookback) -> Bool {
        Day(row.tradeDate).map(lookback.contains) == true || row.xFlags.contains("A") || row.xFlags.contains("M")
    }

    /// Every purchase, sale and exercise row OpenInsider holds for `ticker` filed in the window.
    ///
    /// Only the filing date bounds the query: a filing inside the window is filed on or after its
    /// trades, and a row whose shown (earliest) trade date is before the window can hold trades
    /// inside it (X flag `M`), or be a 4/A replacing a filing of the window.
    public func drilldown(ticker: String, lookback: Lookback) async throws -> TickerTrades {
        let range = OpenInsiderSource.range(lookback)
        let query: [(String, String)] = [
            ("s", ticker), ("fd", "-1"), ("fdr", range),
            ("xp", "1"), ("xs", "1"), ("xd", "1"), ("xm", "1"), ("xx", "1"), ("grp", "0"), ("sortcol", "0"),
        ]
        let pages = try await allPages(query)
        var seen = Set<String>()
        var rows: [OpenInsiderRow] = []
        for p in pages {
            for row in p.rows where row.ticker.uppercased() == ticker.uppercased() {
                // Order is not stable across pages while filings arrive (DOMAIN.md 1.11).
                let key = [row.filingURL ?? row.filingDateTime, row.insiderCIK ?? row.insiderName ?? "", row.tradeDate, row.tradeType, String(row.qty)].joined(separator: "|")
                if seen.insert(key).inserted { rows.append(row) }
            }
        }
        let first = pages.first
        return TickerTrades(ticker: ticker.uppercased(), rows: rows, companyName: first?.subjectCompanyName,
                            subject: pages.lazy.compactMap(\.subject).first)
    }
}

/// A source answered with something the program cannot stand behind.
public enum SourceError: Error, CustomStringConvertible {
    /// OpenInsider's table no longer matches a known layout.
    case openInsiderLayout(url: String, error: OpenInsiderPageError)
    /// Every path to the data failed.
    case allSourcesFailed([String])

    public var description: String {
        switch self {
        case let .openInsiderLayout(url, error): "OpenInsider page \(url) could not be read: \(error)"
        case let .allSourcesFailed(reasons): "no source could be read: " + reasons.joined(separator: "; ")
        }
    }
}

/// A count shared by concurrent tasks.
final class HitCount: @unchecked Sendable {
    private let lock = NSLock()
    private var n = 0
    func add() { lock.withLock { n += 1 } }
    var value: Int { lock.withLock { n } }
}
