import Hummingbird
import InsiderCore
import TradeStore

/// `GET /api/v1/insider/cluster-buys?lookbackDays=`: issuers where at least 3 distinct insiders
/// bought on the open market in the window (SPEC section 9).
struct ClusterBuysEndpoint: Sendable {
    /// SPEC section 9: "at least 3 distinct insiders".
    static let minInsiders = 3

    let query: QueryContext

    func handle(_ request: Request, context: APIRequestContext) async throws -> Response {
        let days = try QueryParameters(request).lookbackDays()
        let window = query.window(days: days)
        let store = query.store
        return try await query.respond(to: request, caller: context.caller, endpoint: "cluster-buys",
                                       parameters: QueryParameters.canonical([("lookbackDays", days)]), window: window) { full in
            let buys = try await store.clusterBuys(in: window, minInsiders: Self.minInsiders)
            let body = JSONValue.array((full ? buys[...] : buys.prefix(Preview.clusterBuys)).map(\.json))
            return Answer(full ? body : Preview.envelope(body))
        }
    }
}
