import Foundation
@testable import InsiderClusters
import InsiderCore

/// The Apify platform API endpoints a run uses (DOMAIN.md 3.7), on 127.0.0.1, checking every
/// request (bearer token, content type, body, idempotency key) and charging each key once, as
/// the platform does.
final class FakeApify: @unchecked Sendable {
    static let token = "apify-test-token"
    static let runID = "run1"
    private let lock = NSLock()
    private(set) var server: TestHTTPServer!
    /// The input record; nil answers 404.
    var input: String?
    /// `options.maxTotalChargeUsd` of the run.
    var maxTotalChargeUSD = "10"
    /// Statuses to answer the next charge calls with before accepting (429, 500, ...).
    var chargeScript: [Int] = []
    /// A key answered 400 (a permanent failure: the process stops there).
    var failKey: String?
    private(set) var items: [JSONValue] = []
    /// Records by store id and key: the run's default store `kvs1` (other than INPUT: the state
    /// record) and the named store `insider-clusters-run-history` (id `history1`).
    private var stores: [String: [String: [UInt8]]] = [:]
    /// Records of `kvs1` other than the input, by key.
    var records: [String: [UInt8]] { get { stores["kvs1", default: [:]] } set { stores["kvs1"] = newValue } }
    /// Called on the charge with this key after it is accepted and before it is answered
    /// (a migration in the middle of the charges); the answer waits for the hook.
    var onCharge: (key: String, hook: @Sendable () -> Void)?
    /// Records of the named store `insider-clusters-run-history` (id `history1`), by key.
    var historyRecords: [String: [UInt8]] { get { stores["history1", default: [:]] } set { stores["history1"] = newValue } }
    /// Accepted charges: key -> event name, each key once.
    private(set) var charged: [String: String] = [:]
    /// Every charge call in order: (key, status answered).
    private(set) var chargeCalls: [(key: String, status: Int)] = []
    private(set) var pushes = 0
    private(set) var statuses: [JSONValue] = []
    /// Requests that broke the API's rules.
    private(set) var problems: [String] = []

    init() throws {
        // Weak: a connection still open when the test ends must not outlive the fake's state.
        server = try TestHTTPServer { [weak self] req in self?.respond(req) ?? .text(503, "gone") }
    }
    deinit { server.stop() }

    var environment: [String: String] {
        ["APIFY_IS_AT_HOME": "1", "APIFY_TOKEN": FakeApify.token, "APIFY_API_BASE_URL": server.baseURL + "/", "ACTOR_RUN_ID": FakeApify.runID,
         "ACTOR_DEFAULT_DATASET_ID": "ds1", "ACTOR_DEFAULT_KEY_VALUE_STORE_ID": "kvs1"]
    }

    var symbols: [String] { lock.withLock { items.compactMap { $0["symbol"]?.stringValue } } }

    func set(_ change: (FakeApify) -> Void) { lock.withLock { change(self) } }

    static func json(_ status: Int, _ value: JSONValue) -> CannedResponse { .ok(Array(value.compactText.utf8), contentType: "application/json").with(status: status) }

    func respond(_ req: RecordedRequest) -> CannedResponse {
        let response = answer(req)
        let hook: (@Sendable () -> Void)? = lock.withLock {
            guard req.method == "POST", req.path == "/v2/actor-runs/\(FakeApify.runID)/charge", let onCharge,
                  req.headers["idempotency-key"] == onCharge.key else { return nil }
            self.onCharge = nil
            return onCharge.hook
        }
        hook?()
        return response
    }

    /// Waits up to `timeout` for the default store to hold `key`.
    func waitForRecord(_ key: String, timeout: Duration = .seconds(20)) -> Bool {
        let end = ContinuousClock.now + timeout
        while ContinuousClock.now < end {
            if lock.withLock({ records[key] != nil }) { return true }
            Thread.sleep(forTimeInterval: 0.02)
        }
        return false
    }

    func answer(_ req: RecordedRequest) -> CannedResponse {
        lock.withLock {
            func problem(_ p: String) -> CannedResponse { problems.append("\(req.method) \(req.target): \(p)"); return .text(400, p) }
            guard req.headers["authorization"] == "Bearer \(FakeApify.token)" else { return problem("no or wrong bearer token") }
            let jsonType = "application/json; charset=utf-8"
            switch (req.method, req.path) {
            case ("GET", "/v2/actor-runs/\(FakeApify.runID)"):
                var counts: [String: Int] = [:]
                for event in charged.values { counts[event, default: 0] += 1 }
                let pricing = JSONValue.object([("pricingModel", .string("PAY_PER_EVENT")), ("pricingPerEvent", .object([("actorChargeEvents", .object([
                    ("actor-start", .object([("eventTitle", .string("Actor start")), ("eventPriceUsd", .number("0.01"))])),
                    ("cluster-record", .object([("eventTitle", .string("Cluster record")), ("eventPriceUsd", .number("0.25"))]))]))]))])
                return FakeApify.json(200, .object([("data", .object([
                    ("id", .string(FakeApify.runID)), ("pricingInfo", pricing),
                    ("chargedEventCounts", .object(counts.sorted { $0.key < $1.key }.map { ($0.key, .number(String($0.value))) })),
                    ("options", .object([("maxTotalChargeUsd", .number(maxTotalChargeUSD))]))]))]))
            case ("GET", "/v2/key-value-stores/kvs1/records/INPUT"):
                return input.map { .ok(Array($0.utf8), contentType: "application/json") } ?? .text(404, #"{"error":{"type":"record-not-found"}}"#)
            case ("POST", "/v2/key-value-stores"):
                guard req.query["name"] == ApifyPlatform.historyStoreName else { return problem("unexpected store name") }
                return FakeApify.json(201, .object([("data", .object([("id", .string("history1")), ("name", .string(ApifyPlatform.historyStoreName))]))]))
            case (let method, let path) where (method == "GET" || method == "PUT") && path.hasPrefix("/v2/key-value-stores/"):
                let parts = path.split(separator: "/").map(String.init)   // v2 key-value-stores {id} records {key}
                guard parts.count == 5, parts[3] == "records", ["kvs1", "history1"].contains(parts[2]) else { return problem("unexpected store path") }
                if method == "GET" {
                    return stores[parts[2]]?[parts[4]].map { .ok($0, contentType: "application/json") } ?? .text(404, #"{"error":{"type":"record-not-found"}}"#)
                }
                guard req.headers["content-type"] == jsonType, (try? JSONValue.parse(req.body)) != nil else { return problem("record not JSON") }
                stores[parts[2], default: [:]][parts[4]] = req.body
                return FakeApify.json(201, .object([]))
            case ("GET", "/v2/datasets/ds1/items"):
                guard req.query["fields"] == "symbol" else { return problem("items read without fields=symbol") }
                return FakeApify.json(200, .array(items.map { .object([("symbol", $0["symbol"] ?? .null)]) }))
            case ("POST", "/v2/datasets/ds1/items"):
                guard req.headers["content-type"] == jsonType else { return problem("push content type \(req.headers["content-type"] ?? "none")") }
                guard req.body.count < 5_000_000, let rows = (try? JSONValue.parse(req.body))?.arrayValue, !rows.isEmpty else { return problem("push body not a JSON array under 5 MB") }
                items += rows
                pushes += 1
                return FakeApify.json(201, .object([]))
            case ("POST", "/v2/actor-runs/\(FakeApify.runID)/charge"):
                guard req.headers["content-type"] == jsonType else { return problem("charge content type") }
                guard let key = req.headers["idempotency-key"], let body = try? JSONValue.parse(req.body),
                      let event = body["eventName"]?.stringValue, body["count"]?.integerValue == 1,
                      key.hasPrefix("\(FakeApify.runID)-\(event)-"), Int(key.dropFirst("\(FakeApify.runID)-\(event)-".count)) != nil else {
                    return problem("charge without a run-event-item idempotency key or a {eventName, count: 1} body")
                }
                if !chargeScript.isEmpty {
                    let status = chargeScript.removeFirst()
                    chargeCalls.append((key, status))
                    return .text(status, #"{"error":{"type":"scripted"}}"#, contentType: "application/json")
                }
                if key == failKey {
                    chargeCalls.append((key, 400))
                    return .text(400, #"{"error":{"type":"scripted-permanent"}}"#, contentType: "application/json")
                }
                chargeCalls.append((key, 201))
                if charged[key] == nil { charged[key] = event }
                return FakeApify.json(201, .object([]))
            case ("PUT", "/v2/actor-runs/\(FakeApify.runID)"):
                guard req.headers["content-type"] == jsonType, let body = try? JSONValue.parse(req.body),
                      body["runId"]?.stringValue == FakeApify.runID, body["statusMessage"]?.stringValue != nil else { return problem("status body") }
                statuses.append(body)
                return FakeApify.json(200, .object([("data", .object([]))]))
            default:
                return problem("unexpected endpoint")
            }
        }
    }
}

extension CannedResponse {
    func with(status: Int) -> CannedResponse { var r = self; r.status = status; return r }
}
