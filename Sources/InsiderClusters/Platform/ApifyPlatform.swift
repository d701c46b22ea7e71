import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import InsiderCore
import Logging

/// The Apify platform API a run on the platform (`APIFY_IS_AT_HOME=1`) talks to (DOMAIN.md 3.7):
/// the input record, the run's default dataset, pay-per-event charges and status messages.
///
/// Every call carries `Authorization: Bearer <APIFY_TOKEN>` and is retried as the official
/// clients do: on network errors, 429 and 5xx, with exponential backoff from `baseDelay`, up to
/// 8 retries, reusing the same idempotency key, so a retried charge is charged once.
public final class ApifyPlatform: Sendable {
    /// `{APIFY_API_BASE_URL}/v2`.
    public let api: URL
    let token: String
    /// `ACTOR_RUN_ID`.
    public let runID: String
    /// `ACTOR_DEFAULT_DATASET_ID`.
    public let datasetID: String
    /// `ACTOR_DEFAULT_KEY_VALUE_STORE_ID`.
    public let storeID: String
    let session: URLSession
    let maxRetries: Int
    let baseDelay: Duration
    let logger: Logger

    /// Most bytes in one push: the platform refuses requests over 5 MB; stay well under.
    public static let maxPushBytes = 4_500_000

    /// A failure of the platform API that retries did not cure.
    public struct Failure: Error, CustomStringConvertible, Sendable {
        /// What failed, with the endpoint and status.
        public var description: String
    }

    /// The platform settings of a run, or nil when not at home. Throws naming the variable that is missing.
    public static func fromEnvironment(_ env: RunEnvironment, retry: RetryPolicy, logger: Logger) throws -> ApifyPlatform? {
        guard let home = env.first("APIFY_IS_AT_HOME"), !["0", "false"].contains(home.lowercased()) else { return nil }
        func required(_ key: String) throws -> String {
            guard let v = env.first(key) else { throw ConfigurationError("\(key) is not set, and a run on the Apify platform (APIFY_IS_AT_HOME=1) needs it") }
            return v
        }
        let base = env.first("APIFY_API_BASE_URL") ?? "https://api.apify.com/"
        guard let root = URL(string: base.hasSuffix("/") ? String(base.dropLast()) : base), root.scheme != nil, root.host != nil else {
            throw ConfigurationError("APIFY_API_BASE_URL: \"\(base)\" is not an http(s) URL")
        }
        return ApifyPlatform(api: root.appendingPathComponent("v2"), token: try required("APIFY_TOKEN"), runID: try required("ACTOR_RUN_ID"),
                             datasetID: env.first("ACTOR_DEFAULT_DATASET_ID") ?? "default",
                             storeID: env.first("ACTOR_DEFAULT_KEY_VALUE_STORE_ID") ?? "default",
                             maxRetries: 8, baseDelay: retry.baseDelay, timeout: retry.timeout, logger: logger)
    }

    /// Creates a client.
    public init(api: URL, token: String, runID: String, datasetID: String, storeID: String, maxRetries: Int, baseDelay: Duration,
                timeout: TimeInterval, logger: Logger) {
        self.api = api; self.token = token; self.runID = runID; self.datasetID = datasetID; self.storeID = storeID
        self.maxRetries = maxRetries; self.baseDelay = baseDelay; self.logger = logger
        let config = URLSessionConfiguration.ephemeral
        config.timeoutIntervalForRequest = timeout
        config.urlCache = nil
        session = URLSession(configuration: config)
    }

    /// The input record's bytes, or nil when the store has none (404).
    public func inputRecord(key: String) async throws -> [UInt8]? {
        let (status, body) = try await send("GET", "key-value-stores/\(storeID)/records/\(key)", okStatuses: [200, 404])
        return status == 404 ? nil : body
    }

    /// Pushes rows in order, as few requests as fit under 5 MB each.
    public func push(_ rows: [JSONValue]) async throws {
        var batch: [String] = []
        var size = 2
        func flush() async throws {
            guard !batch.isEmpty else { return }
            _ = try await send("POST", "datasets/\(datasetID)/items", body: Array(("[" + batch.joined(separator: ",") + "]").utf8),
                               contentType: "application/json; charset=utf-8", okStatuses: [200, 201])
            batch = []; size = 2
        }
        for row in rows {
            let text = row.compactText
            if !batch.isEmpty && size + text.utf8.count + 1 > ApifyPlatform.maxPushBytes { try await flush() }
            batch.append(text); size += text.utf8.count + 1
        }
        try await flush()
    }

    /// The idempotency key of the `item`-th event of a kind in this run: stable across retries,
    /// restarts and migrations, so the platform charges it once.
    public func idempotencyKey(event: String, item: Int) -> String { "\(runID)-\(event)-\(item)" }

    /// Charges one event under its idempotency key.
    public func charge(_ event: String, item: Int) async throws {
        _ = try await send("POST", "actor-runs/\(runID)/charge", body: Array(#"{"eventName":"\#(event)","count":1}"#.utf8),
                           contentType: "application/json; charset=utf-8", extraHeaders: ["idempotency-key": idempotencyKey(event: event, item: item)],
                           okStatuses: [200, 201])
    }

    /// Sets the run's status message (best effort: a lost status message fails nothing).
    public func status(_ message: String, terminal: Bool = false) async {
        let body = JSONValue.object([("runId", .string(runID)), ("statusMessage", .string(message)), ("isStatusMessageTerminal", .bool(terminal))])
        do { _ = try await send("PUT", "actor-runs/\(runID)", body: Array(body.compactText.utf8), contentType: "application/json; charset=utf-8") } catch {
            logger.warning("status message not set: \(error)")
        }
    }

    /// One API call with the platform's retry rules.
    func send(_ method: String, _ path: String, query: [(String, String)] = [], body: [UInt8]? = nil, contentType: String? = nil,
              extraHeaders: [String: String] = [:], okStatuses: Set<Int> = [200, 201]) async throws -> (Int, [UInt8]) {
        var components = URLComponents(url: api.appendingPathComponent(path), resolvingAgainstBaseURL: false)!
        if !query.isEmpty { components.queryItems = query.map { URLQueryItem(name: $0.0, value: $0.1) } }
        var request = URLRequest(url: components.url!)
        request.httpMethod = method
        request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
        if let contentType { request.setValue(contentType, forHTTPHeaderField: "Content-Type") }
        for (k, v) in extraHeaders { request.setValue(v, forHTTPHeaderField: k) }
        if let body { request.httpBody = Data(body) }
        var attempt = 0
        while true {
            attempt += 1
            var reason: String
            do {
                let (data, response) = try await session.data(for: request)
                let status = (response as? HTTPURLResponse)?.statusCode ?? 0
                if okStatuses.contains(status) { return (status, Array(data)) }
                reason = "HTTP \(status): \(String(decoding: data.prefix(300), as: UTF8.self))"
                guard status == 429 || status >= 500 else { throw Failure(description: "\(method) \(path): \(reason)") }
            } catch let failure as Failure {
                throw failure
            } catch {
                if Task.isCancelled { throw CancellationError() }
                reason = HTTPClient.describe(error)
            }
            guard attempt <= maxRetries else { throw Failure(description: "\(method) \(path): still failing after \(attempt) attempts: \(reason)") }
            let delay = baseDelay * (1 << min(attempt - 1, 10))
            logger.warning("Apify API \(method) \(path): \(reason); retry \(attempt)/\(maxRetries) in \(delay)")
            try await Task.sleep(for: delay)
        }
    }
}

extension ApifyPlatform {
    /// The run's pricing, budget and counts already charged (`GET /v2/actor-runs/{runId}`), as the
    /// environment variables the charger reads (`APIFY_ACTOR_PRICING_INFO`, `ACTOR_MAX_TOTAL_CHARGE_USD`,
    /// `APIFY_CHARGED_ACTOR_EVENT_COUNTS`); the platform's word wins over the container's variables.
    ///
    /// `rowsAlreadyPushed` rows were charged under keys this run sends again (same run, event and
    /// item number), which the platform charges once: they do not count against the budget twice.
    public func chargingEnvironment(rowsAlreadyPushed: Int) async throws -> [String: String] {
        let (_, body) = try await send("GET", "actor-runs/\(runID)")
        let data = try JSONValue.parse(body)["data"]
        var env: [String: String] = [:]
        if let pricing = data?["pricingInfo"], pricing != .null { env["APIFY_ACTOR_PRICING_INFO"] = pricing.compactText }
        if case .object(let counts)? = data?["chargedEventCounts"] {
            let adjusted: [(String, JSONValue)] = counts.map { name, count in
                guard name == Pricing.clusterRecord, let n = count.integerValue else { return (name, count) }
                return (name, .number(String(max(0, n - Int64(rowsAlreadyPushed)))))
            }
            env["APIFY_CHARGED_ACTOR_EVENT_COUNTS"] = JSONValue.object(adjusted).compactText
        }
        if case .number(let max)? = data?["options"]?["maxTotalChargeUsd"] { env["ACTOR_MAX_TOTAL_CHARGE_USD"] = max }
        return env
    }

    /// The symbols of the rows already in the run's default dataset, in order (rows an earlier
    /// container of this run pushed before a migration or a restart).
    public func pushedSymbols() async throws -> [String] {
        let (_, body) = try await send("GET", "datasets/\(datasetID)/items", query: [("fields", "symbol"), ("format", "json"), ("clean", "1")])
        return (try JSONValue.parse(body).arrayValue ?? []).compactMap { $0["symbol"]?.stringValue }
    }
}

extension ApifyPlatform {
    /// The id of the named key-value store `name`, created when missing
    /// (`POST /v2/key-value-stores?name=...` gets or creates it).
    public func namedStore(_ name: String) async throws -> String {
        let (_, body) = try await send("POST", "key-value-stores", query: [("name", name)], okStatuses: [200, 201])
        guard let id = try JSONValue.parse(body)["data"]?["id"]?.stringValue else {
            throw Failure(description: "POST key-value-stores?name=\(name): no data.id in the answer")
        }
        return id
    }

    /// A record of a key-value store, or nil when missing (404).
    public func record(store: String, key: String) async throws -> [UInt8]? {
        let (status, body) = try await send("GET", "key-value-stores/\(store)/records/\(key)", okStatuses: [200, 404])
        return status == 404 ? nil : body
    }

    /// Writes a JSON record to a key-value store.
    public func setRecord(store: String, key: String, json: [UInt8]) async throws {
        _ = try await send("PUT", "key-value-stores/\(store)/records/\(key)", body: json, contentType: "application/json; charset=utf-8",
                           okStatuses: [200, 201])
    }

    /// The named store that keeps each input's last completed run across platform runs (a
    /// container's disk does not outlive its run).
    public static let historyStoreName = "insider-clusters-run-history"
}
