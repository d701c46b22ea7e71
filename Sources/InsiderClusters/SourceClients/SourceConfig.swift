import Foundation

/// Where the sources live and how fast we may ask them; every base URL is configurable so a run
/// can be reproduced against a recorded or local source.
public struct SourceConfig: Sendable {
    /// `OPENINSIDER_BASE_URL`, default `http://openinsider.com`.
    public var openInsiderBaseURL: URL
    /// `SEC_BASE_URL`, default `https://www.sec.gov`.
    public var secBaseURL: URL
    /// `SEC_DATA_BASE_URL`, default `https://data.sec.gov`.
    public var secDataBaseURL: URL
    /// `SEC_USER_AGENT`: must name the organisation or person and hold a contact email; nil when unset or invalid.
    public var secUserAgent: String?
    /// Why SEC access is off, when it is.
    public var secUnavailableReason: String?
    /// `OPENINSIDER_RPS`, default 1 request/s sustained (never more than 3 in any second).
    public var openInsiderRequestsPerSecond: Double
    /// `SEC_RPS`, default 8, at most 10 (SEC's fair-access limit, all SEC hosts together).
    public var secRequestsPerSecond: Double
    /// The User-Agent sent to OpenInsider.
    public var openInsiderUserAgent: String
    /// Rows per OpenInsider page (`cnt`), `OPENINSIDER_PAGE_SIZE`, default 1000 (the form's maximum).
    public var pageSize: Int
    /// Parallel ticker drilldowns (the rate limit still holds), `INSIDER_CLUSTERS_CONCURRENCY`, default 4.
    public var concurrency: Int
    /// How long an OpenInsider page is served from the page cache, `OPENINSIDER_CACHE_TTL`, default 6 h; 0: never.
    public var openInsiderCacheTTL: TimeInterval = PageCache.defaultTTL

    /// The product's version, sent in User-Agents.
    public static let version = "0.1.0"

    /// Reads the configuration from the environment.
    public static func fromEnvironment(_ env: [String: String]) throws -> SourceConfig {
        func url(_ key: String, _ fallback: String) throws -> URL {
            let raw = env.nonEmpty(key) ?? fallback
            guard let u = URL(string: raw.hasSuffix("/") ? String(raw.dropLast()) : raw), let scheme = u.scheme,
                  ["http", "https"].contains(scheme.lowercased()), u.host != nil else {
                throw ConfigurationError("\(key): \"\(raw)\" is not an http(s) base URL")
            }
            return u
        }
        func number(_ key: String, _ fallback: Double, max: Double? = nil) throws -> Double {
            guard let raw = env.nonEmpty(key) else { return fallback }
            guard let v = Double(raw), v > 0 else { throw ConfigurationError("\(key): \"\(raw)\" is not a positive number") }
            if let max, v > max { throw ConfigurationError("\(key): \(raw) is above the maximum \(max)") }
            return v
        }
        var agent: String?
        var reason: String?
        if let ua = env.nonEmpty("SEC_USER_AGENT") {
            if SourceConfig.containsEmail(ua) { agent = ua } else {
                reason = "SEC_USER_AGENT \"\(ua)\" has no contact email; SEC refuses undeclared tools, so no filing was verified"
            }
        } else {
            reason = "SEC_USER_AGENT is not set (SEC requires a User-Agent with a contact email, e.g. \"Acme Research ops@acme.example\"); no filing was verified against EDGAR"
        }
        var config = SourceConfig(
            openInsiderBaseURL: try url("OPENINSIDER_BASE_URL", "http://openinsider.com"),
            secBaseURL: try url("SEC_BASE_URL", "https://www.sec.gov"),
            secDataBaseURL: try url("SEC_DATA_BASE_URL", "https://data.sec.gov"),
            secUserAgent: agent,
            secUnavailableReason: reason,
            openInsiderRequestsPerSecond: try number("OPENINSIDER_RPS", 1),
            secRequestsPerSecond: try number("SEC_RPS", 8, max: 10),
            openInsiderUserAgent: env.nonEmpty("OPENINSIDER_USER_AGENT")
                ?? "insider-clusters/\(version) (insider cluster-buy research tool; polite: 1 request/s)",
            pageSize: Int(try number("OPENINSIDER_PAGE_SIZE", 1000, max: 5000)),
            concurrency: Int(try number("INSIDER_CLUSTERS_CONCURRENCY", 4, max: 16)))
        config.openInsiderCacheTTL = try PageCache.ttl(from: env)
        return config
    }

    /// A plausible email address somewhere in the text.
    public static func containsEmail(_ text: String) -> Bool {
        for word in text.split(whereSeparator: { $0 == " " || $0 == "<" || $0 == ">" || $0 == "(" || $0 == ")" || $0 == "," || $0 == ";" }) {
            let parts = word.split(separator: "@", omittingEmptySubsequences: false)
            guard parts.count == 2, !parts[0].isEmpty else { continue }
            let domain = parts[1].split(separator: ".", omittingEmptySubsequences: false)
            if domain.count >= 2, domain.allSatisfy({ !$0.isEmpty }) { return true }
        }
        return false
    }
}
