import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import InMemoryLogging
import InsiderAPI
import InsiderCore
import Logging
import Testing
import TradeStore

/// Keys, the preview envelope, errors as JSON and the request budget.
@Suite struct AccessTests {
    static let bearer = HTTPField.Name.authorization

    @Test func previewForNoKeyAndFreeKey() async throws {
        let api = try await LiveAPI.make()
        let free = try await api.key(.free)
        try await api.run { client in
            for key in [nil, free.key] {
                let clusters = try await client.get("/api/v1/insider/cluster-buys?lookbackDays=30", key: key).json
                #expect(clusters["isPreview"] == .bool(true))
                #expect(clusters["previewReason"]?.stringValue == "PRO_REQUIRED")
                #expect(clusters["data"]?.arrayValue?.map { $0["ticker"]?.stringValue } == ["BIG", "CL5", "CL4"])

                let trades = try await client.get("/api/v1/insider/trades/ACME?lookbackDays=30", key: key).json
                #expect(trades["isPreview"] == .bool(true))
                #expect(trades["data"]?.arrayValue?.map { $0["transactionCode"]?.stringValue } == ["P", "G", "P", "S", "F"])

                let activity = try await client.get("/api/v1/insider/activity?lookbackDays=30", key: key).json
                #expect(activity["data"]?["buys"]?.arrayValue?.map { $0["ticker"]?.stringValue } == ["CL5", "CL4", "CL3", "CL2", "CL1"])
                #expect(activity["data"]?["sells"]?.arrayValue?.map { $0["ticker"]?.stringValue } == ["ACME", "SL5", "SL4", "SL3", "SL2"])
            }
        }
    }

    @Test func bearerKeyGetsFullBody() async throws {
        let api = try await LiveAPI.make()
        let pro = try await api.key(.pro)
        try await api.run { client in
            let response = try await client.get("/api/v1/insider/cluster-buys?lookbackDays=30", headers: [Self.bearer: "Bearer \(pro.key)"])
            #expect(response.status == .ok)
            #expect(response.json.arrayValue?.count == 8)
        }
    }

    @Test func unknownAndRevokedKeysAre401() async throws {
        let api = try await LiveAPI.make()
        let pro = try await api.key(.pro)
        try await api.run { client in
            let unknown = try await client.get("/api/v1/insider/cluster-buys", key: "ick_" + String(repeating: "0", count: 64))
            #expect(unknown.status == .unauthorized)
            #expect(unknown.json["error"]?.stringValue == "unauthorized")
            let unknownBearer = try await client.get("/api/v1/insider/activity", headers: [Self.bearer: "Bearer ick_nope"])
            #expect(unknownBearer.status == .unauthorized)

            #expect(try await client.get("/api/v1/insider/cluster-buys", key: pro.key).status == .ok)
            #expect(try await api.store.revokeAPIKey(id: pro.id, at: Date()))
            let revoked = try await client.get("/api/v1/insider/cluster-buys", key: pro.key)
            #expect(revoked.status == .unauthorized)
            #expect(revoked.json["message"]?.stringValue?.contains("revoked") == true)
        }
    }

    @Test(arguments: [
        ("/api/v1/insider/cluster-buys?lookbackDays=0", "lookbackDays"),
        ("/api/v1/insider/cluster-buys?lookbackDays=366", "lookbackDays"),
        ("/api/v1/insider/cluster-buys?lookbackDays=abc", "lookbackDays"),
        ("/api/v1/insider/cluster-buys?lookbackDays=9e9", "lookbackDays"),
        ("/api/v1/insider/cluster-buys?lookbackDays=", "lookbackDays"),
        ("/api/v1/insider/cluster-buys?lookbackDays=30&lookbackDays=60", "lookbackDays"),
        ("/api/v1/insider/cluster-buys?lookbackDays=-5", "lookbackDays"),
        ("/api/v1/insider/cluster-buys?lookbackDays=99999999999999999999", "lookbackDays"),
        ("/api/v1/insider/trades/ACME?lookbackDays=0", "lookbackDays"),
        ("/api/v1/insider/activity?lookbackDays=366", "lookbackDays"),
        ("/api/v1/insider/activity?limit=0", "limit"),
        ("/api/v1/insider/activity?limit=501", "limit"),
        ("/api/v1/insider/activity?limit=abc", "limit"),
        ("/api/v1/insider/activity?limit=9e9", "limit"),
        ("/api/v1/insider/activity?limit=", "limit"),
        ("/api/v1/insider/activity?limit=5&limit=6", "limit"),
        ("/api/v1/insider/trades/ACME$?lookbackDays=30", "ticker"),
        ("/api/v1/insider/trades/ABCDEFGHIJK", "ticker"),
    ])
    func badParameterIs400(uri: String, parameter: String) async throws {
        let api = try await LiveAPI.make()
        try await api.run { client in
            let response = try await client.get(uri)
            #expect(response.status == .badRequest)
            #expect(response.headers[.contentType] == "application/json; charset=utf-8")
            #expect(response.json["error"]?.stringValue == "bad_parameter")
            let message = response.json["message"]?.stringValue ?? ""
            #expect(message.contains(parameter), "message \(message) does not name \(parameter)")
            if parameter == "lookbackDays" { #expect(message.contains("1 to 365")) }
            if parameter == "limit" { #expect(message.contains("1 to 500")) }
        }
    }

    @Test func unknownTickerAndUnknownPathAre404() async throws {
        let api = try await LiveAPI.make()
        let pro = try await api.key(.pro)
        try await api.run { client in
            let ticker = try await client.get("/api/v1/insider/trades/ZZZZ", key: pro.key)
            #expect(ticker.status == .notFound)
            #expect(ticker.json["error"]?.stringValue == "not_found")
            #expect(ticker.json["message"]?.stringValue?.contains("ZZZZ") == true)
            let noKey = try await client.get("/api/v1/insider/trades/ZZZZ")
            #expect(noKey.status == .notFound)

            for path in ["/api/v1/insider/nothing", "/", "/api/v1/insider/trades/", "/index.html"] {
                let response = try await client.get(path)
                #expect(response.status == .notFound, "\(path)")
                #expect(response.headers[.contentType] == "application/json; charset=utf-8")
                #expect(response.json["error"]?.stringValue == "not_found")
            }
            let post = try await client.execute(uri: "/api/v1/insider/activity", method: .post)
            #expect(post.status == .methodNotAllowed)
            #expect(post.json["error"]?.stringValue == "method_not_allowed")
            #expect(post.headers[.allow] == "GET, HEAD")

            // HEAD: the GET's status and headers, no body.
            let get = try await client.get("/api/v1/insider/cluster-buys?lookbackDays=30", key: pro.key)
            let head = try await client.execute(uri: "/api/v1/insider/cluster-buys?lookbackDays=30", method: .head,
                                                headers: [HTTPField.Name("X-SentiSense-API-Key")!: pro.key])
            #expect(head.status == .ok)
            #expect(head.body.readableBytes == 0)
            #expect(head.headers[.eTag] != nil && head.headers[.eTag] == get.headers[.eTag])
            #expect(head.headers[.contentType] == get.headers[.contentType])
            #expect(try await client.execute(uri: "/api/v1/insider/trades/ZZZZ", method: .head).status == .notFound)
        }
    }

    @Test func spentBudgetIs429WithRetryAfter() async throws {
        let api = try await LiveAPI.make()
        let free = try await api.key(.free)
        let limits = RateLimits(anonymous: .perMinute(3), free: .perMinute(2), pro: .perMinute(100))
        try await api.run(settings: LiveAPI.settings(rateLimits: limits)) { client in
            for _ in 0..<3 { #expect(try await client.get("/api/v1/insider/cluster-buys").status == .ok) }
            let spent = try await client.get("/api/v1/insider/cluster-buys")
            #expect(spent.status == .tooManyRequests)
            #expect(spent.json["error"]?.stringValue == "rate_limited")
            let retryAfter = Int(spent.headers[.retryAfter] ?? "") ?? 0
            #expect(retryAfter >= 1 && retryAfter <= 20)
            // A key has its own budget.
            for _ in 0..<2 { #expect(try await client.get("/api/v1/insider/cluster-buys", key: free.key).status == .ok) }
            #expect(try await client.get("/api/v1/insider/cluster-buys", key: free.key).status == .tooManyRequests)
            // Health checks are not charged.
            #expect(try await client.get("/healthz").status == .ok)
        }
    }

    @Test func etagGives304() async throws {
        let api = try await LiveAPI.make()
        let pro = try await api.key(.pro)
        try await api.run { client in
            let first = try await client.get("/api/v1/insider/cluster-buys?lookbackDays=30", key: pro.key)
            let tag = try #require(first.headers[.eTag])
            let again = try await client.get("/api/v1/insider/cluster-buys?lookbackDays=30", key: pro.key, headers: [.ifNoneMatch: tag])
            #expect(again.status == .notModified)
            #expect(again.body.readableBytes == 0)
            let other = try await client.get("/api/v1/insider/cluster-buys?lookbackDays=7", key: pro.key, headers: [.ifNoneMatch: tag])
            #expect(other.status == .ok)
            // The preview is a different body with a different tag.
            let preview = try await client.get("/api/v1/insider/cluster-buys?lookbackDays=30", headers: [.ifNoneMatch: tag])
            #expect(preview.status == .ok)
        }
    }

    @Test func accessLogNamesKeyIdNeverKey() async throws {
        let api = try await LiveAPI.make()
        let pro = try await api.key(.pro)
        let handler = InMemoryLogHandler()
        let logger = Logger(label: "test") { _ in handler }
        try await api.run(logger: logger) { client in
            _ = try await client.get("/api/v1/insider/cluster-buys?lookbackDays=30", key: pro.key)
            _ = try await client.get("/api/v1/insider/activity?apiKey=\(pro.key)", headers: [Self.bearer: "Bearer \(pro.key)"])
            _ = try await client.get("/api/v1/insider/activity", key: "ick_wrong")
        }
        let lines = handler.entries.map { "\($0.message) \($0.metadata)" }
        #expect(lines.contains { $0.contains("GET /api/v1/insider/cluster-buys?lookbackDays=30 200") && $0.contains("key=\(pro.id)") })
        #expect(lines.contains { $0.contains(" 401 ") })
        #expect(!lines.contains { $0.contains(pro.key) || $0.contains("ick_wrong") })
    }

    @Test func corsOnlyWhenConfigured() async throws {
        let origin: HTTPFields = [.origin: "https://app.example"]
        let plain = try await LiveAPI.make()
        try await plain.run { client in
            let response = try await client.get("/api/v1/insider/cluster-buys", headers: origin)
            #expect(response.status == .ok)
            #expect(response.headers[.accessControlAllowOrigin] == nil)
        }
        let configured = try await LiveAPI.make()
        var settings = LiveAPI.settings()
        settings.corsOrigin = "https://app.example"
        try await configured.run(settings: settings) { client in
            let response = try await client.get("/api/v1/insider/cluster-buys", headers: origin)
            #expect(response.headers[.accessControlAllowOrigin] == "https://app.example")
        }
    }
}
