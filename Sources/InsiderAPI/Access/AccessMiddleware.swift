import HTTPTypes
import Hummingbird

/// Decides who the caller is (SPEC section 9, Access) and charges the request to its budget:
/// a valid key by key id, no key (or an unknown one) by client IP. `401` for an unknown or revoked
/// key, `429` with `Retry-After` once a budget is spent. `/healthz` is free.
struct AccessMiddleware: RouterMiddleware {
    typealias Context = APIRequestContext

    let keys: KeyResolver
    let limits: RateLimits?
    let limiter = RateLimiter()

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        if request.uri.path == "/healthz" { return try await next(request, context) }
        let caller: Caller
        do {
            if let key = try KeyResolver.presentedKey(in: request.headers) {
                caller = try await keys.caller(for: key)
            } else {
                caller = .anonymous
            }
        } catch let error as APIError {
            try charge(.anonymous, ip: context.clientIP)   // guessing keys spends the IP's budget
            throw error
        }
        context.caller = caller
        context.note.keyID = caller.logID
        try charge(caller, ip: context.clientIP)
        return try await next(request, context)
    }

    private func charge(_ caller: Caller, ip: String) throws {
        guard let limits else { return }
        let identity: String, rule: BucketRule
        switch caller {
        case .anonymous: (identity, rule) = ("ip:" + ip, limits.anonymous)
        case .key(let id, .free): (identity, rule) = ("key:" + id, limits.free)
        case .key(let id, .pro): (identity, rule) = ("key:" + id, limits.pro)
        }
        if let wait = limiter.charge(identity, rule: rule) {
            throw APIError(.tooManyRequests, code: "rate_limited",
                           message: "request budget spent (\(Int(rule.capacity)) requests per minute for this caller); retry after \(wait) s",
                           headers: [(.retryAfter, String(wait))])
        }
    }
}
