import HTTPTypes
import Hummingbird
import HummingbirdCore
import Logging
import NIOCore
import ServiceLifecycle
import TradeStore

/// The Insider Trading API (SPEC section 9) over any `TradeStore`: routes, middleware and the
/// Hummingbird application that serves them.
public struct APIServer: Sendable {
    /// The store every answer comes from.
    public let store: any TradeStore
    /// Protection and freshness settings.
    public let settings: APISettings
    /// Today T.
    public let clock: AsOfClock
    /// Where access lines and failures go.
    public let logger: Logger

    /// Creates a server.
    public init(store: any TradeStore, settings: APISettings, clock: AsOfClock, logger: Logger) {
        self.store = store; self.settings = settings; self.clock = clock; self.logger = logger
    }

    /// The router: middleware outermost first (access log, CORS when configured, errors as JSON,
    /// access and budget), then the five routes (GET and HEAD).
    public func router() -> Router<APIRequestContext> {
        let router = Router(context: APIRequestContext.self)
        router.middlewares.add(AccessLogMiddleware(logger: logger))
        if let origin = settings.corsOrigin {
            router.middlewares.add(CORSMiddleware(allowOrigin: .custom(origin),
                                                  allowHeaders: [.contentType, .authorization, KeyResolver.headerName, .ifNoneMatch],
                                                  allowMethods: [.get], exposedHeaders: ["ETag", "Retry-After"]))
        }
        router.middlewares.add(ErrorMiddleware<APIRequestContext>(maxURILength: settings.maxURILength, maxBodyBytes: settings.maxBodyBytes))
        router.middlewares.add(AccessMiddleware(keys: KeyResolver(store: store, ttl: settings.versionCheckInterval, timeout: settings.requestTimeout), limits: settings.rateLimits))

        let query = QueryContext(store: store,
                                 cache: AnswerCache(store: store, checkInterval: settings.versionCheckInterval, maxAnswers: settings.maxCachedAnswers,
                                                      timeout: settings.requestTimeout),
                                 clock: clock, timeout: settings.requestTimeout)
        // Every route answers GET and HEAD (the error middleware drops a HEAD answer's body).
        func route(_ group: some RouterMethods<APIRequestContext>, _ path: RouterPath,
                   _ handler: @escaping @Sendable (Request, APIRequestContext) async throws -> Response) {
            group.on(path, method: .get, use: handler)
            group.on(path, method: .head, use: handler)
        }
        route(router, "/healthz", HealthEndpoint(query: query).handle)
        let api = router.group("/api/v1/insider")
        route(api, "activity", ActivityEndpoint(query: query).handle)
        route(api, "trades/:ticker", TradesEndpoint(query: query).handle)
        route(api, "cluster-buys", ClusterBuysEndpoint(query: query).handle)
        route(api, "openapi.json", OpenAPIEndpoint().handle)
        return router
    }

    /// The application listening on `host:port` (port 0: any free port, reported to `onServerRunning`).
    public func application(host: String, port: Int, onServerRunning: @escaping @Sendable (any Channel) async -> Void = { _ in })
        -> some ApplicationProtocol {
        let decoder = HTTP1Channel.Configuration.DecoderConfiguration(maxHeaderFieldSize: settings.maxHeaderBytes,
                                                                      maxHeaderListSize: settings.maxHeaderBytes, maxHeaderFieldCount: 100)
        let idle = TimeAmount.nanoseconds(Int64(settings.idleTimeout.components.seconds) * 1_000_000_000)
        return Application(router: router(),
                           server: .http1(configuration: .init(idleTimeout: idle, httpDecoderConfiguration: decoder)),
                           configuration: .init(address: .hostname(host, port: port), serverName: "insider-clusters"),
                           onServerRunning: onServerRunning, logger: logger)
    }

    /// Serves until SIGINT or SIGTERM, then stops accepting, lets in-flight requests finish and returns.
    public func run(host: String, port: Int) async throws {
        let logger = logger
        let app = application(host: host, port: port) { channel in
            let address = channel.localAddress
            logger.notice("insider-clusters API listening on http://\(address?.ipAddress ?? host):\(address?.port ?? port)")
        }
        let group = ServiceGroup(configuration: .init(services: [app], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        try await group.run()
    }
}
