import Hummingbird
import InsiderCore
import TradeStore

/// What every data endpoint shares: the store, the answer cache, today's date and the time limit.
struct QueryContext: Sendable {
    let store: any TradeStore
    let cache: AnswerCache
    let clock: AsOfClock
    let timeout: Duration

    /// The lookback window ending today T.
    func window(days: Int) -> LookbackWindow { LookbackWindow(asOf: clock.today(), days: days) }

    /// The cached answer for `endpoint` with `parameters` in `window`, as the caller's tier sees
    /// it; `compute` asks the store (within the time limit) and renders the full or preview body.
    func respond(to request: Request, caller: Caller, endpoint: String, parameters: String, window: LookbackWindow,
                 compute: @escaping @Sendable (_ full: Bool) async throws -> Answer) async throws -> Response {
        let full = caller.seesFullBodies
        let key = "\(endpoint)?\(parameters)@\(window.asOf)/\(full ? "pro" : "preview")"
        let timeout = timeout
        let answer = try await cache.answer(key) { try await askStore(within: timeout) { try await compute(full) } }
        return answer.response(to: request)
    }
}
