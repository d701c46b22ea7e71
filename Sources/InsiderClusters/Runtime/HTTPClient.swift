import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Logging

/// An HTTP response as the sources need it.
public struct HTTPResponse: Sendable {
    /// Status code.
    public var status: Int
    /// Headers with lower-cased names.
    public var headers: [String: String]
    /// The (decompressed) body.
    public var body: [UInt8]
    /// The URL that answered.
    public var url: URL
}

/// How a source judges a response before the client returns it.
public enum ResponseVerdict: Sendable, Equatable {
    /// Good: return it.
    case accept
    /// A transient failure: retry with the normal backoff.
    case retry(String)
    /// The source says we are over its limit: retry after a long pause.
    case throttled(String)
    /// A permanent failure (for example 404): return it without retrying.
    case fail(String)
}

/// Why a request ended without a usable response.
public enum HTTPClientError: Error, CustomStringConvertible, Sendable {
    /// No response after every attempt (connection refused, DNS, timeout).
    case unreachable(url: String, attempts: Int, reason: String)
    /// The server kept answering with a retryable status.
    case gaveUp(url: String, attempts: Int, lastStatus: Int, reason: String)
    /// The source refused us for going too fast, and kept refusing.
    case throttled(url: String, attempts: Int, reason: String)
    /// A permanent failure.
    case failed(url: String, status: Int, reason: String)

    public var description: String {
        switch self {
        case let .unreachable(url, attempts, reason): "\(url) unreachable after \(attempts) attempts: \(reason)"
        case let .gaveUp(url, attempts, status, reason): "\(url) still failing after \(attempts) attempts (HTTP \(status)): \(reason)"
        case let .throttled(url, attempts, reason): "\(url) throttled by the source after \(attempts) attempts: \(reason)"
        case let .failed(url, status, reason): "\(url) failed (HTTP \(status)): \(reason)"
        }
    }

    /// The HTTP status, when there was one.
    public var status: Int? {
        switch self {
        case .unreachable, .throttled: nil
        case let .gaveUp(_, _, s, _): s
        case let .failed(_, s, _): s
        }
    }
}

/// Retry and backoff settings.
public struct RetryPolicy: Sendable {
    /// Retries after the first attempt.
    public var maxRetries: Int
    /// First backoff; doubles each retry, with equal jitter (half fixed, half random).
    public var baseDelay: Duration
    /// Longest single backoff. `Retry-After` is not capped by it: the server's own wait is
    /// honoured up to 600 s (on a rate-limit block, up to the longer of 600 s and `throttlePause`).
    public var maxDelay: Duration
    /// Pause after a source's rate-limit block (SEC's lasts about 10 minutes).
    public var throttlePause: Duration
    /// Per-request timeout.
    public var timeout: TimeInterval

    /// Creates a policy.
    public init(maxRetries: Int = 4, baseDelay: Duration = .milliseconds(500), maxDelay: Duration = .seconds(30),
                throttlePause: Duration = .seconds(600), timeout: TimeInterval = 30) {
        self.maxRetries = maxRetries; self.baseDelay = baseDelay; self.maxDelay = maxDelay
        self.throttlePause = throttlePause; self.timeout = timeout
    }

    /// Reads `HTTP_MAX_RETRIES`, `HTTP_BACKOFF_MS`, `HTTP_MAX_BACKOFF_MS`, `HTTP_TIMEOUT_SECONDS`, `SEC_BLOCK_PAUSE_SECONDS`.
    public static func fromEnvironment(_ env: [String: String]) throws -> RetryPolicy {
        var p = RetryPolicy()
        func number(_ key: String) throws -> Double? {
            guard let raw = env.nonEmpty(key) else { return nil }
            guard let v = Double(raw), v >= 0 else { throw ConfigurationError("\(key): \"\(raw)\" is not a non-negative number") }
            return v
        }
        if let v = try number("HTTP_MAX_RETRIES") { p.maxRetries = Int(v) }
        if let v = try number("HTTP_BACKOFF_MS") { p.baseDelay = .milliseconds(Int64(v)) }
        if let v = try number("HTTP_MAX_BACKOFF_MS") { p.maxDelay = .milliseconds(Int64(v)) }
        if let v = try number("HTTP_TIMEOUT_SECONDS") { p.timeout = max(1, v) }
        if let v = try number("SEC_BLOCK_PAUSE_SECONDS") { p.throttlePause = .milliseconds(Int64(v * 1000)) }
        return p
    }
}

/// The program's one HTTP client: a shared URLSession, a rate limiter per source, bounded
/// retries with exponential backoff and jitter, `Retry-After`, and request counts per host.
public final class HTTPClient: @unchecked Sendable {
    let transport: any HTTPTransport
    let recorder: WARCRecorder?
    let policy: RetryPolicy
    let logger: Logger
    private let lock = NSLock()
    private var counts: [String: Int] = [:]

    /// Creates the client. `transport` defaults to the network; `recorder`, when given, writes
    /// down every exchange (`--record`); a `WARCReplay` transport serves a recording (`--replay`).
    public init(policy: RetryPolicy = RetryPolicy(), logger: Logger = Logger(label: "insider-clusters.http"),
                transport: (any HTTPTransport)? = nil, recorder: WARCRecorder? = nil) {
        self.transport = transport ?? URLSessionTransport(timeout: policy.timeout)
        self.recorder = recorder
        self.policy = policy
        self.logger = logger
    }

    /// URLs a replay was asked for that its recording lacks.
    public var replayMisses: [String] { transport.misses }

    /// Requests sent so far, by host (`host:port` when a port is given).
    public var requestsPerHost: [String: Int] { lock.withLock { counts } }

    /// Total requests sent so far.
    public var totalRequests: Int { lock.withLock { counts.values.reduce(0, +) } }

    static func hostKey(_ url: URL) -> String {
        let host = url.host ?? "?"
        return url.port.map { "\(host):\($0)" } ?? host
    }

    /// GETs `url`, waiting on `limiter` before every attempt, and retrying what `judge` (after the
    /// built-in rules: 429 and 5xx retry) calls transient.
    public func get(_ url: URL, headers: [String: String], limiter: RateLimiter,
                    judge: @Sendable (HTTPResponse) -> ResponseVerdict = { _ in .accept }) async throws -> HTTPResponse {
        var request = URLRequest(url: url, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: policy.timeout)
        for (k, v) in headers { request.setValue(v, forHTTPHeaderField: k) }
        var attempt = 0
        var throttles = 0
        while true {
            attempt += 1
            // A replay reaches no source: its rate limits have nothing to protect.
            if !transport.isOffline { try await limiter.acquire() }
            lock.withLock { counts[HTTPClient.hostKey(url), default: 0] += 1 }
            let outcome: Result<HTTPResponse, any Error>
            do {
                let response = try await transport.send(request)
                recorder?.record(request, response)
                outcome = .success(response)
            } catch {
                if Task.isCancelled { throw CancellationError() }
                outcome = .failure(error)
            }
            let canRetry = attempt <= policy.maxRetries
            switch outcome {
            case .failure(let error):
                let reason = HTTPClient.describe(error)
                // A bad URL or a TLS failure fails the same way every time: no retry.
                guard canRetry, HTTPClient.isTransient(error) else {
                    throw HTTPClientError.unreachable(url: url.absoluteString, attempts: attempt, reason: reason)
                }
                let delay = backoff(attempt: attempt)
                logger.warning("\(url.absoluteString): \(reason); retry \(attempt)/\(policy.maxRetries) in \(delay)")
                try await Task.sleep(for: delay)
            case .success(let response):
                var verdict = judge(response)
                if verdict == .accept {
                    if response.status == 429 { verdict = .throttled("HTTP 429 Too Many Requests") }
                    else if response.status >= 500 || response.status == 408 { verdict = .retry("HTTP \(response.status)") }
                    else if response.status >= 400 { verdict = .fail("HTTP \(response.status)") }
                }
                switch verdict {
                case .accept:
                    return response
                case .fail(let reason):
                    throw HTTPClientError.failed(url: url.absoluteString, status: response.status, reason: reason)
                case .retry(let reason):
                    guard canRetry else {
                        throw HTTPClientError.gaveUp(url: url.absoluteString, attempts: attempt, lastStatus: response.status, reason: reason)
                    }
                    // A server's Retry-After beyond ten minutes is not waited out in full.
                    let delay = HTTPClient.retryAfter(response.headers["retry-after"]).map { min($0, .seconds(600)) } ?? backoff(attempt: attempt)
                    logger.warning("\(url.absoluteString): \(reason); retry \(attempt)/\(policy.maxRetries) in \(delay)")
                    try await Task.sleep(for: delay)
                case .throttled(let reason):
                    throttles += 1
                    guard canRetry, throttles <= 2 else {
                        throw HTTPClientError.throttled(url: url.absoluteString, attempts: attempt, reason: reason)
                    }
                    // Retry-After is the server's own word; without it, a rate-limit block wants a long pause.
                    let delay: Duration
                    if let after = HTTPClient.retryAfter(response.headers["retry-after"]) {
                        delay = min(after, max(policy.throttlePause, .seconds(600)))
                    } else if response.status == 429 {
                        delay = backoff(attempt: attempt)
                    } else {
                        delay = policy.throttlePause
                    }
                    // The pause lives in the source's limiter: every task of that source waits it out
                    // together, instead of the others going on hitting a source that blocks us.
                    logger.warning("\(url.absoluteString): \(reason); pausing every request to this source \(delay) before retry \(attempt)/\(policy.maxRetries)")
                    await limiter.pause(for: delay)
                }
            }
        }
    }

    /// Exponential backoff, capped at `maxDelay`, with equal jitter: half the ceiling for sure plus
    /// up to half at random, so a retry never comes back at once yet clients still spread out.
    func backoff(attempt: Int) -> Duration {
        let base = Double(policy.baseDelay.components.seconds) + Double(policy.baseDelay.components.attoseconds) / 1e18
        let cap = Double(policy.maxDelay.components.seconds) + Double(policy.maxDelay.components.attoseconds) / 1e18
        let ceiling = min(cap, base * pow(2, Double(attempt - 1)))
        let seconds = ceiling / 2 + Double.random(in: 0...(ceiling / 2))
        return .milliseconds(Int64(seconds * 1000))
    }

    /// `Retry-After` as seconds or an HTTP date.
    static func retryAfter(_ value: String?) -> Duration? {
        guard let value = value?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
        if let seconds = Double(value), seconds >= 0 { return .milliseconds(Int64(seconds * 1000)) }
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "GMT")
        f.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        if let date = f.date(from: value) { return .milliseconds(Int64(max(0, date.timeIntervalSinceNow) * 1000)) }
        return nil
    }

    /// Whether a failed request can succeed when sent again: timeouts, refused or lost
    /// connections, DNS hiccups; not a malformed or unsupported URL, nor a TLS failure.
    static func isTransient(_ error: any Error) -> Bool {
        // A recording that lacks the URL lacks it on every attempt.
        if error is WARCError { return false }
        guard let e = error as? URLError else { return true }
        switch e.code {
        case .badURL, .unsupportedURL, .secureConnectionFailed, .serverCertificateHasBadDate, .serverCertificateUntrusted,
             .serverCertificateHasUnknownRoot, .serverCertificateNotYetValid, .clientCertificateRejected,
             .clientCertificateRequired, .appTransportSecurityRequiresSecureConnection, .userAuthenticationRequired,
             .fileDoesNotExist, .noPermissionsToReadFile, .dataLengthExceedsMaximum, .redirectToNonExistentLocation,
             .httpTooManyRedirects:
            return false
        default:
            // FoundationNetworking on Linux reports TLS failures as code -1 with OpenSSL's text.
            let text = e.localizedDescription.lowercased()
            return !(text.contains("ssl") || text.contains("certificate") || text.contains("tls"))
        }
    }

    static func describe(_ error: any Error) -> String {
        if let e = error as? URLError {
            switch e.code {
            case .timedOut: return "timed out"
            case .cannotConnectToHost: return "connection refused"
            case .cannotFindHost: return "host not found"
            case .networkConnectionLost: return "connection lost"
            case .notConnectedToInternet: return "no network"
            default: return "URL error \(e.code.rawValue)"
            }
        }
        return String(describing: error)
    }
}
