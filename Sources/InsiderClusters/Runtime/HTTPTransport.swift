import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// What carries one GET to a source and brings back its response: the network, or a recording.
/// The HTTP client's retries, rate limits and judgement sit above it, so a replayed run takes the
/// same decisions as the recorded one.
public protocol HTTPTransport: Sendable {
    /// Sends one request and returns the response, or throws a transport error.
    func send(_ request: URLRequest) async throws -> HTTPResponse
    /// True when no source is reached (a replay): rate limits have nothing to protect then.
    var isOffline: Bool { get }
    /// URLs asked for that the transport could not serve from its recording, in order.
    var misses: [String] { get }
}

/// The network, through one shared URLSession.
public struct URLSessionTransport: HTTPTransport {
    let session: URLSession

    /// A session with no cache and a few connections per host.
    public init(timeout: TimeInterval) {
        let config = URLSessionConfiguration.ephemeral
        config.httpMaximumConnectionsPerHost = 4
        config.timeoutIntervalForRequest = timeout
        config.urlCache = nil
        config.requestCachePolicy = .reloadIgnoringLocalCacheData
        session = URLSession(configuration: config)
    }

    public func send(_ request: URLRequest) async throws -> HTTPResponse {
        let (data, response) = try await session.data(for: request)
        let http = response as? HTTPURLResponse
        var headers: [String: String] = [:]
        for (k, v) in http?.allHeaderFields ?? [:] { headers[String(describing: k).lowercased()] = String(describing: v) }
        return HTTPResponse(status: http?.statusCode ?? 0, headers: headers, body: Array(data), url: request.url!)
    }

    public var isOffline: Bool { false }
    public var misses: [String] { [] }
}
