import EdgarForm4
import Foundation
import InsiderCore
import Logging

/// A Form 4 filing as EDGAR's submissions JSON lists it.
public struct EdgarFilingRef: Sendable, Hashable {
    /// `0001234567-26-000123`.
    public var accession: String
    /// `4` or `4/A`.
    public var form: String
    /// Filing date (Eastern).
    public var filingDate: Day
    /// Acceptance date-time as `YYYY-MM-DD HH:MM:SS`, New York wall clock (the JSON gives UTC),
    /// as OpenInsider shows it. Never a filing date: an evening filing is accepted on the next UTC day.
    public var acceptance: String
    /// The raw XML file name (the part after the last `/` of `primaryDocument`).
    public var fileName: String
}

/// SEC EDGAR behind a small surface: Form 4 documents (cached on disk: a filed Form 4 never
/// changes), the ticker map and issuers' submissions, all under one SEC-wide rate limit.
public final class EdgarSource: Sendable {
    let http: HTTPClient
    let config: SourceConfig
    let limiter: RateLimiter
    let cache: KeyValueStore
    let logger: Logger
    let memo = Memo()

    final class Memo: @unchecked Sendable {
        let lock = NSLock()
        var documents: [String: Task<Form4Document, any Error>] = [:]
        var tickers: Task<[String: (cik: String, title: String)], any Error>?
        var cacheHits = 0
        var cacheWriteFailures: [String] = []
    }

    /// Creates the source; `cache` is a named key-value store that survives purges.
    public init(http: HTTPClient, config: SourceConfig, cache: KeyValueStore, logger: Logger) {
        self.http = http
        self.config = config
        self.cache = cache
        self.logger = logger
        let rps = min(config.secRequestsPerSecond, 10)
        // Never more than 10 in any sliding second: the window cap is the hard limit, the interval keeps bursts out.
        self.limiter = RateLimiter(requestsPerSecond: rps, maxInWindow: Int(rps.rounded(.down)))
    }

    /// Whether SEC may be asked at all (a User-Agent with a contact email is configured).
    public var isEnabled: Bool { config.secUserAgent != nil }

    /// Filings served from the disk cache in this run.
    public var cacheHits: Int { memo.lock.withLock { memo.cacheHits } }

    /// Filings fetched in this run that could not be written to the disk cache, with why.
    public var cacheWriteFailures: [String] { memo.lock.withLock { memo.cacheWriteFailures } }

    var headers: [String: String] {
        ["User-Agent": config.secUserAgent ?? "", "Accept-Encoding": "gzip, deflate"]
    }

    /// Classifies SEC answers: the rate-limit and undeclared-tool pages are a block (pause, never
    /// data, whatever the status); S3-style `NoSuchKey`/`AccessDenied` are "not found".
    static func judge(_ response: HTTPResponse) -> ResponseVerdict {
        let head = String(decoding: response.body.prefix(4096), as: UTF8.self)
        if head.contains("Request Rate Threshold Exceeded") || head.contains("Undeclared Automated Tool") {
            return .throttled("SEC rate-limit block page (HTTP \(response.status))")
        }
        if response.status == 403 || response.status == 404 {
            if head.contains("NoSuchKey") || head.contains("AccessDenied") || response.status == 404 {
                return .fail("not found on EDGAR")
            }
            return .throttled("SEC refused the request (HTTP 403)")
        }
        return .accept
    }

    /// The raw Form 4 XML URL for an OpenInsider filing link: the `xslF345X0N/` rendering segment
    /// dropped and the path moved onto the configured SEC base URL.
    public func rawFilingURL(fromLink link: String) -> URL? {
        guard let url = URL(string: link), !url.path.isEmpty else { return nil }
        var segments = url.path.split(separator: "/").map(String.init)
        segments.removeAll { $0.hasPrefix("xslF345X") }
        guard segments.count >= 2 else { return nil }
        return segments.reduce(config.secBaseURL) { $0.appendingPathComponent($1) }
    }

    /// The raw XML URL of a filing listed by the submissions JSON.
    public func rawFilingURL(issuerCIK: String, ref: EdgarFilingRef) -> URL {
        let cik = String(Int(issuerCIK) ?? 0)
        return config.secBaseURL.appendingPathComponent("Archives/edgar/data").appendingPathComponent(cik)
            .appendingPathComponent(ref.accession.replacingOccurrences(of: "-", with: "")).appendingPathComponent(ref.fileName)
    }

    static func cacheKey(accession: String?, url: URL) -> String {
        let raw = (accession ?? url.deletingLastPathComponent().lastPathComponent) + "_" + url.lastPathComponent
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!-_.'()")
        return String(raw.map { allowed.contains($0) ? $0 : "_" }.prefix(250))
    }

    /// Fetches (or reads from the cache) and parses a Form 4. Only documents that parse are cached.
    public func document(at url: URL, accession: String?) async throws -> Form4Document {
        let key = EdgarSource.cacheKey(accession: accession, url: url)
        let task: Task<Form4Document, any Error> = memo.lock.withLock {
            if let t = memo.documents[key] { return t }
            let t = Task { try await self.load(url: url, key: key) }
            memo.documents[key] = t
            return t
        }
        return try await task.value
    }

    private func load(url: URL, key: String) async throws -> Form4Document {
        if let cached = cache.get(key, fileExtension: "xml"), let doc = try? Form4Parser.parse(Array(cached)) {
            memo.lock.withLock { memo.cacheHits += 1 }
            return doc
        }
        guard isEnabled else { throw EdgarError.disabled(config.secUnavailableReason ?? "SEC access is not configured") }
        let response = try await http.get(url, headers: headers, limiter: limiter, judge: EdgarSource.judge)
        let doc: Form4Document
        do { doc = try Form4Parser.parse(response.body) } catch {
            throw EdgarError.unreadable(url: url.absoluteString, reason: String(describing: error))
        }
        do { try cache.set(key, Data(response.body), fileExtension: "xml") } catch {
            // The filing is good for this run; only the next run pays for fetching it again.
            logger.warning("filing cache: \(key) not written: \(error)")
            memo.lock.withLock { memo.cacheWriteFailures.append("\(key): \(error)") }
        }
        return doc
    }

    /// `company_tickers.json`: ticker (SEC style, `BRK-B`) to CIK and title.
    public func tickerMap() async throws -> [String: (cik: String, title: String)] {
        let task: Task<[String: (cik: String, title: String)], any Error> = memo.lock.withLock {
            if let t = memo.tickers { return t }
            let t = Task { () async throws -> [String: (cik: String, title: String)] in
                guard self.isEnabled else { throw EdgarError.disabled(self.config.secUnavailableReason ?? "SEC access is not configured") }
                let url = self.config.secBaseURL.appendingPathComponent("files/company_tickers.json")
                let response = try await self.http.get(url, headers: self.headers, limiter: self.limiter, judge: EdgarSource.judge)
                return try EdgarSource.parseTickerMap(response.body)
            }
            memo.tickers = t
            return t
        }
        return try await task.value
    }

    /// Parses `company_tickers.json` (`{"0": {"cik_str": 320193, "ticker": "AAPL", "title": "Apple Inc."}, ...}`).
    public static func parseTickerMap(_ bytes: [UInt8]) throws -> [String: (cik: String, title: String)] {
        guard let members = (try? JSONValue.parse(bytes))?.objectValue else {
            throw EdgarError.unreadable(url: "company_tickers.json", reason: "not a JSON object")
        }
        var out: [String: (cik: String, title: String)] = [:]
        for (_, entry) in members {
            guard let ticker = entry["ticker"]?.stringValue, let cik = entry["cik_str"]?.integerValue ?? entry["cik_str"]?.stringValue.flatMap({ Int64($0) }) else { continue }
            let key = ticker.uppercased()
            if out[key] == nil { out[key] = (padCIK(String(cik)), entry["title"]?.stringValue ?? key) }
        }
        return out
    }

    /// The issuer's Form 4 and 4/A filings dated inside `[from, to]`, plus its SIC description.
    public func form4Filings(issuerCIK: String, from: Day, to: Day) async throws -> (filings: [EdgarFilingRef], sicDescription: String?, name: String?) {
        guard isEnabled else { throw EdgarError.disabled(config.secUnavailableReason ?? "SEC access is not configured") }
        let url = config.secDataBaseURL.appendingPathComponent("submissions/CIK\(padCIK(issuerCIK)).json")
        let response = try await http.get(url, headers: headers, limiter: limiter, judge: EdgarSource.judge)
        guard let root = try? JSONValue.parse(response.body) else {
            throw EdgarError.unreadable(url: url.absoluteString, reason: "not JSON")
        }
        let filings = EdgarSource.parseRecentFilings(root["filings"]?["recent"] ?? .null, from: from, to: to)
        return (filings, root["sicDescription"]?.stringValue, root["name"]?.stringValue)
    }

    /// Reads the columnar `filings.recent` arrays, keeping Forms 4 and 4/A dated in the range.
    public static func parseRecentFilings(_ recent: JSONValue, from: Day, to: Day) -> [EdgarFilingRef] {
        func column(_ name: String) -> [JSONValue] { recent[name]?.arrayValue ?? [] }
        let accessions = column("accessionNumber"), forms = column("form"), dates = column("filingDate")
        let accepted = column("acceptanceDateTime"), documents = column("primaryDocument")
        var out: [EdgarFilingRef] = []
        for i in accessions.indices {
            guard i < forms.count, i < dates.count, i < documents.count,
                  let form = forms[i].stringValue, form == "4" || form == "4/A",
                  let accession = accessions[i].stringValue, let dateText = dates[i].stringValue, let date = Day(dateText),
                  date >= from, date <= to, let document = documents[i].stringValue else { continue }
            let acceptance = (i < accepted.count ? accepted[i].stringValue : nil)
                .flatMap(EasternTime.wallClock(fromUTC:)) ?? dateText + " 00:00:00"
            let fileName = document.split(separator: "/").last.map(String.init) ?? document
            out.append(EdgarFilingRef(accession: accession, form: form, filingDate: date, acceptance: acceptance, fileName: fileName))
        }
        return out
    }
}


/// EDGAR could not give what was asked.
public enum EdgarError: Error, CustomStringConvertible, Sendable {
    /// SEC access is off (no User-Agent with an email).
    case disabled(String)
    /// The body is not what was expected.
    case unreadable(url: String, reason: String)

    public var description: String {
        switch self {
        case .disabled(let why): why
        case let .unreadable(url, reason): "\(url): \(reason)"
        }
    }
}
