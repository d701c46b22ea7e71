import Hummingbird
import InsiderCore
import TradeStore

/// `GET /api/v1/insider/trades/{ticker}?lookbackDays=`: every transaction of one issuer, newest
/// first (SPEC section 9); `404` for a ticker the store has never seen.
struct TradesEndpoint: Sendable {
    let query: QueryContext

    func handle(_ request: Request, context: APIRequestContext) async throws -> Response {
        let ticker = try QueryParameters.ticker(context.parameters.get("ticker") ?? "")
        let days = try QueryParameters(request).lookbackDays()
        let window = query.window(days: days)
        let store = query.store
        return try await query.respond(to: request, caller: context.caller, endpoint: "trades/" + ticker,
                                       parameters: QueryParameters.canonical([("lookbackDays", days)]), window: window) { full in
            guard let trades = try await store.trades(ticker: ticker, in: window) else {
                let error = APIError.notFound("ticker \(ticker) is not in the store (no Form 4 of an issuer with that symbol was ever loaded)")
                return Answer(.object([("error", .string(error.code)), ("message", .string(error.message))]), status: .notFound)
            }
            let body = JSONValue.array((full ? trades[...] : trades.prefix(Preview.entries)).map(\.json))
            return Answer(full ? body : Preview.envelope(body))
        }
    }
}
