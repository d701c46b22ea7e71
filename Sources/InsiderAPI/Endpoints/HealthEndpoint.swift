import Hummingbird
import InsiderCore
import TradeStore

/// `GET /healthz`: 200 with the newest filing date when the store answers, else 503.
struct HealthEndpoint: Sendable {
    let store: any TradeStore
    let clock: AsOfClock
    let timeout: Duration

    func handle(_ request: Request, context: APIRequestContext) async throws -> Response {
        let store = store
        let status: StoreStatus
        do {
            status = try await withDeadline(timeout) { try await store.status() }
        } catch {
            context.logger.error("health check: store unreachable: \(String(describing: error))")
            throw APIError(.serviceUnavailable, code: "store_unavailable", message: "the trade store does not answer")
        }
        let body = JSONValue.object([
            ("status", .string("ok")),
            ("newestFilingDate", status.newestFilingDate.map { .string($0.description) } ?? .null),
            ("filings", .number(String(status.filings))),
            ("dataVersion", .number(String(status.dataVersion))),
            ("asOf", .string(clock.today().description)),
        ])
        return Answer(body).response(to: request)
    }
}
