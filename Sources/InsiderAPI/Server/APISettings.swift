import Foundation

/// How the server protects itself and how fresh its answers are, read from the environment.
///
/// | variable | default | meaning |
/// |---|---|---|
/// | `INSIDER_API_RATE_LIMIT` | on | `off` turns every request budget off (load tests) |
/// | `INSIDER_API_RATE_ANONYMOUS` | 60 | requests per minute per client IP without a key (also burst) |
/// | `INSIDER_API_RATE_FREE` | 120 | requests per minute per free key |
/// | `INSIDER_API_RATE_PRO` | 1200 | requests per minute per pro key |
/// | `INSIDER_API_CORS_ORIGIN` | unset | the one origin allowed by CORS; unset: no CORS headers |
/// | `INSIDER_API_REQUEST_TIMEOUT_SECONDS` | 10 | a store query longer than this answers 503 |
/// | `INSIDER_API_VERSION_CHECK_MS` | 1000 | how often the store's data version is read (0: every request) |
public struct APISettings: Sendable {
    /// Request budgets per identity; nil when turned off.
    public var rateLimits: RateLimits?
    /// The origin CORS allows, or nil for no CORS.
    public var corsOrigin: String?
    /// The longest a store query may take.
    public var requestTimeout: Duration
    /// The longest a cached answer (or a cached key) may be served without re-reading the data version.
    public var versionCheckInterval: Duration
    /// Longest request target in bytes.
    public var maxURILength: Int = 2048
    /// Largest request body in bytes (the API takes none).
    public var maxBodyBytes: Int = 16 * 1024
    /// Largest header block in bytes.
    public var maxHeaderBytes: Int = 16 * 1024
    /// A keep-alive connection idle this long is closed.
    public var idleTimeout: Duration = .seconds(60)
    /// Cached answers kept at most (the cache is emptied when it is full or the data changes).
    public var maxCachedAnswers: Int = 20_000

    /// Creates settings.
    public init(rateLimits: RateLimits? = RateLimits(), corsOrigin: String? = nil, requestTimeout: Duration = .seconds(10),
                versionCheckInterval: Duration = .seconds(1)) {
        self.rateLimits = rateLimits; self.corsOrigin = corsOrigin; self.requestTimeout = requestTimeout
        self.versionCheckInterval = versionCheckInterval
    }

    /// Settings from environment variables (table above); a malformed value is an error naming it.
    public init(environment: [String: String]) throws {
        self.init()
        func integer(_ name: String, _ range: ClosedRange<Int>) throws -> Int? {
            guard let text = environment[name], !text.isEmpty else { return nil }
            guard let value = Int(text), range.contains(value) else {
                throw APISettingsError("\(name)=\"\(text)\" is not an integer in \(range.lowerBound)...\(range.upperBound)")
            }
            return value
        }
        switch environment["INSIDER_API_RATE_LIMIT"]?.lowercased() {
        case "off", "0", "false": rateLimits = nil
        case nil, "", "on", "1", "true":
            var limits = RateLimits()
            if let n = try integer("INSIDER_API_RATE_ANONYMOUS", 1...1_000_000) { limits.anonymous = .perMinute(n) }
            if let n = try integer("INSIDER_API_RATE_FREE", 1...1_000_000) { limits.free = .perMinute(n) }
            if let n = try integer("INSIDER_API_RATE_PRO", 1...1_000_000) { limits.pro = .perMinute(n) }
            rateLimits = limits
        case let other?: throw APISettingsError("INSIDER_API_RATE_LIMIT=\"\(other)\" is not on or off")
        }
        if let origin = environment["INSIDER_API_CORS_ORIGIN"], !origin.isEmpty { corsOrigin = origin }
        if let s = try integer("INSIDER_API_REQUEST_TIMEOUT_SECONDS", 1...600) { requestTimeout = .seconds(s) }
        if let ms = try integer("INSIDER_API_VERSION_CHECK_MS", 0...60_000) { versionCheckInterval = .milliseconds(ms) }
    }
}

/// A setting that cannot be read.
public struct APISettingsError: Error, CustomStringConvertible, Sendable {
    /// What is wrong.
    public var description: String
    init(_ description: String) { self.description = description }
}
