import Hummingbird
import Logging

/// One stderr line per request: method, path (query values of key-like names redacted), status,
/// duration and key id. The key itself never reaches a log line.
struct AccessLogMiddleware: RouterMiddleware {
    typealias Context = APIRequestContext

    let logger: Logger

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        let response = try await next(request, context)
        let elapsed = ContinuousClock.now - start
        let micros = elapsed.components.seconds * 1_000_000 + elapsed.components.attoseconds / 1_000_000_000_000
        let hundredths = micros / 10
        let ms = "\(hundredths / 100).\(hundredths % 100 < 10 ? "0" : "")\(hundredths % 100)"
        logger.info("\(request.method.rawValue) \(Self.loggable(request)) \(response.status.code) \(ms)ms key=\(context.note.keyID)")
        return response
    }

    /// The path and query with the value of any parameter named like a key, token or secret hidden.
    static func loggable(_ request: Request) -> String {
        let uri = request.uri
        guard let query = uri.query, !query.isEmpty else { return uri.path }
        let parts = query.split(separator: "&", omittingEmptySubsequences: false).map { part -> String in
            let name = part.split(separator: "=", maxSplits: 1).first.map(String.init)?.lowercased() ?? ""
            if ["key", "token", "secret", "auth"].contains(where: name.contains) { return name + "=REDACTED" }
            return String(part)
        }
        return uri.path + "?" + parts.joined(separator: "&")
    }
}
