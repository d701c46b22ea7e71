import Hummingbird
import NIOCore

/// The per-request context: Hummingbird's core storage plus who is calling.
public struct APIRequestContext: RequestContext {
    /// Hummingbird's storage (parameters, logger, endpoint path).
    public var coreContext: CoreRequestContextStorage
    /// The caller, set by the access middleware; anonymous until then.
    public var caller: Caller
    /// The client's IP address (the anonymous rate-limit identity).
    public let clientIP: String
    /// What inner middleware learned that the access log (outermost) prints.
    public let note = RequestNote()

    /// Creates a context for a request on `source.channel`.
    public init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.clientIP = source.channel.remoteAddress?.ipAddress ?? "unknown"
        self.caller = .anonymous
    }

    /// The API takes no request body; anything above 16 KiB is refused.
    public var maxUploadSize: Int { 16 * 1024 }
}
