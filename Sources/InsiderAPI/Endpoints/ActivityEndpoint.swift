import Hummingbird
import InsiderCore
import TradeStore

/// `GET /api/v1/insider/activity?lookbackDays=&limit=`: buys and sells by issuer (SPEC section 9).
struct ActivityEndpoint: Sendable {
    let query: QueryContext

    func handle(_ request: Request, context: APIRequestContext) async throws -> Response {
        let parameters = QueryParameters(request)
        let days = try parameters.lookbackDays(), limit = try parameters.limit()
        let window = query.window(days: days)
        let store = query.store
        return try await query.respond(to: request, caller: context.caller, endpoint: "activity",
                                       parameters: QueryParameters.canonical([("lookbackDays", days), ("limit", limit)]),
                                       window: window) { full in
            let activity = try await store.activity(in: window, limit: limit)
            if full { return Answer(activity.json) }
            let cut = InsiderActivity(buys: Array(activity.buys.prefix(Preview.entries)), sells: Array(activity.sells.prefix(Preview.entries)))
            return Answer(Preview.envelope(cut.json))
        }
    }
}
