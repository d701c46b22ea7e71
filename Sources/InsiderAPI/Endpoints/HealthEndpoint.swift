import Hummingbird
import InsiderCore
import TradeStore

/// `GET /healthz`: 200 with the newest filing date when the store answers, else 503. The counts
/// change only with the data version, so the body is cached like any answer; the store is still
/// asked for its version at least once per version-check interval, which is the reachability check.
struct HealthEndpoint: Sendable {
    let query: QueryContext

    func handle(_ request: Request, context: APIRequestContext) async throws -> Response {
        let store = query.store, timeout = query.timeout, today = query.clock.today()
        do {
            let answer = try await query.cache.answer("healthz@\(today)") {
                let status = try await askStore(within: timeout) { try await store.status() }
                return Answer(.object([
                    ("status", .string("ok")),
                    ("newestFilingDate", status.newestFilingDate.map { .string($0.description) } ?? .null),
                    ("filings", .number(String(status.filings))),
                    ("dataVersion", .number(String(status.dataVersion))),
                    ("asOf", .string(today.description)),
                ]))
            }
            return answer.response(to: request)
        } catch {
            context.logger.error("health check: store unreachable: \(String(describing: error))")
            throw APIError(.serviceUnavailable, code: "store_unavailable", message: "the trade store does not answer")
        }
    }
}
